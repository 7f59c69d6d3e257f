import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { loadConfig, type Config } from '../config.js';
import { createServices } from '../services.js';
import { seedDemo } from '../seed/demo.js';
import { verifyAuditChain } from '../platform/audit.js';
import { recoverImports } from '../modules/member/import/import.recovery.js';
import { runMembersImport } from '../modules/member/import/import.cli.js';
import { csvOf, makeId } from '../modules/member/import/roster-fixtures.js';
import type { Services } from '../platform/context.js';

/**
 * The kill -9 fault suite (docs/operations.md, "Crash recovery"): a child process runs a roster
 * import through the command line (`members import`, the same pipeline as the web upload) and is
 * killed with SIGKILL at a random moment. Then the app "starts" (crash recovery, as main.ts does)
 * and the registry is checked:
 *   - every member of the file is in it, or none (no partial commit), and the renamed existing
 *     members all carry the file's name, or none do;
 *   - no duplicate people, the membership events match the members, the per-union counters equal
 *     direct counts, no batch is left running, no staged rows of a finished batch, the audit chain
 *     is whole;
 * and a rerun of the same import (the same command, in the checking process) completes with the full counts. `npm test` runs a few kills
 * (kill9.test.ts); `npx tsx bench/items/kill9.ts` runs ≥ 100 on each engine.
 */

export interface Kill9Options {
  engine: 'pglite' | 'postgres';
  runs: number;
  /** Rows per roster file (a tenth of them people of the previous file, renamed: updates). */
  rows: number;
  seed?: number;
  /** PostgreSQL server to create the scratch database on. */
  databaseUrl?: string;
  log?: (m: string) => void;
  /** Called after every run with the report so far (a long run writes its figures as it goes). */
  onRun?: (r: Kill9Report) => void;
}

export interface Kill9Report {
  engine: 'pglite' | 'postgres';
  runs: number;
  rows: number;
  /** Where the kill landed, read from the batch before recovery. */
  killedAt: Record<string, number>;
  /** Runs whose import had finished before the kill came. */
  finishedFirst: number;
  /** One line per broken run (the invariant and the run); empty when every run was clean. */
  failures: string[];
  /** The unkilled import's duration, the window kills are drawn from. */
  importMs: number;
  totalMs: number;
}

const REPO = path.resolve(import.meta.dirname, '../../..');
const LETTERS = '安宁平和顺静雅秀康泰福寿春夏秋冬';
/** Letters only (the name rule): a base-16 number in LETTERS. */
const code = (n: number, digits: number) => Array.from({ length: digits }, (_, i) => LETTERS[Math.floor(n / 16 ** (digits - 1 - i)) % 16]).join('');
const personId = (p: number) => {
  const d = new Date(Date.UTC(1960, 0, 1) + Math.floor(p / 1000) * 86_400_000).toISOString().slice(0, 10);
  return makeId(d, p % 1000);
};

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** File i: `rows` people, the first tenth being the last tenth of file i-1 under file i's name. */
function rosterFile(dir: string, i: number, rows: number): { file: string; marker: string; fresh: number } {
  const overlap = i === 0 ? 0 : Math.floor(rows / 10);
  const fresh = rows - overlap;
  const firstFresh = i === 0 ? 0 : rows + (i - 1) * (rows - Math.floor(rows / 10));
  const marker = `测${code(i, 3)}`;
  const people = [...Array.from({ length: overlap }, (_, k) => firstFresh - overlap + k), ...Array.from({ length: fresh }, (_, k) => firstFresh + k)];
  const file = path.join(dir, `roster-${i}.csv`);
  fs.writeFileSync(
    file,
    csvOf([['姓名', '身份证号', '手机号码'], ...people.map((p) => [`${marker}${code(p, 5)}`, personId(p), `13${String(p).padStart(9, '0')}`])], 'utf8'),
  );
  return { file, marker, fresh };
}

interface Child {
  code: number | null;
  signal: NodeJS.Signals | null;
  ms: number;
  out: string;
  /** When the command first reported progress (the import had begun): the start-up before it is not worth killing. */
  firstProgressMs: number | null;
}

/** Kill when the command reports `phase` (it has begun), `delayMs` later. */
interface KillPlan {
  phase: 'parsing' | 'committing';
  delayMs: number;
}

function runCli(args: string[], env: NodeJS.ProcessEnv, plan: KillPlan | null, limitMs: number): Promise<Child & { phases: Record<string, number> }> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO, 'server/src/cli/main.ts'), ...args], {
      cwd: REPO,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let firstProgressMs: number | null = null;
    const phases: Record<string, number> = {};
    let killer: NodeJS.Timeout | null = null;
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => {
      const text = String(d);
      for (const p of ['parsing', 'committing'] as const) if (phases[p] === undefined && text.includes(p)) phases[p] = performance.now() - t0;
      if (firstProgressMs === null && phases.parsing !== undefined) firstProgressMs = phases.parsing;
      if (plan && !killer && phases[plan.phase] !== undefined) killer = setTimeout(() => child.kill('SIGKILL'), plan.delayMs);
      out = (out + text).slice(-4000);
    });
    const limit = setTimeout(() => child.kill('SIGKILL'), limitMs);
    child.on('exit', (code, signal) => {
      if (killer) clearTimeout(killer);
      clearTimeout(limit);
      resolve({ code, signal, ms: performance.now() - t0, out, firstProgressMs, phases });
    });
  });
}

interface State {
  members: number;
  events: number;
  marked: number;
  duplicates: number;
  tallyDiff: number;
  running: number;
  strayStaged: number;
}

async function stateOf(s: Services, marker: string): Promise<State> {
  const [r] = await s.database.query<State>(sql`
    SELECT (SELECT count(*)::int FROM member) AS members,
           (SELECT count(*)::int FROM membership_event) AS events,
           (SELECT count(*)::int FROM member WHERE name LIKE ${marker + '%'}) AS marked,
           (SELECT (count(*) - count(DISTINCT id_index))::int + (count(*) - count(DISTINCT card_no))::int FROM member) AS duplicates,
           (WITH direct AS (SELECT org_id, count(*)::int AS n, count(*) FILTER (WHERE status = 'active')::int AS active FROM member GROUP BY org_id)
            SELECT count(*)::int FROM direct d FULL JOIN member_org_tally t ON t.org_id = d.org_id WHERE d.n IS DISTINCT FROM t.n OR d.active IS DISTINCT FROM t.active) AS "tallyDiff",
           (SELECT count(*)::int FROM import_batch WHERE status IN ('parsing', 'committing')) AS running,
           (SELECT count(*)::int FROM import_row r LEFT JOIN import_batch b ON b.id = r.batch_id WHERE b.status IS DISTINCT FROM 'preview') AS "strayStaged"`);
  return r!;
}

export async function runKill9(o: Kill9Options): Promise<Kill9Report> {
  const log = o.log ?? (() => undefined);
  const t0 = performance.now();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `gh-kill9-${o.engine}-`));
  const secret = crypto.randomBytes(32).toString('hex');
  let databaseUrl: string | undefined;
  let drop: (() => Promise<void>) | undefined;
  if (o.engine === 'postgres') {
    const base = o.databaseUrl ?? 'postgres://postgres@127.0.0.1:5432/test';
    const name = `gh_k9_${crypto.randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const u = new URL(base);
    u.pathname = '/' + name;
    databaseUrl = u.toString();
    drop = async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  }
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: path.join(tmp, 'data'),
    GONGHUI_IMPORT_DIR: path.join(tmp, 'imports'),
    GONGHUI_SECRET_KEY: secret,
    GONGHUI_DEMO: '0',
    LOG_LEVEL: 'silent',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  };
  delete env.TEST_DATABASE_URL;
  if (!databaseUrl) delete env.DATABASE_URL;
  const config: Config = { ...loadConfig(env), jobs: false };
  const open = () => createServices(config);
  const report: Kill9Report = { engine: o.engine, runs: 0, rows: o.rows, killedAt: {}, finishedFirst: 0, failures: [], importMs: 0, totalMs: 0 };
  const random = mulberry32(o.seed ?? 20261204);
  let s: Services | null = await open();
  try {
    await seedDemo(s, { members: 200, hardship: 0 });
    const [{ code: orgCode }] = (await s.database.query<{ code: string }>(sql`SELECT code FROM org WHERE level = 'grassroots' ORDER BY code LIMIT 1`)) as [
      { code: string },
    ];
    // PGlite is one process's: the parent closes it while a child has it.
    const release = async () => {
      if (o.engine === 'pglite' && s) {
        await s.database.close();
        s = null;
      }
    };
    const reopen = async () => (s ??= await open());
    const importArgs = (file: string) => ['members', 'import', file, '--org', orgCode];

    // File 0, unkilled: the base the next files update, and the duration kills are drawn from.
    const f0 = rosterFile(tmp, 0, o.rows);
    await release();
    const first = await runCli(importArgs(f0.file), env, null, 600_000);
    if (first.code !== 0) throw new Error(`the unkilled import failed (${first.code}): ${first.out.slice(-1000)}`);
    report.importMs = Math.round(first.ms);
    // A kill lands in the parse or in the commit (half each), at a random moment of that phase's
    // length in the unkilled run (up to its end: some kills come after the commit has finished).
    const parseMs = (first.phases.committing ?? first.ms) - (first.phases.parsing ?? 0);
    const commitMs = first.ms - (first.phases.committing ?? first.ms);
    log(
      `  ${o.engine}: an unkilled import of ${o.rows} rows takes ${(first.ms / 1000).toFixed(1)} s (parse ${(parseMs / 1000).toFixed(1)} s, commit ${(commitMs / 1000).toFixed(1)} s); ${o.runs} kills follow`,
    );
    let current: State | null = null;
    for (let i = 1; i <= o.runs; i++) {
      const f = rosterFile(tmp, i, o.rows);
      if (!current) {
        s = await reopen();
        current = await stateOf(s, f.marker);
      }
      const before: State = { ...current, marked: 0 };
      await release();
      const plan: KillPlan =
        random() < 0.5
          ? { phase: 'parsing', delayMs: Math.round(parseMs * random()) }
          : { phase: 'committing', delayMs: Math.round(Math.max(commitMs, 200) * 1.2 * random()) };
      const killAt = `${plan.phase} + ${plan.delayMs} ms`;
      const killed = await runCli(importArgs(f.file), env, plan, 600_000);
      const fail = (what: string) => report.failures.push(`${o.engine} run ${i} (killed at ${killAt}, ${where}): ${what}`);
      let where = 'finished first';
      if (killed.signal !== 'SIGKILL') {
        report.finishedFirst++;
        if (killed.code !== 0) fail(`exited ${killed.code} before the kill: ${killed.out.slice(-300)}`);
      }
      s = await reopen();
      if (killed.signal === 'SIGKILL') {
        const [b] = await s.database.query<{ status: string }>(
          sql`SELECT status FROM import_batch WHERE file_name = ${path.basename(f.file)} ORDER BY started_at DESC LIMIT 1`,
        );
        where = b ? b.status : 'no batch yet';
      }
      report.killedAt[where] = (report.killedAt[where] ?? 0) + 1;
      // The app starts: crash recovery. On PostgreSQL the killed process's batch lock is freed when
      // the server notices its connection dropped, a moment after the kill: a restart that comes
      // sooner leaves the batch to the next recovery (every 10 minutes), as the lock says a process
      // still holds it. The suite waits for the server to free it, up to 10 s, as a restart would.
      if (killed.signal === 'SIGKILL' && o.engine === 'postgres') {
        for (let t = 0; t < 100; t++) {
          const [held] = await s.database.query<{ n: number }>(
            sql`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND classid = 727011 AND granted`,
          );
          if (!held!.n) break;
          await new Promise((r) => setTimeout(r, 100));
        }
      }
      await recoverImports(s);
      const after = await stateOf(s, f.marker);
      const committed = after.members === before.members + f.fresh;
      if (after.members !== before.members && !committed) fail(`partial commit: ${after.members - before.members} of ${f.fresh} new members`);
      if (after.marked !== 0 && after.marked !== o.rows) fail(`partial commit: ${after.marked} of ${o.rows} rows carry the file's names`);
      if ((after.marked === o.rows) !== committed) fail('new members and updated members disagree');
      if (after.events - before.events !== after.members - before.members)
        fail(`membership events ${after.events - before.events} for ${after.members - before.members} new members`);
      if (after.duplicates) fail(`${after.duplicates} duplicated ID numbers or card numbers`);
      if (after.tallyDiff) fail(`${after.tallyDiff} unions whose counters differ from direct counts`);
      if (after.running) fail(`${after.running} batches still running after recovery`);
      if (after.strayStaged) fail(`${after.strayStaged} staged rows of finished batches`);
      const chain = await verifyAuditChain(s.db);
      if (!chain.ok) fail(`audit chain broken at ${chain.firstBroken?.seq}: ${chain.firstBroken?.reason}`);
      // A rerun of the same import completes (in this process: the same command, without a second start-up).
      let rerunOut = '';
      const rerunCode = await runMembersImport(s, [...importArgs(f.file).slice(2), '--json'], {
        out: (x) => void (rerunOut += x),
        err: (x) => void (rerunOut = (rerunOut + x).slice(-2000)),
      });
      const done = await stateOf(s, f.marker);
      current = done;
      if (rerunCode !== 0) fail(`the rerun exited ${rerunCode}: ${rerunOut.slice(-300)}`);
      else if (
        done.members !== before.members + f.fresh ||
        done.marked !== o.rows ||
        done.events !== before.events + f.fresh ||
        done.duplicates ||
        done.tallyDiff
      ) {
        fail(
          `after the rerun: ${done.members - before.members} new members (want ${f.fresh}), ${done.marked} rows named (want ${o.rows}), ${done.duplicates} duplicates, ${done.tallyDiff} counter differences`,
        );
      }
      report.runs++;
      o.onRun?.(report);
      if (i % 10 === 0 || i === o.runs)
        log(`  ${o.engine}: ${i}/${o.runs} runs, ${report.failures.length} failures; killed at ${JSON.stringify(report.killedAt)}`);
    }
  } finally {
    await (s as Services | null)?.database.close().catch(() => undefined);
    await drop?.().catch(() => undefined);
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  report.totalMs = Math.round(performance.now() - t0);
  return report;
}
