import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import { describeDeployment } from './meta.service.js';

export const MetaResponse = Type.Object({
  name: Type.String(),
  version: Type.String(),
  demo: Type.Boolean(),
  demoAccounts: Type.Array(Type.String()),
  roles: Type.Array(Type.String()),
  sso: Type.Boolean(),
});

export async function metaRoutes(app: FastifyInstance, { ctx }: { ctx: AppContext }): Promise<void> {
  app.get('/api/v1/meta', { schema: { tags: ['meta'], summary: 'Thông tin hệ thống / About this deployment', response: { 200: MetaResponse } } }, async () =>
    describeDeployment(ctx),
  );
}
