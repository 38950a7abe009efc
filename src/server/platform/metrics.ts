import type { FastifyInstance } from 'fastify';
import client from 'prom-client';
import type { Database } from '../db/client.js';
import { safeEqual } from './crypto.js';
import { AppError } from './errors.js';
import { sendProblem } from './http.js';

/** Prometheus metrics: requests, latencies, database pool; one registry per app instance. */
export function installMetrics(app: FastifyInstance, database: Database, token: string | undefined, isProduction = false): void {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: 'congvu_' });
  const requests = new client.Counter({
    name: 'congvu_http_requests_total',
    help: 'HTTP requests by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const latency = new client.Histogram({
    name: 'congvu_http_request_duration_seconds',
    help: 'HTTP request latency',
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  new client.Gauge({
    name: 'congvu_db_pool_connections',
    help: 'Database pool connections by state',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      const s = database.poolStats();
      this.set({ state: 'total' }, s.total);
      this.set({ state: 'idle' }, s.idle);
      this.set({ state: 'waiting' }, s.waiting);
    },
  });
  // The label children of each (method, route, status), bound once: prom-client would hash the
  // label object on every observation. Routes are the app's patterns, so the map stays small.
  const bound = new Map<string, { count: client.Counter.Internal; time: client.Histogram.Internal<'method' | 'route'> }>();
  app.addHook('onResponse', (req, reply, done) => {
    const route = req.routeOptions.url ?? 'unmatched';
    const key = `${req.method} ${reply.statusCode} ${route}`;
    let series = bound.get(key);
    if (!series) {
      series = { count: requests.labels(req.method, route, String(reply.statusCode)), time: latency.labels(req.method, route) };
      bound.set(key, series);
    }
    series.count.inc();
    series.time.observe(reply.elapsedTime / 1000);
    done();
  });
  app.get('/metrics', { schema: { hide: true } }, async (req, reply) => {
    // With CONGVU_METRICS_TOKEN set, the scraper must present it; otherwise keep /metrics on an internal
    // network. A production server needs the token (it refuses to start without it, see production.ts).
    if ((token || isProduction) && !(token && safeEqual(req.headers.authorization ?? '', `Bearer ${token}`))) {
      return sendProblem(req, reply, new AppError('UNAUTHENTICATED', 'Cần mã truy cập để đọc số liệu giám sát.'));
    }
    return reply.type(registry.contentType).send(await registry.metrics());
  });
}
