/**
 * Seeds the demo member registry (about 200,000 members; see demo-member-gen.ts for what they
 * look like) into an empty registry, in the caller's transaction, fast enough for a first start:
 *
 * - rows are generated and encrypted in a worker thread (demo-members.worker.ts) while the main
 *   thread inserts the previous batch; small seeds (tests) and any worker trouble run inline;
 * - each batch of 5,000 is one INSERT … SELECT FROM unnest(one array parameter per column): no
 *   parameter limit, one parse, the same statement on PGlite and PostgreSQL;
 * - the secondary indexes of member and membership_event are dropped for the load and rebuilt
 *   from their own definitions afterwards (PostgreSQL manual, "Populating a Database").
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { sql, type SQL } from 'drizzle-orm';
import { APPLICATION_COLS, demoRowBatches, EVENT_COLS, MEMBER_COLS, TRANSFER_COLS, type Columns, type DemoBatch } from './demo-member-rows.js';
import type { DemoOrg } from './demo-city.js';
import type { DemoMemberOptions } from './demo-member-gen.js';
import type { Services } from '../platform/context.js';
import type { Executor } from '../db/client.js';

export { DEMO_MEMBER_COUNT } from './demo-member-gen.js';

/** Below this many members the worker's start-up costs more than it saves. */
const WORKER_FROM = 20_000;

export interface DemoMemberReport {
  members: number;
  events: number;
  transfers: number;
  pendingTransfers: number;
  applications: number;
  overdueApplications: number;
  ms: number;
  mode: 'worker' | 'inline';
}

/** INSERT … SELECT FROM unnest(one array parameter per column); `select` can transform the unnested columns (named u_<column>). */
export function unnestInsert(table: string, cols: Columns, rows: readonly unknown[][], select?: string): SQL {
  const params = cols.map(([, type], i) => sql`${sql.param(rows.map((r) => r[i]))}::${sql.raw(type)}[]`);
  const alias = cols.map(([c]) => `u_${c}`).join(', ');
  return sql`INSERT INTO ${sql.raw(table)} (${sql.raw(cols.map(([c]) => c).join(', '))}) SELECT ${sql.raw(select ?? alias)} FROM unnest(${sql.join(params, sql`, `)}) AS u(${sql.raw(alias)})`;
}

// name_grams travels as one space-joined string per row: unnest cannot take an array of arrays.
const MEMBER_SELECT = MEMBER_COLS.map(([c]) => (c === 'name_grams' ? `string_to_array(u_${c}, ' ')` : `u_${c}`)).join(', ');

/** Drop the secondary (non-primary, non-constraint) indexes of empty tables; returns the function that recreates them. */
async function dropSecondaryIndexes(tx: Executor, tables: string[]): Promise<() => Promise<void>> {
  const res = (await tx.execute(sql`
    SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def
    FROM pg_index i
    WHERE i.indrelid::regclass::text IN (${sql.join(
      tables.map((t) => sql`${t}`),
      sql`, `,
    )}) AND NOT i.indisprimary
      AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
    ORDER BY 1`)) as unknown as { rows: { name: string; def: string }[] };
  for (const r of res.rows) await tx.execute(sql.raw(`DROP INDEX ${r.name}`));
  return async () => {
    for (const r of res.rows) await tx.execute(sql.raw(r.def));
  };
}

/**
 * The worker's entry. Built JavaScript runs demo-members.worker.js; under TypeScript (tsx, vitest)
 * a tiny ES module registers tsx inside the worker first (a Node 20 worker does not inherit `--import tsx`).
 */
function workerEntry(): URL {
  if (!import.meta.url.endsWith('.ts')) return new URL('./demo-members.worker.js', import.meta.url);
  const tsxDir = path.dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const api = pathToFileURL(path.join(tsxDir, 'dist/esm/api/index.mjs')).href;
  const target = new URL('./demo-members.worker.ts', import.meta.url).href;
  return new URL(
    'data:text/javascript,' + encodeURIComponent(`import { register } from ${JSON.stringify(api)}; register(); await import(${JSON.stringify(target)});`),
  );
}

type WorkerMessage = { type: 'probe'; cipher: string } | { type: 'batch'; batch: DemoBatch } | { type: 'done' } | { type: 'fatal'; message: string };

/** Batches from a worker thread, or null when it cannot start or does not hold the server's key (then the caller runs inline). */
async function workerSource(
  s: Pick<Services, 'keys' | 'config'>,
  orgs: readonly DemoOrg[],
  opts: DemoMemberOptions,
): Promise<AsyncGenerator<DemoBatch> | null> {
  let worker: Worker;
  try {
    worker = new Worker(workerEntry(), { workerData: { orgs, opts, secretKeyHex: s.config.secretKeyHex, dataDir: s.config.dataDir } });
  } catch {
    return null;
  }
  const queue: (WorkerMessage | Error)[] = [];
  let waiting: (() => void) | null = null;
  const push = (m: WorkerMessage | Error) => {
    queue.push(m);
    const w = waiting;
    waiting = null;
    w?.();
  };
  worker.on('message', push);
  worker.on('error', (e: Error) => push(e));
  worker.on('exit', (code) => push(new Error(`demo member worker exited (${code})`)));
  const next = async (): Promise<WorkerMessage | Error> => {
    while (!queue.length) await new Promise<void>((r) => (waiting = r));
    return queue.shift()!;
  };
  const first = await next();
  let trusted: boolean;
  try {
    trusted = !(first instanceof Error) && first.type === 'probe' && s.keys.decrypt(first.cipher) === 'probe';
  } catch {
    trusted = false;
  }
  if (!trusted) {
    await worker.terminate();
    return null;
  }
  return (async function* () {
    try {
      for (;;) {
        const m = await next();
        if (m instanceof Error) throw m;
        if (m.type === 'fatal') throw new Error('demo member worker failed: ' + m.message);
        if (m.type === 'done') return;
        if (m.type === 'batch') {
          yield m.batch;
          worker.postMessage('ack');
        }
      }
    } finally {
      await worker.terminate();
    }
  })();
}

async function* inlineSource(s: Pick<Services, 'keys'>, orgs: readonly DemoOrg[], opts: DemoMemberOptions): AsyncGenerator<DemoBatch> {
  for (const b of demoRowBatches(s.keys, orgs, opts)) {
    yield b;
    await new Promise<void>((r) => setImmediate(r)); // let signals and timers in between batches
  }
}

/** Generate, encrypt and insert the demo registry in the caller's transaction; the registry must be empty. */
export async function seedDemoMembers(
  tx: Executor,
  s: Pick<Services, 'keys' | 'config'>,
  orgs: readonly DemoOrg[],
  opts: DemoMemberOptions & { worker?: boolean },
): Promise<DemoMemberReport> {
  const started = Date.now();
  const report: DemoMemberReport = { members: 0, events: 0, transfers: 0, pendingTransfers: 0, applications: 0, overdueApplications: 0, ms: 0, mode: 'inline' };
  const fromWorker = (opts.worker ?? opts.members >= WORKER_FROM) ? await workerSource(s, orgs, opts) : null;
  if (fromWorker) report.mode = 'worker';
  const rebuild = await dropSecondaryIndexes(tx, ['member', 'membership_event']);
  for await (const b of fromWorker ?? inlineSource(s, orgs, opts)) {
    if (b.kind === 'members') {
      await tx.execute(unnestInsert('member', MEMBER_COLS, b.members, MEMBER_SELECT));
      await tx.execute(unnestInsert('membership_event', EVENT_COLS, b.events));
      if (b.transfers.length) await tx.execute(unnestInsert('transfer', TRANSFER_COLS, b.transfers));
      report.members += b.members.length;
      report.events += b.events.length;
      report.transfers += b.transfers.length;
      report.pendingTransfers += b.pendingTransfers;
    } else {
      if (b.applications.length) await tx.execute(unnestInsert('join_application', APPLICATION_COLS, b.applications));
      report.applications = b.applications.length;
      report.overdueApplications = b.overdue;
    }
  }
  await rebuild();
  // Card numbers issued later continue after the demo ones ('GH' + the sequence, as repo.nextCardNo).
  if (report.members > 0) await tx.execute(sql`SELECT setval('member_card_seq', ${report.members})`);
  report.ms = Date.now() - started;
  return report;
}
