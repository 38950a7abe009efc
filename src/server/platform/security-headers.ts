/**
 * Security headers, computed ONCE at start-up and copied onto each answer by one request hook.
 * Two sets, chosen by path (OWASP's Secure Headers and REST Security cheat sheets):
 * - **documents** (the web app, its assets, Swagger UI): helmet's set with the app's CSP;
 * - **API answers** (routes under `/api/…` except the docs, see paths.ts): the REST set — nothing in a JSON answer may run,
 *   load or be framed (`default-src 'none'; frame-ancestors 'none'`), no sniffing, no caching
 *   (answers carry personal data), no referrer; a route may override one (a photo is cacheable).
 * Files an API route shows inline in the browser (the A5 PDF forms) take `FILE_HEADERS`: Chrome's
 * PDF viewer is an embedded plugin that `default-src`/`object-src 'none'` would block
 * (crbug.com/271452), so a PDF keeps only the framing and sniffing rules.
 * `@fastify/helmet` would rebuild helmet's middleware on every request; these never change.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyReply } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';
import { isApiPath, routePath } from './paths.js';

type Headers = Readonly<Record<string, string>>;

/** The headers helmet would set for `options`, by running its middleware once on a recording response. */
export function helmetHeaders(options: Readonly<HelmetOptions>): Headers {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  let failure: unknown;
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, (err?: unknown) => {
    failure = err;
  });
  if (failure) throw failure;
  return Object.freeze(headers);
}

/** OWASP REST Security: the headers of a JSON (or problem+json) answer; HSTS as the document set has it. */
function apiHeaders(documents: Headers): Headers {
  const hsts = documents['strict-transport-security'];
  return Object.freeze({
    'cache-control': 'no-store',
    'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
    'cross-origin-resource-policy': 'same-origin',
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    ...(hsts ? { 'strict-transport-security': hsts } : {}),
  });
}

/** A file an API route shows inline (PDF): framed only by the app itself, never sniffed. */
const FILE_HEADERS: Headers = Object.freeze({
  'content-security-policy': "frame-ancestors 'self'",
  'x-frame-options': 'SAMEORIGIN',
});

/**
 * `Content-Disposition` for a file name in any script (RFC 6266): a plain ASCII name as is; any other
 * with an ASCII fallback (diacritics dropped) and the UTF-8 name in `filename*` (RFC 8187).
 */
export function contentDisposition(kind: 'inline' | 'attachment', filename: string): string {
  const name = filename.normalize('NFC').replace(/[\p{Cc}"\\/]/gu, '_');
  if (/^[\x20-\x7e]*$/.test(name)) return `${kind}; filename="${name}"`;
  const ascii = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, (c) => (c === 'đ' ? 'd' : 'D'))
    .replace(/[^\x20-\x7e]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** Send `body` as an inline file of `type` with the file headers (the API set would block Chrome's PDF viewer). */
export function sendInlineFile(reply: FastifyReply, type: string, filename: string, body: Buffer | Uint8Array): FastifyReply {
  return reply.headers(FILE_HEADERS).type(type).header('content-disposition', contentDisposition('inline', filename)).send(body);
}

/** Routes that answer as the API: under `/api/`, except the Swagger UI pages. Decided on the route (paths.ts), not the raw URL. */
const answersAsApi = (path: string): boolean => isApiPath(path) && !(path === '/api/docs' || path.startsWith('/api/docs/'));

/** Every answer carries its set; a route may still override one (Swagger UI's own CSP does). */
export function installSecurityHeaders(app: FastifyInstance, options: Readonly<HelmetOptions>): void {
  const documents = helmetHeaders(options);
  const api = apiHeaders(documents);
  app.addHook('onRequest', (req, reply, done) => {
    reply.headers(answersAsApi(routePath(req)) ? api : documents);
    done();
  });
}
