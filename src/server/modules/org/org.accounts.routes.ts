import type { FastifyInstance } from 'fastify';
import type { Static } from 'typebox';
import type { AppContext } from '../../context.js';
import * as service from './org.accounts.service.js';
import * as s from './org.schemas.js';

const tags = ['admin'];

/** Finding and administering accounts (citizens too). */
export async function accountRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.get<{ Querystring: Static<typeof s.UserQuery> }>(
    '/api/v1/admin/users',
    { schema: { tags, summary: 'Người dùng / Users', querystring: s.UserQuery, response: { 200: s.UserPage } } },
    (req) => service.listUsers(ctx, req.principal, req.query),
  );
  app.patch<{ Params: Static<typeof s.UserParams>; Body: Static<typeof s.UpdateUser> }>(
    '/api/v1/admin/users/:id',
    { schema: { tags, summary: 'Sửa thông tin tài khoản / Edit an account', params: s.UserParams, body: s.UpdateUser, response: { 200: s.User } } },
    (req) => service.updateUser(ctx, req.principal, req.params.id, req.body),
  );
  app.post<{ Params: Static<typeof s.UserParams>; Body: Static<typeof s.LockUser> }>(
    '/api/v1/admin/users/:id/lock',
    { schema: { tags, summary: 'Khóa tài khoản / Lock an account', params: s.UserParams, body: s.LockUser, response: { 200: s.User } } },
    (req) => service.lockUser(ctx, req.principal, req.params.id, req.body ?? {}),
  );
  app.post<{ Params: Static<typeof s.UserParams> }>(
    '/api/v1/admin/users/:id/unlock',
    { schema: { tags, summary: 'Mở khóa tài khoản / Unlock an account', params: s.UserParams, response: { 200: s.User } } },
    (req) => service.unlockUser(ctx, req.principal, req.params.id),
  );
  app.post<{ Params: Static<typeof s.UserParams> }>(
    '/api/v1/admin/users/:id/password-reset',
    {
      schema: { tags, summary: 'Liên kết đặt lại mật khẩu / One-time password-reset link', params: s.UserParams, response: { 201: s.PasswordResetIssued } },
    },
    async (req, reply) => reply.code(201).send(await service.resetPassword(ctx, req.principal, req.params.id)),
  );
}
