import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { z } from 'zod';

const Probe = z.object({ status: z.enum(['ok', 'error']), checks: z.record(z.string(), z.string()) });

/** Migrations the code ships with (the journal), against those applied in the database. */
function shippedMigrations(): number {
  const journal = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../db/migrations/meta/_journal.json'), 'utf8')) as { entries: unknown[] };
  return journal.entries.length;
}

/**
 * Probes for an orchestrator or a load balancer (docs/operations.md, "Health and metrics"):
 * liveness says the process answers; readiness that the database is reachable and its migrations are
 * those of this version, so traffic goes only to a replica that can serve it.
 */
export async function healthRoutes(app: FastifyInstance) {
  const shipped = shippedMigrations();
  app.get(
    '/api/health/live',
    { config: { access: 'public' }, schema: { tags: ['系统 system'], summary: '存活探针 / liveness', response: { 200: Probe } } },
    async () => ({ status: 'ok' as const, checks: { process: 'ok' } }),
  );
  app.get(
    '/api/health/ready',
    {
      config: { access: 'public' },
      schema: {
        tags: ['系统 system'],
        summary: '就绪探针：数据库可达、迁移为当前版本 / readiness: database reachable, migrations current',
        response: { 200: Probe, 503: Probe },
      },
    },
    async (_req, reply) => {
      const checks: Record<string, string> = {};
      let ok: boolean;
      try {
        await app.gh.database.query(sql`SELECT 1`);
        checks.database = 'ok';
        const [r] = await app.gh.database.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations`);
        checks.migrations = r!.n === shipped ? 'ok' : `applied ${r!.n} of ${shipped}`;
        ok = r!.n === shipped;
      } catch (e) {
        checks.database = `unreachable: ${(e as Error).message.slice(0, 120)}`;
        ok = false;
      }
      return reply.code(ok ? 200 : 503).send({ status: ok ? 'ok' : 'error', checks });
    },
  );
}
