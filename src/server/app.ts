import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import ajvFormats from 'ajv-formats';
import Fastify, { type FastifyInstance } from 'fastify';
import { randomUUID } from 'node:crypto';
import type { Config } from './config.js';
import type { AppContext } from './context.js';
import type { Database } from './db/client.js';
import { AppError } from './platform/errors.js';
import { installErrorHandling, installJsonBodyParser, sendProblem } from './platform/http.js';
import { installMetrics } from './platform/metrics.js';
import { trackRoutes } from './platform/route-table.js';
import { isApiPath, normalisedPath } from './platform/paths.js';
import { installSecurityHeaders } from './platform/security-headers.js';
import { registerModules } from './modules/index.js';
import { authPlugin } from './modules/auth/index.js';

const here = path.dirname(fileURLToPath(import.meta.url));
export const WEB_DIST = path.resolve(here, '../../dist/web');

export const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  frameAncestors: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
};

/** Trust the nearest `hops` proxies (X-Forwarded-For entries counted from the right). */
const hopsTrusted =
  (hops: number) =>
  (_address: string, hop: number): boolean =>
    hop < hops;

export async function buildApp(config: Config, database: Database): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: config.logLevel },
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
    },
    trustProxy: typeof config.trustProxy === 'number' ? hopsTrusted(config.trustProxy) : config.trustProxy,
    bodyLimit: 2 * 1024 * 1024,
    ajv: { customOptions: { allErrors: false, coerceTypes: 'array', removeAdditional: false }, plugins: [ajvFormats as never] },
  });
  trackRoutes(app);
  const ctx: AppContext = { config, database, db: database.db };

  app.addHook('onRequest', (req, reply, done) => {
    reply.header('x-request-id', req.id);
    done();
  });
  installErrorHandling(app);
  installJsonBodyParser(app);
  await app.register(cookie, { secret: config.secret });
  installSecurityHeaders(app, {
    contentSecurityPolicy: { directives: { ...CSP_DIRECTIVES, upgradeInsecureRequests: config.isProduction ? [] : null } },
    crossOriginEmbedderPolicy: false,
    strictTransportSecurity: config.isProduction,
  });
  await app.register(rateLimit, { global: false, max: 600, timeWindow: '1 minute' });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Công Vụ API',
        description: 'Nền tảng phục vụ hành chính công và kỷ cương công vụ / Public-service delivery and civil-service integrity platform',
        version: '0.1.0',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'congvu_sid' }, bearer: { type: 'http', scheme: 'bearer' } } },
    },
  });
  // Swagger UI sets a few inline styles: allowed on the docs pages only, never in the web app.
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    transformStaticCSP: (header) => {
      const csp = header.replace(/style-src [^;]*;/, "style-src 'self' 'unsafe-inline';");
      return config.isProduction ? csp : csp.replace(/\s*upgrade-insecure-requests;?/, '');
    },
  });
  installMetrics(app, database, config.metricsToken, config.isProduction);
  await app.register(authPlugin, { ctx });

  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (req, reply) => {
    try {
      await database.ping();
      return { status: 'ready', database: database.kind };
    } catch {
      return sendProblem(req, reply, new AppError('UNAVAILABLE', 'Cơ sở dữ liệu không sẵn sàng.'));
    }
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await registerModules(app, ctx);
  await registerWeb(app);
  return app;
}

/** A missing static file (404), as opposed to an app path: codes such as 1.001978 or 000.00.31.H57-… contain dots. */
const ASSET_EXTENSIONS = /\.(js|mjs|css|map|png|jpe?g|gif|svg|ico|webp|avif|woff2?|ttf|otf|json|txt|xml|webmanifest|pdf|html?)$/i;
const isAssetPath = (p: string): boolean => ASSET_EXTENSIONS.test(path.extname(p));

/** The built single-page app, with every non-API GET falling back to index.html. */
async function registerWeb(app: FastifyInstance): Promise<void> {
  const hasWeb = fs.existsSync(path.join(WEB_DIST, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root: WEB_DIST, prefix: '/', wildcard: false, index: ['index.html'] });
  app.setNotFoundHandler((req, reply) => {
    const path = normalisedPath(req.url);
    if (hasWeb && !isApiPath(path) && (req.method === 'GET' || req.method === 'HEAD') && !isAssetPath(path)) {
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    }
    return sendProblem(req, reply, new AppError('ROUTE_NOT_FOUND', `Không tìm thấy ${req.method} ${req.url.split('?')[0]}.`));
  });
}
