import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';
import { requirePrincipal } from '../../platform/principal.js';
import { setSessionCookie, SESSION_COOKIE } from './auth.plugin.js';
import { presentSession } from './auth.presenter.js';
import { LoginBody, MyProfile, PasswordResetBody, PasswordResetInfo, PasswordResetParams, SessionResponse } from './auth.schemas.js';
import * as service from './auth.service.js';
import * as reset from './password-reset.service.js';
import { registerOidcRoutes } from './oidc.js';

export async function authRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }): Promise<void> {
  app.post<{ Body: { username: string; password: string } }>(
    '/api/v1/auth/login',
    {
      schema: { tags: ['auth'], summary: 'Đăng nhập / Sign in', body: LoginBody, response: { 200: SessionResponse } },
      config: { rateLimit: { max: ctx.config.loginRateLimitPerMinute, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const { principal, cookieToken } = await service.login(ctx, req.body.username, req.body.password, { ip: req.ip, userAgent: req.headers['user-agent'] });
      setSessionCookie(reply, cookieToken, ctx);
      return presentSession(principal);
    },
  );

  app.get('/api/v1/auth/me', { schema: { tags: ['auth'], summary: 'Người dùng hiện tại / Current user', response: { 200: SessionResponse } } }, async (req) =>
    presentSession(requirePrincipal(req.principal)),
  );

  app.get(
    '/api/v1/me/profile',
    { schema: { tags: ['auth'], summary: 'Thông tin tài khoản để điền sẵn biểu mẫu / My account details for forms', response: { 200: MyProfile } } },
    (req) => service.myProfile(ctx, req.principal),
  );

  app.post('/api/v1/auth/logout', { schema: { tags: ['auth'], summary: 'Đăng xuất / Sign out' } }, async (req, reply) => {
    await service.logout(ctx, requirePrincipal(req.principal));
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send();
  });

  // One-time password-reset links (issued by an administrator): the token is the credential.
  const resetLimit = { rateLimit: { max: ctx.config.loginRateLimitPerMinute, timeWindow: '1 minute' } };
  app.get<{ Params: { token: string } }>(
    '/api/v1/auth/password-reset/:token',
    {
      schema: {
        tags: ['auth'],
        summary: 'Kiểm tra liên kết đặt lại mật khẩu / Check a reset link',
        params: PasswordResetParams,
        response: { 200: PasswordResetInfo },
      },
      config: resetLimit,
    },
    (req) => reset.checkPasswordReset(ctx, req.params.token),
  );
  app.post<{ Body: { token: string; password: string } }>(
    '/api/v1/auth/password-reset',
    { schema: { tags: ['auth'], summary: 'Đặt mật khẩu mới / Set a new password', body: PasswordResetBody }, config: resetLimit },
    async (req, reply) => {
      await reset.redeemPasswordReset(ctx, req.body.token, req.body.password, { ip: req.ip });
      return reply.code(204).send();
    },
  );

  if (ctx.config.oidc) await registerOidcRoutes(app, ctx);
}
