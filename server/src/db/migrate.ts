import path from 'node:path';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { Database } from './client.js';

const migrationsFolder = path.resolve(import.meta.dirname, 'migrations');

/** Apply pending migrations. On PostgreSQL an advisory lock keeps concurrent replicas from racing. */
export async function runMigrations(database: Database): Promise<void> {
  if (database.engine === 'pglite') {
    await migratePglite(database.db as never, { migrationsFolder });
    return;
  }
  const pool = database.driver as import('pg').Pool;
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock(727001)');
    const { drizzle } = await import('drizzle-orm/node-postgres');
    await migratePg(drizzle(client), { migrationsFolder });
  } finally {
    await client.query('SELECT pg_advisory_unlock(727001)').catch(() => undefined);
    client.release();
  }
}
