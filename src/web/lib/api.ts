/**
 * The API client. Cookie session (credentials: 'same-origin'); the CSRF token from login/me is
 * kept in memory only and sent as `x-csrf-token` on every non-GET request. Errors are RFC 9457
 * problem+json documents, parsed into ApiError.
 */
import type { Meta, SessionResponse } from '../../shared/api-types';

export interface FieldError {
  field: string;
  message: string;
}

interface ProblemDocument {
  type?: string;
  title?: string;
  status?: number;
  code?: string;
  detail?: string;
  requestId?: string;
  errors?: FieldError[];
}

export class ApiError extends Error {
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly code: string;
  readonly detail: string | null;
  readonly requestId: string | null;
  readonly errors: FieldError[];

  constructor(status: number, problem: ProblemDocument) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.type = problem.type ?? 'about:blank';
    this.title = problem.title ?? '';
    this.code = problem.code ?? (status === 0 ? 'network_error' : `http_${status}`);
    this.detail = problem.detail ?? null;
    this.requestId = problem.requestId ?? null;
    this.errors = Array.isArray(problem.errors) ? problem.errors.filter(isFieldError) : [];
  }

  /** Field errors keyed by the form field name ("/body/code" and "body.code" become "code"). */
  get fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.errors) {
      const key = normalizeField(e.field);
      if (key && !(key in out)) out[key] = e.message;
    }
    return out;
  }
}

function isFieldError(v: unknown): v is FieldError {
  return typeof v === 'object' && v !== null && typeof (v as FieldError).field === 'string' && typeof (v as FieldError).message === 'string';
}

export function normalizeField(field: string): string {
  const parts = field.split(/[/.]/).filter((p) => p !== '' && p !== 'body');
  return parts.length > 0 ? parts[parts.length - 1] : '';
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

// ---- module state (memory only: never localStorage) -------------------------------------

let csrfToken: string | null = null;
let language = 'vi';
let onUnauthorized: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}
export function getCsrfToken(): string | null {
  return csrfToken;
}
export function setApiLanguage(lang: string): void {
  language = lang;
}
/** Called when an authenticated request answers 401 (session expired or revoked). */
export function setUnauthorizedHandler(fn: (() => void) | null): void {
  onUnauthorized = fn;
}

// ---- core request ----------------------------------------------------------------------

export type Query = Record<string, string | number | null | undefined>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
  /** Do not call the unauthorized handler on 401 (login, me). */
  skipAuthRedirect?: boolean;
}

export const API_BASE = '/api/v1';

export function buildUrl(path: string, query?: Query): string {
  const url = path.startsWith('/api/') ? path : API_BASE + path;
  if (!query) return url;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  const qs = params.toString();
  return qs ? `${url}?${qs}` : url;
}

export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    accept: 'application/json, application/problem+json',
    'accept-language': language,
  };
  const upper = method.toUpperCase();
  if (upper !== 'GET' && upper !== 'HEAD' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let body: string | undefined;
  if (opts.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }

  let res: Response;
  try {
    res = await fetch(buildUrl(path, opts.query), {
      method: upper,
      headers,
      body,
      credentials: 'same-origin',
      signal: opts.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, { title: 'Network error', code: 'network_error' });
  }

  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!res.ok) {
    const problem: ProblemDocument = data && typeof data === 'object' ? (data as ProblemDocument) : { title: res.statusText };
    const error = new ApiError(res.status, problem);
    if (res.status === 401 && !opts.skipAuthRedirect && onUnauthorized) onUnauthorized();
    throw error;
  }
  return data as T;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body: body ?? {} }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  del: <T = void>(path: string) => request<T>('DELETE', path),
};

// ---- session endpoints (they own the CSRF token) ----------------------------------------

export async function login(username: string, password: string): Promise<SessionResponse> {
  const res = await request<SessionResponse>('POST', '/auth/login', {
    body: { username, password },
    skipAuthRedirect: true,
  });
  setCsrfToken(res.csrfToken);
  return res;
}

export async function fetchMe(): Promise<SessionResponse> {
  const res = await request<SessionResponse>('GET', '/auth/me', { skipAuthRedirect: true });
  setCsrfToken(res.csrfToken);
  return res;
}

export async function logout(): Promise<void> {
  try {
    await request<void>('POST', '/auth/logout', { skipAuthRedirect: true });
  } finally {
    setCsrfToken(null);
  }
}

export function fetchMeta(): Promise<Meta> {
  return request<Meta>('GET', '/meta', { skipAuthRedirect: true });
}

/** Encode one path segment (agency codes contain dots, which are safe; ids may be anything). */
export function seg(value: string): string {
  return encodeURIComponent(value);
}
