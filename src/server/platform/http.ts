import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type FieldError } from './errors.js';

interface AjvIssue {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

/** `body/applicant/phone` style field names, from ajv's issues. */
function fieldsOf(issues: AjvIssue[], context: string | undefined): FieldError[] {
  return issues.map((i) => {
    const base = i.instancePath.replace(/^\//, '').replace(/\//g, '.');
    const extra = i.keyword === 'required' ? String(i.params.missingProperty) : i.keyword === 'additionalProperties' ? String(i.params.additionalProperty) : '';
    const field = [base, extra].filter(Boolean).join('.') || context || 'body';
    const prefix = context && context !== 'body' ? `${context}.` : '';
    return { field: prefix + field, message: i.message ?? i.keyword };
  });
}

export function sendProblem(req: FastifyRequest, reply: FastifyReply, err: AppError): FastifyReply {
  if (err.status >= 500 && err.code !== 'INTERNAL') req.log.warn({ code: err.code, detail: err.message }, 'server-side problem');
  const body: Record<string, unknown> = {
    type: `https://congvu.gov.vn/problems/${err.code.toLowerCase().replace(/_/g, '-')}`,
    title: err.code,
    status: err.status,
    code: err.code,
    // A server-side failure says what happened in general terms only; the log keeps the rest.
    detail:
      err.status >= 500
        ? err.status === 503
          ? 'Dịch vụ tạm thời không sẵn sàng, vui lòng thử lại sau.'
          : 'Đã xảy ra lỗi hệ thống. Vui lòng thử lại sau.'
        : err.message,
    instance: req.url.split('?')[0],
    requestId: req.id,
  };
  if (err.errors?.length) body.errors = err.errors;
  if (err.extra) Object.assign(body, err.extra);
  return reply.code(err.status).type('application/problem+json; charset=utf-8').send(body);
}

/** Every error leaves as RFC 9457 problem+json; 5xx hide their details. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, req, reply) => {
    if (error instanceof AppError) return sendProblem(req, reply, error);
    const fe = error as FastifyError & { validation?: AjvIssue[]; validationContext?: string };
    if (fe.validation) {
      const errors = fieldsOf(fe.validation, fe.validationContext);
      return sendProblem(
        req,
        reply,
        new AppError('VALIDATION_FAILED', `Dữ liệu không hợp lệ: ${errors.map((e) => `${e.field} ${e.message}`).join('; ')}`, { errors }),
      );
    }
    if (fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (fe.statusCode === 400 && fe instanceof SyntaxError)) {
      return sendProblem(req, reply, new AppError('MALFORMED_JSON', 'Nội dung JSON không hợp lệ.', { errors: [{ field: 'body', message: 'malformed JSON' }] }));
    }
    if (fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
      return sendProblem(req, reply, new AppError('MALFORMED_JSON', 'Thiếu nội dung JSON.', { errors: [{ field: 'body', message: 'empty body' }] }));
    }
    if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return sendProblem(req, reply, new AppError('UNSUPPORTED_MEDIA_TYPE', 'Kiểu nội dung không được hỗ trợ.'));
    }
    if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || fe.statusCode === 413) {
      // The same shape as an upload over its limit (platform/uploads.ts): the field and the limit.
      const maxBytes = req.routeOptions.bodyLimit;
      const limit = maxBytes ? ` (tối đa ${Math.round((maxBytes / 1024 / 1024) * 10) / 10} MB)` : '';
      return sendProblem(
        req,
        reply,
        new AppError('PAYLOAD_TOO_LARGE', `Nội dung quá lớn${limit}.`, {
          errors: [{ field: 'body', message: `larger than ${maxBytes ?? 'the limit'} bytes` }],
          extra: maxBytes ? { maxBytes } : undefined,
        }),
      );
    }
    if (fe.statusCode === 429) {
      return sendProblem(req, reply, new AppError('RATE_LIMITED', 'Quá nhiều yêu cầu, vui lòng thử lại sau.'));
    }
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
      return sendProblem(req, reply, new AppError('BAD_REQUEST', fe.message, { status: fe.statusCode }));
    }
    req.log.error({ err: error }, 'unhandled error');
    return sendProblem(req, reply, new AppError('INTERNAL', 'Đã xảy ra lỗi hệ thống. Vui lòng thử lại sau.'));
  });
}

/** A lone UTF-16 surrogate (a `\ud800` escape with no pair): not text, and PostgreSQL refuses it. */
const LONE_SURROGATE = /\p{Cs}/u;
const SURROGATE_ESCAPE = /\\u[dD][89a-fA-F]/;

/** The path of the first string in `value` that is not well-formed Unicode, or undefined. */
function illFormedPath(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return LONE_SURROGATE.test(value) ? path || 'body' : undefined;
  if (value === null || typeof value !== 'object') return undefined;
  for (const [k, v] of Object.entries(value)) {
    const at = path ? `${path}.${k}` : k;
    const found = LONE_SURROGATE.test(k) ? at : illFormedPath(v, at);
    if (found) return found;
  }
  return undefined;
}

/**
 * JSON bodies through Fastify's own parser (with its prototype-poisoning checks), and refused when a
 * string holds a lone surrogate: JSON allows the escape, but it is not text and the database
 * would fail on it deep inside a write. Only bodies that contain a surrogate escape are walked.
 */
export function installJsonBodyParser(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    void parse(req, body as string, (err: Error | null, value?: unknown) => {
      if (err) return done(err, undefined);
      const field = SURROGATE_ESCAPE.test(body as string) ? illFormedPath(value, '') : undefined;
      if (field)
        return done(
          new AppError('MALFORMED_JSON', `Chuỗi ký tự không hợp lệ (Unicode) ở ${field}.`, {
            errors: [{ field, message: 'ill-formed Unicode: a lone surrogate' }],
          }),
          undefined,
        );
      done(null, value);
    });
  });
}
