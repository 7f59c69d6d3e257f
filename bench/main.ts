/**
 * `npm run bench` — Gonghui at city scale, each figure measured beside its limit in the same run
 * (README, "Performance"). For each engine: a fresh database, migrations, the demo org tree topped up to about
 * one grassroots union per 50 members, a deterministic synthetic member set, then:
 *
 *   import-csv   the roster CSV of all N members through the real import pipeline, inside the
 *                server under test (its RSS and GET /api/health answered meanwhile), beside COPY of
 *                the same rows into the same table (which then is the data set for the rest)
 *   search       member search in a district's scope via the service vs the same SQL raw
 *   dashboard    dashboard figures, city and district, via the route vs the same SQL raw
 *   list         GET /api/members under autocannon vs a bare Fastify route
 *   export       csv and xlsx export of the whole city vs the library alone
 *   import-xlsx  an xlsx roster of other people via the pipeline vs ExcelJS reading it alone
 *   hardship-scan the monitoring scan over N hardship households vs the same rules as one raw SQL
 *
 * Results: bench/results/<engine>-<date>[-quick].json (+ .md) and a markdown table on stdout.
 * Targets are reported, never asserted: the exit code is 0 whatever the figures.
 */
import { sql } from 'drizzle-orm';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../server/src/app.js';
import type { Ctx, Services } from '../server/src/platform/context.js';
import { loadActor } from '../server/src/modules/auth/session.js';
import { listMembers } from '../server/src/modules/member/member.service.js';
import { MemberListQuery } from '../common/src/contracts/member.js';
import { ITEMS, parseArgs, type Item, type Options } from './lib/args.js';
import { describeMachine } from './lib/machine.js';
import { BENCH_SECRET_KEY_HEX, captureSql, createBenchDb, dbVersion, openServices, rawQuery, type BenchDb, type Engine } from './lib/db.js';
import { benchOrgs, type BenchOrg } from './lib/city.js';
import { makeKeyRing } from '../server/src/platform/crypto.js';
import { BENCH_PASSWORD, copyInto, seedOrgsAndUsers, sessionCookie, writeDataset, writeXlsxRoster, type BenchUsers, type DatasetFiles } from './lib/dataset.js';
import { REPO, runChildJson, startChild } from './lib/proc.js';
import { fmtInt, fmtMs, fmtRatio, markdown, notMeasured, type EngineReport, type ItemResult } from './lib/report.js';
import { runSearch } from './items/search.js';
import { runDashboards } from './items/dashboard.js';
import { measureRoute } from './items/routes.js';
import { runMixedLoad } from './items/mixed-load.js';
import { MODULE_BENCHES } from './modules/index.js';
import { driverLoad, runListLoad } from './items/list.js';
import { runExport } from './items/export.js';
import { runImport, startImportServer, type ImportRun } from './items/import.js';
import { benchHardshipScan } from './hardship-scan.js';

const log = (m: string) => console.error(m);
const stamp = () => new Date().toISOString().slice(11, 19);
const step = (m: string) => log(`\n[${stamp()}] ${m}`);

/** Run one item; a failure becomes a "not measured" row with the reason, never a crash of the run. */
async function guarded(items: ItemResult[], id: string, what: string, fn: () => Promise<ItemResult[] | ItemResult>): Promise<void> {
  try {
    const r = await fn();
    items.push(...(Array.isArray(r) ? r : [r]));
  } catch (e) {
    const msg = (e as Error).message.split('\n')[0]!.slice(0, 240);
    log(`  ✗ ${id} failed: ${(e as Error).stack ?? e}`);
    items.push(notMeasured(id, what, `failed — ${msg}`));
  }
}

/** What every engine's run shares: the synthetic city and its files, generated once. */
interface Shared {
  orgs: BenchOrg[];
  files: DatasetFiles;
  filesDir: string;
  /** The xlsx roster (other people), written on first use. */
  xlsx: string | null;
}

async function runEngine(engine: Engine, o: Options, shared: Shared): Promise<EngineReport> {
  const want = (i: Item) => o.only.has(i);
  const startedAt = new Date();
  const items: ItemResult[] = [];
  const notes: string[] = [];
  step(`${engine}: fresh database`);
  const b: BenchDb = await createBenchDb(engine, process.env.BENCH_DATABASE_URL);
  const { orgs, files, filesDir } = shared;
  let s: Services | null = await openServices(b);
  const reopen = async () => (s ??= await openServices(b));
  /** PGlite is one process's: close it before a child server opens the same data directory. */
  const release = async () => {
    if (engine === 'pglite' && s) {
      await s.database.close();
      s = null;
    }
  };
  let database: string;
  let grassroots: number;
  try {
    database = await dbVersion(s);
    grassroots = orgs.filter((x) => x.level === 'grassroots').length;
    step(`${engine}: ${orgs.length.toLocaleString('en')} orgs (${grassroots.toLocaleString('en')} grassroots unions), bench users`);
    const users: BenchUsers = await seedOrgsAndUsers(s, orgs);
    const grassrootsOrgs = orgs.filter((x) => x.level === 'grassroots');
    const csvTarget = grassrootsOrgs[0]!;
    const xlsxTarget = grassrootsOrgs[1]!;

    // 1. CSV import through the pipeline, into an empty member table.
    let csvRun: ImportRun | null = null;
    let csvError: string | null = null;
    if (want('import-csv')) {
      const { token } = await sessionCookie(s, users.city.id);
      await release();
      step(`${engine}: import-csv — ${o.members.toLocaleString('en')} rows through the import pipeline in the server under test`);
      const server = await startImportServer(b);
      try {
        csvRun = await runImport(server, token, csvTarget.id, files.csvPath, log);
      } catch (e) {
        csvError = (e as Error).message.split('\n')[0]!.slice(0, 240);
        log(`  ✗ import failed: ${(e as Error).stack}\n${server.log().slice(-2000)}`);
      } finally {
        await server.stop();
      }
      s = await reopen();
      await rawQuery(s, 'TRUNCATE member, membership_event, import_row, import_error');
    }

    // 2. COPY of the same rows into the same (empty) table: the limit, and the data set for the rest.
    step(`${engine}: COPY ${o.members.toLocaleString('en')} member rows`);
    const copyMs = await copyInto(s, b, 'member', files.memberColumns, files.memberChunks);
    const eventsMs = await copyInto(s, b, 'membership_event', files.eventColumns, files.eventChunks);
    await rawQuery(s, `SELECT setval('member_card_seq', ${o.members + 1})`);
    const vacuumT0 = performance.now();
    await rawQuery(s, 'VACUUM ANALYZE member');
    await rawQuery(s, 'VACUUM ANALYZE membership_event');
    const copyRate = o.members / (copyMs / 1000);
    log(
      `  member COPY ${(copyMs / 1000).toFixed(1)} s (${fmtInt(copyRate)} rows/s); events COPY ${(eventsMs / 1000).toFixed(1)} s; VACUUM ANALYZE ${((performance.now() - vacuumT0) / 1000).toFixed(1)} s`,
    );
    notes.push(
      `Data set loaded with COPY: ${o.members.toLocaleString('en')} members in ${(copyMs / 1000).toFixed(1)} s (${fmtInt(copyRate)} rows/s, all indexes in place), ${files.events.toLocaleString('en')} membership events in ${(eventsMs / 1000).toFixed(1)} s; then VACUUM ANALYZE.`,
    );

    if (want('import-csv')) {
      const what = `roster import csv, ${o.members.toLocaleString('en')} rows end to end (parse, validate, encrypt, dedupe, write)`;
      if (csvError) items.push(notMeasured('import.csv', what, `failed — ${csvError}`, '≥ 0.30 of COPY'));
      else if (csvRun?.missing) items.push(notMeasured('import.csv', what, csvRun.missing, '≥ 0.30 of COPY'));
      else if (csvRun) items.push(...importItems(csvRun, o.members, copyMs, what, engine));
    }

    // 3. Search and dashboards in-process: the service or route beside the same SQL raw.
    const city = await sessionCookie(s, users.city.id);
    const district = await sessionCookie(s, users.district.id);
    if (want('search')) {
      step(`${engine}: search in a district's scope (service vs raw SQL)`);
      await guarded(items, 'search', 'member search', () =>
        runSearch(s!, district.token, files.samples, { ...o.search, target50ms: o.members >= 1_000_000 }, o.members, log),
      );
    }
    if (want('dashboard')) {
      step(`${engine}: dashboards (route vs raw SQL)`);
      const app = await buildApp({ services: s });
      await app.ready();
      try {
        await guarded(items, 'dashboard', 'dashboard figures', () =>
          runDashboards(s!, app, { city: city.cookie, district: district.cookie }, { ...o.dashboard, target100ms: o.members >= 1_000_000 }, o.members, log),
        );
      } finally {
        await app.close();
      }
    }

    // 3a. Domain modules: their data at a multiple of the demo volume, then their list, search and
    // dashboard routes beside the same SQL raw (bench/modules).
    if (want('modules') && MODULE_BENCHES.length) {
      const app = await buildApp({ services: s });
      await app.ready();
      try {
        // BENCH_MODULES=dispute,benefit measures only those modules (their ids in bench/modules).
        const chosen = process.env.BENCH_MODULES?.split(',');
        for (const m of MODULE_BENCHES.filter((x) => !chosen || chosen.includes(x.id))) {
          step(`${engine}: ${m.id} — data at ${o.moduleScale}× the demo volume, then its routes (route vs raw SQL)`);
          await guarded(items, `module.${m.id}`, m.what, async () => {
            const t0 = performance.now();
            const rows = await m.seed(s!, { orgs, scale: o.moduleScale, log });
            await rawQuery(s!, 'ANALYZE');
            log(
              `  ${m.id} data: ${Object.entries(rows)
                .map(([k, v]) => `${k} ${v.toLocaleString('en')}`)
                .join(', ')} in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
            );
            const out = [];
            for (const r of m.routes) {
              out.push(
                await measureRoute(
                  s!,
                  app,
                  { city: city.cookie, district: district.cookie },
                  { ...r, url: r.url.replace('{district}', users.district.orgId) },
                  o.dashboard,
                  log,
                ),
              );
            }
            if (m.items) out.push(...(await m.items(s!, log)));
            return out;
          });
        }
      } finally {
        await app.close();
      }
    }

    // 3b. The hardship warning scan over N households: the app's scan vs the same rules as one raw statement.
    if (want('hardship-scan')) {
      step(`${engine}: hardship warning scan over ${o.households.toLocaleString('en')} households (service vs one raw SQL)`);
      await guarded(items, 'hardship.scan', 'hardship warning scan', async () => {
        const r = await benchHardshipScan(s!.database, o.households, { runs: o.quick ? 2 : 3, log, explain: process.env.BENCH_EXPLAIN === '1' });
        const what = `hardship warning scan, ${o.households.toLocaleString('en')} households, ${r.raised.toLocaleString('en')} warnings raised`;
        return [
          {
            id: 'hardship.scan',
            what,
            ours: `median ${fmtMs(r.serviceMedianMs)} (runs ${r.serviceMs.map((x) => fmtMs(x)).join(', ')})${r.sameResult ? '' : ' — results differ from the raw statement!'}`,
            limit: `one raw SQL statement, median ${fmtMs(r.rawMedianMs)}`,
            ratio: r.ratio,
            ratioLabel: `${fmtRatio(r.ratio)} × raw`,
            target: '—',
            met: null,
            data: { ...r },
          },
          {
            id: 'hardship.scan.repeat',
            what: 'hardship warning scan repeated (nothing new to raise: the hourly steady state, tiers re-checked)',
            ours: fmtMs(r.repeatMs),
            limit: '—',
            ratio: null,
            ratioLabel: '—',
            target: 'raises none',
            met: r.sameResult,
          },
        ];
      });
    }

    // 4. The server under test as a child process (server/src/main.ts): list under load, export.
    if (want('list') || want('export') || want('load')) {
      const listSession = await sessionCookie(s, users.district.id);
      const listCookie = listSession.cookie;
      const exportCookie = (await sessionCookie(s, users.city.id)).cookie;
      // The database's ceiling for the same page: its statements through the driver alone, same load.
      let driver: Awaited<ReturnType<typeof driverLoad>> | undefined;
      if (want('list')) {
        const actor = await loadActor(s, listSession.token);
        if (actor && actor !== 'expired') {
          const c: Ctx = { ...s, actor, ip: '127.0.0.1' };
          const { statements } = await captureSql(s, () => listMembers(c, MemberListQuery.parse({ page: '1', pageSize: '20' })));
          step(`${engine}: the list's SQL through the driver alone (${statements.length} statement${statements.length > 1 ? 's' : ''} per request)`);
          driver = await driverLoad(s, statements, o.list.connections, o.list.seconds);
          log(`  driver alone: ${driver.reqPerSec.toFixed(0)} req/s, p95 ${driver.latency.p95.toFixed(1)} ms`);
        }
      }
      // The mixed workload's users: members of the district to edit (one each), names to search.
      const editable = want('load')
        ? (
            await s.database.query<{ id: string }>(
              sql`SELECT id FROM member WHERE status = 'active' AND org_id IN (SELECT id FROM org WHERE path LIKE ${users.district.orgPath + '%'}) ORDER BY id LIMIT ${o.load.users}`,
            )
          ).map((r) => r.id)
        : [];
      await release();
      step(`${engine}: server/src/main.ts as a child process`);
      const server = await startChild(path.join(REPO, 'server/src/main.ts'), { env: { ...b.env, ...(want('load') ? { GONGHUI_RATE_LIMITS: 'off' } : {}) } });
      try {
        if (want('list')) {
          step(`${engine}: GET /api/members under autocannon vs bare Fastify`);
          await guarded(items, 'list.load', 'GET /api/members under load', () => runListLoad(server, listCookie, filesDir, o.list, log, driver));
        }
        if (want('load') && (engine === 'postgres' || o.quick)) {
          step(`${engine}: mixed workload — ${o.load.users} users for ${o.load.seconds} s`);
          const terms = files.samples.flatMap((p) => [p.name, p.name.slice(1)]).slice(0, 200);
          await guarded(items, 'load.mixed', 'mixed workload', () =>
            runMixedLoad(
              server,
              {
                ...o.load,
                accounts: [
                  { username: users.city.username, password: BENCH_PASSWORD },
                  { username: users.district.username, password: BENCH_PASSWORD },
                ],
                editable,
                terms,
              },
              log,
            ),
          );
        }
        if (want('export')) {
          step(`${engine}: export csv and xlsx of the whole city`);
          await guarded(items, 'export', 'export', () => runExport(server, exportCookie, filesDir, o.members, log));
        }
      } finally {
        await server.stop();
      }
      s = await reopen();
    }

    // 5. xlsx import of other people into a populated table, beside ExcelJS reading the file alone.
    if (want('import-xlsx')) {
      const what = `roster import xlsx, ${o.xlsxRows.toLocaleString('en')} rows end to end`;
      await guarded(items, 'import.xlsx', what, async () => {
        const file = path.join(filesDir, 'roster.xlsx');
        if (!shared.xlsx) {
          step(`${engine}: import-xlsx — writing ${o.xlsxRows.toLocaleString('en')} rows`);
          await writeXlsxRoster(orgs, o.xlsxRows, o.members + 1_000_000, file);
          shared.xlsx = file;
        } else step(`${engine}: import-xlsx`);
        const { token } = await sessionCookie(s!, users.city.id);
        await release();
        const { result: bare } = await runChildJson<{ ms: number; rows: number; cells: number; peakRssMiB: number }>(
          path.join(REPO, 'bench/child/xlsx-read.ts'),
          [file],
        );
        log(`  ExcelJS alone: ${(bare.ms / 1000).toFixed(2)} s for ${bare.rows} rows`);
        const server = await startImportServer(b);
        let run: ImportRun;
        try {
          run = await runImport(server, token, xlsxTarget.id, file, log);
        } finally {
          await server.stop();
        }
        s = await reopen();
        // The database's own floor for the same write: the rows the import wrote (members and their
        // events) set aside, deleted, and written again with INSERT … SELECT into the same 1M-row
        // table (every index and counter trigger, no parsing, no network).
        let floorMs: number | null = null;
        if (run.final?.status === 'done') {
          try {
            const db = s!;
            await rawQuery(db, 'CREATE TABLE bench_xlsx_member AS SELECT * FROM member WHERE org_id = $1', [xlsxTarget.id]);
            await rawQuery(db, 'CREATE TABLE bench_xlsx_event AS SELECT e.* FROM membership_event e JOIN bench_xlsx_member m ON m.id = e.member_id');
            await rawQuery(db, 'DELETE FROM membership_event WHERE member_id IN (SELECT id FROM bench_xlsx_member)');
            await rawQuery(db, 'DELETE FROM member WHERE id IN (SELECT id FROM bench_xlsx_member)');
            await rawQuery(db, 'VACUUM member');
            await rawQuery(db, 'VACUUM membership_event');
            const t0 = performance.now();
            await rawQuery(db, 'INSERT INTO member SELECT * FROM bench_xlsx_member');
            await rawQuery(db, 'INSERT INTO membership_event SELECT * FROM bench_xlsx_event');
            floorMs = performance.now() - t0;
            await rawQuery(db, 'DROP TABLE bench_xlsx_member, bench_xlsx_event');
            log(`  the same rows written inside the database: ${(floorMs / 1000).toFixed(2)} s`);
          } catch (e) {
            log(`  ✗ could not measure the database's floor for the xlsx rows: ${(e as Error).message}`);
          }
        }
        if (run.missing) return notMeasured('import.xlsx', what, run.missing, '≤ 1.5 × library read');
        if (run.commitMissing) return notMeasured('import.xlsx', what, 'commitImport not found (only the parse/stage half exists)', '≤ 1.5 × library read');
        if (run.final?.status !== 'done')
          return notMeasured(
            'import.xlsx',
            what,
            `the import ended in status ${String(run.final?.status)}: ${String(run.final?.message ?? '')}`.slice(0, 200),
            '≤ 1.5 × library read',
          );
        const ratio = run.totalMs! / bare.ms;
        return {
          id: 'import.xlsx',
          what,
          ours: `${(run.totalMs! / 1000).toFixed(2)} s (parse+stage ${(run.parseMs! / 1000).toFixed(2)} s, commit ${((run.commitMs ?? 0) / 1000).toFixed(2)} s), ${String(run.final?.created ?? '?')} created`,
          limit: `ExcelJS read alone ${(bare.ms / 1000).toFixed(2)} s${floorMs !== null ? `; the same rows and events written inside the database (INSERT … SELECT) ${(floorMs / 1000).toFixed(2)} s, so read + write alone = ${fmtRatio((bare.ms + floorMs) / bare.ms)} × the read` : ''}`,
          ratio,
          ratioLabel: `${fmtRatio(ratio)} × library time`,
          target: '≤ 1.5 × library read',
          met: ratio <= 1.5,
          data: { run, library: bare, databaseWriteMs: floorMs },
        };
      });
    }
  } finally {
    if (s) await s.database.close().catch(() => undefined);
    if (o.keep) log(`kept: ${b.databaseUrl ?? b.dataDir}`);
    else await b.drop().catch((e) => log(`could not drop the bench database: ${e}`));
  }
  const date = startedAt.toISOString().slice(0, 10);
  return {
    engine,
    date,
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    members: o.members,
    grassrootsUnions: grassroots,
    quick: o.quick,
    machine: describeMachine(),
    database,
    items,
    notes,
  };
}

function importItems(run: ImportRun, rows: number, copyMs: number, what: string, engine: Engine): ItemResult[] {
  const out: ItemResult[] = [];
  const copyRate = rows / (copyMs / 1000);
  const target = `≥ 0.30 of COPY${engine === 'pglite' ? ' (the target is for PostgreSQL)' : ''}`;
  if (run.commitMissing) {
    out.push(notMeasured('import.csv', what, `commitImport not found: only parse+stage measured (${fmtInt(rows / (run.parseMs! / 1000))} rows/s)`, target));
  } else if (run.commitMs === null || run.commitMs === undefined || run.final?.status !== 'done') {
    const b = run.final ?? run.preview;
    out.push(notMeasured('import.csv', what, `the import ended in status ${String(b?.status)}: ${String(b?.message ?? '')}`.slice(0, 200), target));
  } else {
    const rate = rows / (run.totalMs! / 1000);
    const created = Number(run.final?.created ?? NaN);
    out.push({
      id: 'import.csv',
      what,
      ours: `${fmtInt(rate)} rows/s (${(run.totalMs! / 1000).toFixed(1)} s: parse+stage ${(run.parseMs! / 1000).toFixed(1)} s, commit ${(run.commitMs / 1000).toFixed(1)} s; ${Number.isFinite(created) ? created.toLocaleString('en') : '?'} created)`,
      limit: `COPY ${fmtInt(copyRate)} rows/s (${(copyMs / 1000).toFixed(1)} s)`,
      ratio: rate / copyRate,
      ratioLabel: `${fmtRatio(rate / copyRate)} of COPY`,
      target,
      met: rate / copyRate >= 0.3,
      data: { run, copyMs, rows },
    });
  }
  out.push({
    id: 'import.rss',
    what: `server peak RSS during the ${rows.toLocaleString('en')}-row import`,
    ours: `${run.peakRssMiB.toFixed(0)} MiB`,
    limit: '—',
    ratio: null,
    ratioLabel: '—',
    target: '≤ 512 MB',
    met: run.peakRssMiB * 1.048576 <= 512,
  });
  out.push({
    id: 'import.health',
    what: 'GET /api/health during the import (every 100 ms)',
    ours: `p50 ${fmtMs(run.health.p50)}, p95 ${fmtMs(run.health.p95)}, max ${fmtMs(run.health.max)}; ${run.health.n} answered, ${run.health.failed} failed`,
    limit: '—',
    ratio: null,
    ratioLabel: '—',
    target: 'keeps answering (no failure or 2 s timeout)',
    met: run.health.failed === 0 && run.health.n > 0,
  });
  return out;
}

async function main() {
  let o: Options;
  try {
    o = parseArgs(process.argv.slice(2), process.env);
  } catch (e) {
    console.error((e as Error).message);
    process.exit(2);
  }
  const reports: EngineReport[] = [];
  const resultsDir = path.join(REPO, 'bench/results');
  fs.mkdirSync(resultsDir, { recursive: true });
  let failed = false;
  // The city and its files are the same for every engine (fixed key, deterministic people): made once.
  const orgs = benchOrgs(o.members);
  const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-bench-files-'));
  step(`generating ${o.members.toLocaleString('en')} members (roster CSV + COPY rows, encrypted as the import does)`);
  const district = orgs.find((x) => x.level === 'county')!;
  const files = await writeDataset(makeKeyRing(Buffer.from(BENCH_SECRET_KEY_HEX, 'hex')), orgs, o.members, filesDir, district.path, log);
  log(`  ${(files.generateMs / 1000).toFixed(1)} s, roster ${(fs.statSync(files.csvPath).size / 1048576).toFixed(1)} MiB`);
  const shared: Shared = { orgs, files, filesDir, xlsx: null };
  for (const engine of o.engines) {
    try {
      const r = await runEngine(engine, o, shared);
      reports.push(r);
      // A run of some items only must not overwrite the last full run's results.
      const partial = o.only.size < ITEMS.length ? '-partial' : '';
      const suffix = (o.quick ? '-quick' : o.members !== 1_000_000 ? `-m${o.members}` : '') + partial;
      const base = path.join(resultsDir, `${engine}-${r.date}${suffix}`);
      fs.writeFileSync(base + '.json', JSON.stringify(r, null, 2) + '\n');
      fs.writeFileSync(base + '.md', markdown(r) + '\n');
      log(`\nresults: ${path.relative(REPO, base)}.json`);
    } catch (e) {
      failed = true;
      log(`\n${engine}: the run failed before measuring: ${(e as Error).stack ?? e}`);
    }
  }
  if (!o.keep) fs.rmSync(filesDir, { recursive: true, force: true });
  console.log('\n## Gonghui benchmark\n');
  for (const r of reports) console.log(markdown(r) + '\n');
  // Targets are reported, not asserted; only a harness that could not run at all fails.
  process.exit(failed ? 1 : 0);
}

await main();
