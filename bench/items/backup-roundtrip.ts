/**
 * The backup round trip at size (platform/backup.ts): a demo installation of N members on PGlite is
 * backed up, restored on PostgreSQL, backed up again there and the two manifests compared (rows and
 * SHA-256 of every table), then restored back into a fresh PGlite and compared again. Runs on its own:
 *
 *   npx tsx bench/items/backup-roundtrip.ts [--members 20000]
 *
 * PostgreSQL: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test); a scratch
 * database is created there and dropped. Figures go to bench/results/backup-roundtrip-<date>.json.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { loadConfig } from '../../server/src/config.js';
import { createServices } from '../../server/src/services.js';
import { seedDemo } from '../../server/src/seed/demo.js';
import { backupDatabase, restoreDatabase, type BackupManifest } from '../../server/src/platform/backup.js';
import { describeMachine } from '../lib/machine.js';

const { values } = parseArgs({ options: { members: { type: 'string' } } });
const members = Number(values.members ?? 20_000);
const base = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-backup-rt-'));
const key = crypto.randomBytes(32).toString('hex');
const config = (dataDir: string, databaseUrl?: string) => ({
  ...loadConfig({}),
  dataDir,
  databaseUrl,
  secretKeyHex: key,
  jobs: false,
  importDir: path.join(tmp, 'imports'),
});
const secs = (t: number) => Math.round((performance.now() - t) / 100) / 10;
const same = (a: BackupManifest, b: BackupManifest) => JSON.stringify(a.tables) === JSON.stringify(b.tables);

const name = `gh_brt_${crypto.randomBytes(5).toString('hex')}`;
const admin = new pg.Client({ connectionString: base });
await admin.connect();
await admin.query(`CREATE DATABASE ${name}`);
await admin.end();
const url = new URL(base);
url.pathname = '/' + name;
const out: Record<string, unknown> = { members };
try {
  let t = performance.now();
  const lite = await createServices(config(path.join(tmp, 'lite')));
  await seedDemo(lite, { members, log: () => undefined });
  out.seedSeconds = secs(t);
  t = performance.now();
  const a = await backupDatabase(lite, path.join(tmp, 'a.backup'));
  out.backupPgliteSeconds = secs(t);
  out.archiveBytes = fs.statSync(path.join(tmp, 'a.backup')).size;
  out.tables = a.tables.length;
  out.rows = a.tables.reduce((n, x) => n + x.rows, 0);
  await lite.database.close();

  t = performance.now();
  const onPg = await createServices(config(path.join(tmp, 'unused'), url.toString()));
  await restoreDatabase(onPg, path.join(tmp, 'a.backup'));
  out.restorePostgresSeconds = secs(t);
  const b = await backupDatabase(onPg, path.join(tmp, 'b.backup'));
  out.pgliteToPostgresIdentical = same(a, b);
  await onPg.database.close();

  t = performance.now();
  const back = await createServices(config(path.join(tmp, 'back')));
  await restoreDatabase(back, path.join(tmp, 'b.backup'));
  out.restorePgliteSeconds = secs(t);
  const c = await backupDatabase(back, path.join(tmp, 'c.backup'));
  out.postgresToPgliteIdentical = same(b, c);
  await back.database.close();
} finally {
  const c = new pg.Client({ connectionString: base });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await c.end();
  fs.rmSync(tmp, { recursive: true, force: true });
}
out.machine = describeMachine();
fs.writeFileSync(
  path.resolve(import.meta.dirname, `../results/backup-roundtrip-${new Date().toISOString().slice(0, 10)}.json`),
  JSON.stringify(out, null, 2) + '\n',
);
console.log(JSON.stringify(out));
process.exit(out.pgliteToPostgresIdentical && out.postgresToPgliteIdentical ? 0 : 1);
