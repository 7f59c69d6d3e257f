import crypto from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import client from 'prom-client';
import { sql } from 'drizzle-orm';
import type { Services } from './context.js';

/**
 * Prometheus metrics (docs/operations.md, "Health and metrics"): request rates and latencies by
 * route, the database pool, job runs and import progress, plus Node's own process metrics. Served
 * at GET /metrics only when GONGHUI_METRICS_TOKEN is set, to callers that send it as a bearer token.
 */
export const registry = new client.Registry();
client.collectDefaultMetrics({ register: registry, prefix: 'gonghui_' });

const requests = new client.Histogram({
  name: 'gonghui_http_request_duration_seconds',
  help: 'HTTP requests by method, route pattern and status, with their duration',
  labelNames: ['method', 'route', 'status'],
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [registry],
});
export const jobRuns = new client.Counter({
  name: 'gonghui_job_runs_total',
  help: 'Background job runs by job and result',
  labelNames: ['job', 'result'],
  registers: [registry],
});

let services: Services | null = null;
new client.Gauge({
  name: 'gonghui_db_pool_connections',
  help: 'PostgreSQL pool connections by state (total, idle, waiting); the embedded database has one',
  labelNames: ['state'],
  registers: [registry],
  collect() {
    const pool =
      services?.database.engine === 'postgres' ? (services.database.driver as { totalCount: number; idleCount: number; waitingCount: number }) : null;
    this.set({ state: 'total' }, pool ? pool.totalCount : 1);
    this.set({ state: 'idle' }, pool ? pool.idleCount : 0);
    this.set({ state: 'waiting' }, pool ? pool.waitingCount : 0);
  },
});
new client.Gauge({
  name: 'gonghui_import_rows',
  help: 'Roster imports in progress: rows read so far and rows in total, by status',
  labelNames: ['status', 'kind'],
  registers: [registry],
  async collect() {
    if (!services) return;
    this.reset();
    const rows = await services.database
      .query<{ status: string; done: number; total: number }>(
        sql`
      SELECT status, coalesce(sum(rows_done), 0)::bigint AS done, coalesce(sum(total), 0)::bigint AS total
      FROM import_batch WHERE status IN ('parsing', 'committing') GROUP BY status`,
      )
      .catch(() => []);
    for (const r of rows) {
      this.set({ status: r.status, kind: 'done' }, Number(r.done));
      this.set({ status: r.status, kind: 'total' }, Number(r.total));
    }
  },
});

/** Time every request under its route pattern (never the raw URL, so ids do not explode the series). */
export function installMetrics(app: FastifyInstance, s: Services): void {
  services = s;
  app.addHook('onResponse', async (req: FastifyRequest, reply) => {
    const route = req.routeOptions.url ?? 'unmatched';
    requests.observe({ method: req.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });
  const token = process.env.GONGHUI_METRICS_TOKEN;
  if (!token) return;
  const expected = crypto.createHash('sha256').update(`Bearer ${token}`).digest();
  app.get('/metrics', { config: { access: 'public' }, schema: { hide: true } }, async (req, reply) => {
    const got = crypto
      .createHash('sha256')
      .update(String(req.headers.authorization ?? ''))
      .digest();
    if (!crypto.timingSafeEqual(got, expected))
      return reply.code(401).send({ code: 'UNAUTHENTICATED', message: '需要监控令牌', messageEn: 'A metrics token is required' });
    return reply.type(registry.contentType).send(await registry.metrics());
  });
}
