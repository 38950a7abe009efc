import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { auditRoutes } from './audit/index.js';
import { calendarRoutes } from './calendar/index.js';
import { conductRoutes } from './conduct/index.js';
import { dossierRoutes } from './dossiers/index.js';
import { authRoutes } from './auth/auth.routes.js';
import { metaRoutes } from './meta/index.js';
import { orgRoutes } from './org/index.js';
import { procedureRoutes } from './procedures/index.js';
import { workforceRoutes } from './workforce/index.js';

/** Every feature module's routes. */
export async function registerModules(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await app.register(metaRoutes, { ctx });
  await app.register(authRoutes, { ctx });
  await app.register(orgRoutes, { ctx });
  await app.register(auditRoutes, { ctx });
  await app.register(calendarRoutes, { ctx });
  await app.register(procedureRoutes, { ctx });
  await app.register(workforceRoutes, { ctx });
  await app.register(dossierRoutes, { ctx });
  await app.register(conductRoutes, { ctx });
}
