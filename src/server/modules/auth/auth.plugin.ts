import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { AppContext } from '../../context.js';
import { AppError } from '../../platform/errors.js';
import { isApiPath, routePath } from '../../platform/paths.js';
import type { Principal } from '../../platform/principal.js';
import { isCsrfValid, resolveApiToken, resolveSession } from './auth.service.js';

export const SESSION_COOKIE = 'congvu_sid';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Writes that need no CSRF token: they create the session (there is no token yet), or carry their own one-time token. */
const CSRF_EXEMPT = new Set(['/api/v1/auth/login', '/api/v1/auth/password-reset']);

export function setSessionCookie(reply: FastifyReply, token: string, ctx: AppContext): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: ctx.config.isProduction,
    maxAge: ctx.config.sessionTtlHours * 3600,
  });
}

/**
 * Resolves who is calling on every request: `Authorization: Bearer` (API token, no CSRF) or the
 * session cookie (CSRF token required on writes).
 */
export const authPlugin = fp(async (app: FastifyInstance, opts: { ctx: AppContext }) => {
  const { ctx } = opts;
  app.decorateRequest('principal', null);
  const resolve = async (req: FastifyRequest, auth: string | undefined, cookie: string | undefined): Promise<void> => {
    if (auth?.startsWith('Bearer ')) {
      req.principal = await resolveApiToken(ctx, auth.slice(7).trim());
      if (!req.principal) throw new AppError('UNAUTHENTICATED', 'Mã truy cập API không hợp lệ hoặc đã bị thu hồi.');
      return;
    }
    req.principal = await resolveSession(ctx, cookie!);
    if (req.principal && !SAFE_METHODS.has(req.method) && !CSRF_EXEMPT.has(routePath(req))) {
      const header = req.headers['x-csrf-token'];
      if (!isCsrfValid(req.principal, Array.isArray(header) ? header[0] : header)) {
        throw new AppError('CSRF_TOKEN_INVALID', 'Thiếu hoặc sai mã chống giả mạo yêu cầu (x-csrf-token).');
      }
    }
  };
  // Anonymous requests (the public lookup, the web app's files) pass without a promise.
  app.addHook('onRequest', (req, _reply, done) => {
    const auth = req.headers.authorization;
    const cookie = req.cookies[SESSION_COOKIE];
    // On the route, not the raw URL: `/%61pi/…` is routed to the API too (platform/paths.ts).
    if (!isApiPath(routePath(req)) || (!auth?.startsWith('Bearer ') && !cookie)) return done();
    resolve(req, auth, cookie).then(() => done(), done);
  });
});
