import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { PGlite } from '@electric-sql/pglite';
import { loadConfig, type Config } from '../../server/src/config.js';
import { createServices } from '../../server/src/services.js';
import type { Services } from '../../server/src/platform/context.js';

export type Engine = 'pglite' | 'postgres';

/** A fresh database for one engine's run: a PGlite data directory or a new PostgreSQL database. */
export interface BenchDb {
  engine: Engine;
  /** PostgreSQL: the URL of the fresh database. */
  databaseUrl?: string;
  /** PGlite: the data directory (DATA_DIR of the server under test). */
  dataDir: string;
  secretKeyHex: string;
  /** Environment for a server process on this database. */
  env: Record<string, string>;
  drop(): Promise<void>;
}

/** A fixed key: the generated files (ciphertexts, blind indexes) serve every engine of a run. */
export const BENCH_SECRET_KEY_HEX = crypto.createHash('sha256').update('gonghui-bench-key').digest('hex');

export async function createBenchDb(engine: Engine, baseUrl?: string): Promise<BenchDb> {
  const secretKeyHex = BENCH_SECRET_KEY_HEX;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `gh-bench-${engine}-`));
  const common = { GONGHUI_SECRET_KEY: secretKeyHex, GONGHUI_DEMO: '0', GONGHUI_JOBS: '0', LOG_LEVEL: 'warn', DATA_DIR: dataDir };
  if (engine === 'pglite') {
    return {
      engine,
      dataDir,
      secretKeyHex,
      env: common,
      drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  if (!baseUrl) throw new Error('BENCH_DATABASE_URL is needed for the postgres engine');
  const name = `gh_bench_${new Date().toISOString().slice(0, 10).replaceAll('-', '')}_${crypto.randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(baseUrl);
  u.pathname = '/' + name;
  const databaseUrl = u.toString();
  return {
    engine,
    dataDir,
    secretKeyHex,
    databaseUrl,
    env: { ...common, DATABASE_URL: databaseUrl },
    drop: async () => {
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function benchConfig(b: BenchDb): Config {
  return {
    ...loadConfig({}),
    databaseUrl: b.databaseUrl,
    dataDir: b.dataDir,
    secretKeyHex: b.secretKeyHex,
    jobs: false,
    webDist: '/nonexistent',
    logLevel: 'warn',
  };
}

/** Open the database in this process (migrations run); PGlite must be closed before a child opens it. */
export async function openServices(b: BenchDb): Promise<Services> {
  return createServices(benchConfig(b));
}

export interface RawResult {
  rows: Record<string, unknown>[];
}

/** One SQL statement straight through the driver (pg pool or PGlite), no ORM. */
export function rawQuery(s: Services, text: string, params: unknown[] = []): Promise<RawResult> {
  const d = s.database.driver;
  if (s.database.engine === 'pglite') return (d as PGlite).query(text, params) as Promise<RawResult>;
  return (d as pg.Pool).query(text, params as unknown[]) as unknown as Promise<RawResult>;
}

export interface Captured {
  text: string;
  params: unknown[];
  /** Statements with the same group number were in flight together (Promise.all); replay keeps that. */
  group: number;
}

/**
 * Record every statement a piece of code sends to the driver (the ORM calls the driver's `query`),
 * so the very same SQL can be replayed raw. Transactions are not captured (the measured reads use none).
 */
export async function captureSql<T>(s: Services, fn: () => Promise<T>): Promise<{ value: T; statements: Captured[] }> {
  const d = s.database.driver as unknown as { query: (...a: unknown[]) => Promise<unknown> };
  const original = d.query;
  const statements: Captured[] = [];
  let inflight = 0;
  let group = 0;
  d.query = function (this: unknown, q: unknown, params?: unknown, ...rest: unknown[]) {
    const text = typeof q === 'string' ? q : (q as { text: string }).text;
    if (inflight === 0) group++;
    inflight++;
    statements.push({ text, params: Array.isArray(params) ? [...params] : [], group });
    const p = original.call(this, q, params, ...rest);
    return Promise.resolve(p).finally(() => inflight--);
  } as typeof d.query;
  try {
    const value = await fn();
    return { value, statements };
  } finally {
    d.query = original;
  }
}

/** Replay captured statements through the driver, concurrent ones concurrently. */
export async function replayRaw(s: Services, statements: Captured[]): Promise<void> {
  let i = 0;
  while (i < statements.length) {
    const g = statements[i]!.group;
    const batch: Captured[] = [];
    while (i < statements.length && statements[i]!.group === g) batch.push(statements[i++]!);
    await Promise.all(batch.map((st) => rawQuery(s, st.text, st.params)));
  }
}

export async function dbVersion(s: Services): Promise<string> {
  const r = await rawQuery(s, 'SELECT version() AS v');
  return String(r.rows[0]!.v);
}

/**
 * BENCH_EXPLAIN=1: print EXPLAIN (ANALYZE, BUFFERS) of captured statements (PGlite has no BUFFERS
 * detail worth reading but accepts the option).
 */
export async function explainStatements(s: Services, label: string, statements: Captured[], log: (m: string) => void): Promise<void> {
  if (!process.env.BENCH_EXPLAIN) return;
  for (const st of statements) {
    const r = await rawQuery(s, `EXPLAIN (ANALYZE, BUFFERS) ${st.text}`, st.params);
    log(`\n  EXPLAIN ${label}: ${st.text.replace(/\s+/g, ' ').slice(0, 300)}\n  params ${JSON.stringify(st.params).slice(0, 200)}`);
    for (const row of r.rows) log('    ' + String(Object.values(row)[0]));
  }
}
