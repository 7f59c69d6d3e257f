/**
 * Re-run the dashboard or list item against a database kept by `npm run bench -- --keep`
 * (PostgreSQL), without generating and loading the city again — for iterating on one item:
 *
 *   npx tsx bench/tools/on-kept.ts postgres://postgres@127.0.0.1:5432/gh_bench_… dashboard|list|search [seconds]
 *   npx tsx bench/tools/on-kept.ts postgres://…/gh_bench_… xlsx [rows]   (the xlsx import; its members are deleted again)
 *
 * The database must hold the default city (1,000,000 members): the search samples are the same
 * deterministic people the benchmark picks.
 *
 * Prints the item's rows as the benchmark would; writes nothing to bench/results.
 */
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../../server/src/config.js';
import { createServices } from '../../server/src/services.js';
import { buildApp } from '../../server/src/app.js';
import { appUser } from '../../server/src/modules/user/user.schema.js';
import { BENCH_SECRET_KEY_HEX, captureSql } from '../lib/db.js';
import { sessionCookie } from '../lib/dataset.js';
import { runDashboards } from '../items/dashboard.js';
import { driverLoad, runListLoad } from '../items/list.js';
import { loadActor } from '../../server/src/modules/auth/session.js';
import { listMembers } from '../../server/src/modules/member/member.service.js';
import { MemberListQuery } from '../../common/src/contracts/member.js';
import type { Ctx } from '../../server/src/platform/context.js';
import { startChild, REPO } from '../lib/proc.js';
import os from 'node:os';
import type { ItemResult } from '../lib/report.js';
import { benchOrgs, PersonGenerator } from '../lib/city.js';
import { runSearch } from '../items/search.js';
import fs from 'node:fs';
import { runImport } from '../items/import.js';
import { writeXlsxRoster } from '../lib/dataset.js';
import { runChildJson } from '../lib/proc.js';

const [url, item = 'dashboard', secs = '10'] = process.argv.slice(2);
if (!url || !['dashboard', 'list', 'search', 'xlsx'].includes(item)) {
  console.error('usage: on-kept.ts <database url> dashboard|list|search|xlsx [seconds | xlsx rows]');
  process.exit(2);
}
const log = (m: string) => console.log(m);
const s = await createServices({
  ...loadConfig({}),
  databaseUrl: url,
  dataDir: os.tmpdir(),
  secretKeyHex: BENCH_SECRET_KEY_HEX,
  jobs: false,
  webDist: '/nonexistent',
  logLevel: 'warn',
});
const users = await s.db
  .select({ id: appUser.id, username: appUser.username })
  .from(appUser)
  .where(sql`${appUser.username} IN ('bench_city', 'bench_district')`);
const id = (u: string) => users.find((x) => x.username === u)!.id;
const city = await sessionCookie(s, id('bench_city'));
const district = await sessionCookie(s, id('bench_district'));
let rows: ItemResult[];
if (item === 'dashboard') {
  const app = await buildApp({ services: s });
  await app.ready();
  rows = await runDashboards(
    s,
    app,
    { city: city.cookie, district: district.cookie },
    { budgetSeconds: 20, warmup: 5, iterations: 40, target100ms: true },
    1_000_000,
    log,
  );
  await app.close();
} else if (item === 'search') {
  // The samples writeDataset picks (district people), without encrypting a million rows again.
  const orgs = benchOrgs(1_000_000);
  const districtPath = orgs.find((x) => x.level === 'county')!.path;
  const gen = new PersonGenerator(orgs, 'dataset', 0);
  const samples: { name: string; idNumber: string; mobile: string | null }[] = [];
  for (let i = 0; samples.length < 200 && i < 1_000_000; i++) {
    const p = gen.person();
    if (p.org.path.startsWith(districtPath) && p.status === 'active' && i % 7 === 3)
      samples.push({ name: p.fields.name, idNumber: p.fields.idNumber, mobile: p.fields.mobile });
  }
  rows = await runSearch(s, district.token, samples, { budgetSeconds: 30, variants: 20, warmup: 10, iterations: 100, target50ms: true }, 1_000_000, log);
} else if (item === 'xlsx') {
  const n = Number(secs === '10' ? 100_000 : secs);
  const orgs = benchOrgs(1_000_000);
  const target = orgs.filter((x) => x.level === 'grassroots')[1]!;
  const file = path.join(os.tmpdir(), `on-kept-roster-${n}.xlsx`);
  if (!fs.existsSync(file)) await writeXlsxRoster(orgs, n, 1_000_000 + 1_000_000, file);
  const { result: bare } = await runChildJson<{ ms: number; rows: number }>(path.join(REPO, 'bench/child/xlsx-read.ts'), [file]);
  log(`ExcelJS alone: ${(bare.ms / 1000).toFixed(2)} s`);
  const env = { GONGHUI_SECRET_KEY: BENCH_SECRET_KEY_HEX, GONGHUI_DEMO: '0', GONGHUI_JOBS: '0', LOG_LEVEL: 'warn', DATA_DIR: os.tmpdir(), DATABASE_URL: url };
  const server = await startChild(path.join(REPO, 'bench/child/server.ts'), { env, ipc: true });
  const since = new Date();
  try {
    const run = await runImport(server, city.token, target.id, file, log);
    log(
      `import: ${((run.totalMs ?? 0) / 1000).toFixed(2)} s (parse+stage ${((run.parseMs ?? 0) / 1000).toFixed(2)} s, commit ${((run.commitMs ?? 0) / 1000).toFixed(2)} s) = ${((run.totalMs ?? 0) / bare.ms).toFixed(2)} × the read; ${String(run.final?.status)} ${String(run.final?.created)} created`,
    );
  } finally {
    await server.stop();
  }
  const mine = sql`SELECT id FROM member WHERE org_id = ${target.id} AND created_at >= ${since}`;
  await s.database.query(sql`DELETE FROM membership_event WHERE member_id IN (${mine})`);
  await s.database.query(sql`DELETE FROM member WHERE id IN (${mine})`);
  await s.database.query(sql`VACUUM ANALYZE member`);
  rows = [];
} else {
  const actor = await loadActor(s, district.token);
  const { statements } = await captureSql(s, () => listMembers({ ...s, actor, ip: '127.0.0.1' } as Ctx, MemberListQuery.parse({ page: '1', pageSize: '20' })));
  const driver = await driverLoad(s, statements, 50, Number(secs));
  const env = { GONGHUI_SECRET_KEY: BENCH_SECRET_KEY_HEX, GONGHUI_DEMO: '0', GONGHUI_JOBS: '0', LOG_LEVEL: 'warn', DATA_DIR: os.tmpdir(), DATABASE_URL: url };
  const server = await startChild(path.join(REPO, 'server/src/main.ts'), { env });
  try {
    rows = [await runListLoad(server, district.cookie, os.tmpdir(), { connections: 50, seconds: Number(secs) }, log, driver)];
  } finally {
    await server.stop();
  }
}
for (const r of rows) console.log(`| ${r.what} | ${r.ours} | ${r.limit} | ${r.ratioLabel} |`);
await s.database.close();
