/**
 * The one error type of the platform. Services throw AppError with a stable code; the HTTP layer
 * maps the code to a status through STATUS_BY_CODE and renders RFC 9457 problem+json.
 */
export interface FieldError {
  field: string;
  message: string;
}

export const STATUS_BY_CODE = {
  VALIDATION_FAILED: 400,
  MALFORMED_JSON: 400,
  BAD_REQUEST: 400,
  OIDC_STATE_MISMATCH: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  TOKEN_EXPIRED: 401,
  CSRF_TOKEN_INVALID: 403,
  FORBIDDEN: 403,
  /** The caller is the official concerned or the person who filed the record (platform/self-review.ts). */
  SELF_REVIEW: 403,
  NOT_DOSSIER_OWNER: 403,
  /** An administrator locked the account: it cannot sign in. */
  ACCOUNT_DISABLED: 403,
  NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  CONFLICT: 409,
  VERSION_CONFLICT: 409,
  ALREADY_EXISTS: 409,
  PAYLOAD_TOO_LARGE: 413,
  ARCHIVE_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE: 422,
  ARCHIVE_INVALID: 422,
  ACCOUNT_LOCKED: 429,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof STATUS_BY_CODE;

export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly errors: FieldError[] | undefined;
  readonly extra: Record<string, unknown> | undefined;

  constructor(code: ErrorCode | (string & {}), message: string, opts: { status?: number; errors?: FieldError[]; extra?: Record<string, unknown> } = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.status = opts.status ?? (STATUS_BY_CODE as Record<string, number>)[code] ?? 422;
    this.errors = opts.errors;
    this.extra = opts.extra;
  }

  static notFound(what: string): AppError {
    return new AppError('NOT_FOUND', `${what} không tồn tại hoặc bạn không có quyền xem.`);
  }

  static validation(field: string, message: string): AppError {
    return new AppError('VALIDATION_FAILED', message, { errors: [{ field, message }] });
  }

  static forbidden(message = 'Bạn không có quyền thực hiện thao tác này.'): AppError {
    return new AppError('FORBIDDEN', message);
  }

  /** A business rule refused the action: 422 with the rule's own stable code. */
  static rule(code: string, message: string, extra?: Record<string, unknown>): AppError {
    return new AppError(code, message, { status: 422, extra });
  }
}
