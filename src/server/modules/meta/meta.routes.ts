import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import { DEMO_ACCOUNTS } from '../../db/seed/demo.js';
import { ROLES } from '../../platform/principal.js';
import { isDemoLoaded } from './meta.repo.js';

export const MetaResponse = Type.Object({
  name: Type.String(),
  version: Type.String(),
  demo: Type.Boolean(),
  demoAccounts: Type.Array(Type.String()),
  roles: Type.Array(Type.String()),
  sso: Type.Boolean(),
});

export async function metaRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }): Promise<void> {
  app.get('/api/v1/meta', { schema: { tags: ['meta'], summary: 'Thông tin hệ thống / About this deployment', response: { 200: MetaResponse } } }, async () => {
    const demo = await isDemoLoaded(ctx.db);
    return {
      name: 'Công Vụ',
      version: '0.1.0',
      demo,
      demoAccounts: demo ? DEMO_ACCOUNTS.map((a) => a.username) : [],
      roles: [...ROLES],
      sso: !!ctx.config.oidc,
    };
  });
}
