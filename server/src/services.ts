import { sql } from 'drizzle-orm';
import type { Config } from './config.js';
import { openDatabase } from './db/client.js';
import { runMigrations } from './db/migrate.js';
import { loadKeyRing } from './platform/crypto.js';
import { loadAuditSigner } from './platform/audit-tail.js';
import { SettingsStore } from './platform/settings.js';
import { ensureBuiltInRoles } from './modules/user/built-in-roles.js';
import type { Services } from './platform/context.js';
import { VERSION } from './version.js';

/** Open the database, migrate it, and assemble what every service needs. */
export async function createServices(config: Config, opts: { dataDirForPglite?: string } = {}): Promise<Services> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: opts.dataDirForPglite ?? config.dataDir });
  try {
    await runMigrations(database);
    await ensureBuiltInRoles(database.db);
  } catch (e) {
    await database.close();
    throw e;
  }
  const inMemory = (opts.dataDirForPglite ?? '').startsWith('memory://');
  const keys = loadKeyRing({ secretKeyHex: config.secretKeyHex, dataDir: config.dataDir, persist: !inMemory });
  const auditSigner = loadAuditSigner({
    pem: config.auditSigningKey,
    dataDir: config.dataDir,
    persist: !inMemory,
    file: config.auditCheckpointFile ?? (inMemory ? null : undefined),
  });
  return { config, database, db: database.db, keys, auditSigner, settings: new SettingsStore(database.db), version: VERSION };
}

export async function isDatabaseEmpty(s: Services): Promise<boolean> {
  const rows = await s.database.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM org`);
  return rows[0]!.n === 0;
}
