/**
 * The server under test for the import items: what server/src/main.ts does (services, migrations,
 * the whole Fastify app listening on PORT) plus an IPC channel through which the benchmark asks it
 * to run a roster import with the real service (startImport → parse in a worker → encrypt, stage,
 * dedupe → commitImport), so the server's own RSS and its answers to other requests are measured
 * while the import runs inside it. Environment as for main.ts (DATA_DIR / DATABASE_URL, …).
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../../server/src/config.js';
import { createServices } from '../../server/src/services.js';
import { buildApp } from '../../server/src/app.js';
import { loadActor } from '../../server/src/modules/auth/session.js';
import type { Ctx } from '../../server/src/platform/context.js';

const IMPORT_DIR = path.resolve(import.meta.dirname, '../../server/src/modules/member/import');

type AnyFn = (...a: never[]) => Promise<unknown>;

/** The import service's entry points, found by name in whatever files the pipeline has today. */
async function importApi() {
  const mods: Record<string, unknown>[] = [];
  for (const f of ['import.service.ts', 'import.commit.ts']) {
    const p = path.join(IMPORT_DIR, f);
    if (fs.existsSync(p)) mods.push(await import(pathToFileURL(p).href));
  }
  const find = (name: string) => mods.map((m) => m[name]).find((v) => typeof v === 'function') as AnyFn | undefined;
  return { startImport: find('startImport'), waitForImport: find('waitForImport'), commitImport: find('commitImport') };
}

async function main() {
  // BENCH_MEM_LOG=/abs/file: every second, this process's RSS and the main thread's heap (MiB).
  if (process.env.BENCH_MEM_LOG) {
    const file = process.env.BENCH_MEM_LOG;
    const mib = (n: number) => (n / 1048576).toFixed(0);
    setInterval(() => {
      const m = process.memoryUsage();
      fs.appendFileSync(
        file,
        `${new Date().toISOString().slice(11, 19)} rss ${mib(m.rss)} heapTotal ${mib(m.heapTotal)} heapUsed ${mib(m.heapUsed)} external ${mib(m.external)} arrayBuffers ${mib(m.arrayBuffers)}\n`,
      );
    }, 1000).unref();
  }
  const config = loadConfig();
  const services = await createServices(config);
  const app = await buildApp({ services, logger: { level: config.logLevel } });
  await app.listen({ port: config.port, host: config.host });

  const batchStatus = async (id: string) => {
    const rows = await services.database.query<Record<string, unknown>>(sql`SELECT * FROM import_batch WHERE id = ${id}`);
    return rows[0] ?? null;
  };

  process.on('message', async (m: { id: string; op: string; token: string; orgId: string; file: string; commit: boolean }) => {
    const reply = (ok: boolean, result?: unknown, error?: string) => process.send?.({ id: m.id, ok, result, error });
    if (m.op !== 'import') return reply(false, undefined, `unknown op ${m.op}`);
    try {
      const api = await importApi();
      if (!api.startImport || !api.waitForImport) return reply(true, { missing: 'startImport/waitForImport not found in server/src/modules/member/import' });
      const actor = await loadActor(services, m.token);
      if (!actor || actor === 'expired') throw new Error('bench session not valid');
      const c: Ctx = { ...services, actor, ip: '127.0.0.1' };
      const started = performance.now();
      const { batchId } = await (api.startImport as (c: Ctx, i: unknown) => Promise<{ batchId: string }>)(c, {
        orgId: m.orgId,
        fileName: path.basename(m.file),
        path: m.file,
      });
      const progress = setInterval(async () => {
        const b = await batchStatus(batchId).catch(() => null);
        if (b) process.send?.({ type: 'progress', status: b.status, rowsDone: b.rows_done });
      }, 5000);
      try {
        await (api.waitForImport as (id: string) => Promise<void>)(batchId);
        const parsedAt = performance.now();
        const preview = await batchStatus(batchId);
        let committedAt: number | null = null;
        let final = preview;
        let commitMissing = false;
        if (m.commit && preview?.status === 'preview') {
          if (!api.commitImport) commitMissing = true;
          else {
            await (api.commitImport as (c: Ctx, id: string) => Promise<unknown>)(c, batchId);
            await (api.waitForImport as (id: string) => Promise<void>)(batchId);
            // The commit may run in the background: wait until the batch leaves 'committing'.
            for (;;) {
              final = await batchStatus(batchId);
              if (!final || final.status !== 'committing') break;
              await new Promise((r) => setTimeout(r, 200));
            }
            committedAt = performance.now();
          }
        }
        reply(true, {
          batchId,
          parseMs: parsedAt - started,
          commitMs: committedAt === null ? null : committedAt - parsedAt,
          totalMs: (committedAt ?? parsedAt) - started,
          preview,
          final,
          commitMissing,
        });
      } finally {
        clearInterval(progress);
      }
    } catch (e) {
      reply(false, undefined, (e as Error).stack ?? String(e));
    }
  });

  const shutdown = async () => {
    await app.close().catch(() => undefined);
    await services.database.close().catch(() => undefined);
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown());
  process.on('SIGINT', () => void shutdown());
  process.on('disconnect', () => void shutdown());
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
