import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations, SQL } from 'drizzle-orm';
import pg from 'pg';
import { acquireDataDirLock, type DataDirLock } from './lock.js';

export type Db = PgDatabase<PgQueryResultHKT, Record<string, never>>;
export type Tx = PgTransaction<PgQueryResultHKT, Record<string, never>, ExtractTablesWithRelations<Record<string, never>>>;
/** Anything queries can run on: the database or an open transaction. */
export type Executor = Db | Tx;

export type Engine = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  engine: Engine;
  /** Runs a raw SQL statement and returns its rows, on either engine. */
  query<T = Record<string, unknown>>(q: SQL): Promise<T[]>;
  close(): Promise<void>;
  /** The PGlite instance or pg pool, for tools that need the driver (COPY, benchmarks). */
  driver: PGlite | pg.Pool;
}

export interface OpenOptions {
  databaseUrl?: string;
  /** PGlite data directory; `memory://` for an in-memory database (tests). */
  dataDir?: string;
}

// pg returns int8 as string by default; counts fit in JS numbers.
pg.types.setTypeParser(20, (v) => Number(v));
// Keep DATE as 'YYYY-MM-DD' strings, never shifted by time zones.
pg.types.setTypeParser(1082, (v) => v);

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: Number(process.env.PG_POOL_MAX ?? 10) });
    pool.on('error', () => {
      /* idle client errors are reported on next use */
    });
    const db = drizzlePg(pool) as unknown as Db;
    return {
      db,
      engine: 'postgres',
      driver: pool,
      query: async <T>(q: SQL) => ((await db.execute(q)) as unknown as { rows: T[] }).rows,
      close: () => pool.end(),
    };
  }
  const dataDir = opts.dataDir ?? './data';
  let lock: DataDirLock | undefined;
  let dir: string | undefined;
  if (!dataDir.startsWith('memory://')) {
    fs.mkdirSync(dataDir, { recursive: true });
    lock = acquireDataDirLock(dataDir);
    dir = path.join(dataDir, 'pgdata');
  }
  let client: PGlite;
  try {
    client = new PGlite(dir ?? dataDir, {});
    await client.waitReady;
  } catch (e) {
    lock?.release();
    throw e;
  }
  const db = drizzlePglite(client) as unknown as Db;
  return {
    db,
    engine: 'pglite',
    driver: client,
    query: async <T>(q: SQL) => ((await db.execute(q)) as unknown as { rows: T[] }).rows,
    close: async () => {
      try {
        await client.close();
      } finally {
        lock?.release();
      }
    },
  };
}

/**
 * Await lazy Drizzle queries one after another. A transaction is a single connection, and pg
 * refuses overlapping queries on one client (deprecated now, an error in pg 9); use this instead
 * of Promise.all wherever the executor may be a transaction.
 */
export async function inTurn<T extends readonly unknown[]>(queries: T): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  const out: unknown[] = [];
  for (const q of queries) out.push(await q);
  return out as { -readonly [K in keyof T]: Awaited<T[K]> };
}
