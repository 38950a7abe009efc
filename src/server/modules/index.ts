import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { auditRoutes } from './audit/index.js';
import { authRoutes } from './auth/auth.routes.js';
import { metaRoutes } from './meta/meta.routes.js';
import { orgRoutes } from './org/index.js';

/** Every feature module's routes. */
export async function registerModules(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await app.register(metaRoutes, { ctx });
  await app.register(authRoutes, { ctx });
  await app.register(orgRoutes, { ctx });
  await app.register(auditRoutes, { ctx });
}
