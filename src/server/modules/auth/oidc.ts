import type { FastifyInstance, FastifyReply } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import { setSessionCookie } from './auth.plugin.js';
import { finishOidcSignIn, OIDC_FLOW_MINUTES, startOidcSignIn } from './oidc.service.js';

/** The browser's half of a started flow (oidc.service.ts): the hash of its state, sent back to the callback only. */
export const OIDC_STATE_COOKIE = 'congvu_oidc';
const OIDC_COOKIE_PATH = '/api/v1/auth/oidc';

const CallbackQuery = Type.Object(
  {
    state: Type.Optional(Type.String({ maxLength: 200 })),
    code: Type.Optional(Type.String({ maxLength: 2000 })),
    iss: Type.Optional(Type.String({ maxLength: 500 })),
    error: Type.Optional(Type.String({ maxLength: 200 })),
    error_description: Type.Optional(Type.String({ maxLength: 1000 })),
    session_state: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: true },
);

const clearStateCookie = (reply: FastifyReply, ctx: AppContext) =>
  reply.clearCookie(OIDC_STATE_COOKIE, { path: OIDC_COOKIE_PATH, httpOnly: true, sameSite: 'lax', secure: ctx.config.isProduction });

/** Sign-in through a national SSO (OpenID Connect, authorization code + PKCE). */
export async function registerOidcRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get('/api/v1/auth/oidc/start', { schema: { tags: ['auth'], summary: 'Đăng nhập qua định danh quốc gia / Sign in with SSO' } }, async (_req, reply) => {
    const { authorizationUrl, binding } = await startOidcSignIn(ctx);
    // Lax: the provider sends the browser back with a top-level GET, which carries Lax cookies.
    reply.setCookie(OIDC_STATE_COOKIE, binding, {
      path: OIDC_COOKIE_PATH,
      httpOnly: true,
      sameSite: 'lax',
      secure: ctx.config.isProduction,
      maxAge: OIDC_FLOW_MINUTES * 60,
    });
    return reply.redirect(authorizationUrl, 303);
  });

  app.get<{ Querystring: { state?: string } }>(
    '/api/v1/auth/oidc/callback',
    { schema: { tags: ['auth'], summary: 'OIDC callback', querystring: CallbackQuery } },
    async (req, reply) => {
      const query = req.url.indexOf('?');
      const { cookieToken } = await finishOidcSignIn(
        ctx,
        { search: query < 0 ? '' : req.url.slice(query), state: req.query.state, binding: req.cookies[OIDC_STATE_COOKIE] },
        { ip: req.ip, userAgent: req.headers['user-agent'] },
      );
      clearStateCookie(reply, ctx);
      setSessionCookie(reply, cookieToken, ctx);
      return reply.redirect('/', 303);
    },
  );
}
