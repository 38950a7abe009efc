/**
 * The app's route table as `METHOD /path` keys, collected while routes are registered: the policy
 * matrix test (src/server/policy-matrix.test.ts) takes its list of routes from here, so a route
 * added without a matrix row fails the suite.
 */
import type { FastifyInstance } from 'fastify';

const tables = new WeakMap<FastifyInstance, Set<string>>();

/** Install before any plugin or route is registered (child contexts inherit the hook). */
export function trackRoutes(app: FastifyInstance): void {
  const keys = new Set<string>();
  tables.set(app, keys);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) keys.add(`${method} ${route.url}`);
  });
}

/**
 * Every route registered on the app, sorted. A HEAD route is left out when a GET of the same path
 * exists: Fastify adds it for the GET, and it answers exactly as the GET does.
 */
export function registeredRoutes(app: FastifyInstance): string[] {
  const keys = tables.get(app);
  if (!keys) throw new Error('registeredRoutes: trackRoutes(app) was not installed on this app.');
  return [...keys].filter((k) => !(k.startsWith('HEAD ') && keys.has(`GET ${k.slice(5)}`))).sort();
}
