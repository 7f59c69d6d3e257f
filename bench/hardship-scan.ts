/**
 * Benchmark hook for the hardship monitoring scan (docs/hardship.md, monitoring): generate N households set-based,
 * then time the app's scan (scanWarnings: one INSERT … SELECT … ON CONFLICT DO NOTHING per rule,
 * through Drizzle) beside the same rules as ONE raw SQL statement sent through the driver
 * (scanWarningsRawQuery). Each side starts from no warnings; both must raise the same number.
 * Also times the repeated run (nothing new to raise: the steady state of the hourly job).
 *
 * Called by bench/main.ts (the bench harness) as benchHardshipScan(database, 100_000). Everything
 * it inserts is removed again; the database must be migrated (it is, after createServices).
 */
import { sql } from 'drizzle-orm';
import { ruleSelects, scanParams, scanWarnings, scanWarningsRawQuery } from '../server/src/modules/hardship/warning.scan.js';
import { ensureHardshipDefaults, loadRules } from '../server/src/modules/hardship/rules.service.js';
import { lineInForce, ruleSetInForce } from '../common/src/hardship-tier.js';
import { todayInChina } from '../common/src/dates.js';
import type { Database } from '../server/src/db/client.js';

export interface HardshipScanBench {
  households: number;
  generateMs: number;
  raised: number;
  /** App scan (per-rule statements through Drizzle), ms per run. */
  serviceMs: number[];
  /** The same rules as one raw SQL statement through the driver, ms per run. */
  rawMs: number[];
  serviceMedianMs: number;
  rawMedianMs: number;
  ratio: number;
  /** A repeated run that raises nothing (the steady state), ms. */
  repeatMs: number;
  sameResult: boolean;
}

const REGION = '439900';
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
type RawDriver = { query(text: string, params?: unknown[]): Promise<{ rows: unknown[] }> };

export async function benchHardshipScan(
  database: Database,
  households: number,
  opts: { runs?: number; log?: (m: string) => void; /** Log EXPLAIN ANALYZE of each rule's SELECT. */ explain?: boolean } = {},
): Promise<HardshipScanBench> {
  const log = opts.log ?? (() => undefined);
  const runs = opts.runs ?? 3;
  const db = database.db;
  const q = <T>(s: ReturnType<typeof sql>) => database.query<T>(s);
  const raw = (text: string, params: unknown[]) => (database.driver as unknown as RawDriver).query(text, params);
  const today = todayInChina();
  const marker = `bench-${Date.now()}`;

  await db.transaction((tx) => ensureHardshipDefaults(tx));
  let rules = await loadRules(db);
  if (!lineInForce(rules.lines, REGION, today)) {
    await q(
      sql`INSERT INTO subsistence_line (id, region_code, effective_from, monthly_fen, source) VALUES (gen_random_uuid(), ${REGION}, '2000-01-01', 85000, ${marker})`,
    );
    rules = await loadRules(db);
  }
  const line = lineInForce(rules.lines, REGION, today)!;
  const version = ruleSetInForce(rules.ruleSets, today).version;

  // Unions to spread the households over: the grassroots unions there are, or a small tree of our own.
  let unions = (await q<{ id: string }>(sql`SELECT id FROM org WHERE level = 'grassroots' AND active ORDER BY code LIMIT 2000`)).map((r) => r.id);
  if (!unions.length) {
    // Ids from md5 of a label: one distinct uuid per row (an uncorrelated gen_random_uuid() sub-select is evaluated once).
    await q(sql`
      WITH c AS (INSERT INTO org (id, path, depth, level, code, name, region_code)
        SELECT x.id, '/' || x.id || '/', 0, 'city', ${marker + '-C'}, '基准市总工会', ${REGION} FROM (SELECT md5(${marker} || 'C')::uuid AS id) x RETURNING id, path),
      d AS (INSERT INTO org (id, parent_id, path, depth, level, code, name, region_code)
        SELECT md5(${marker} || 'D' || g)::uuid, c.id, c.path || md5(${marker} || 'D' || g)::uuid || '/', 1, 'county', ${marker + '-D'} || g, '基准区' || g, ${REGION}
        FROM c, generate_series(1, 8) g RETURNING id, path, code)
      INSERT INTO org (id, parent_id, path, depth, level, kind, code, name, region_code)
        SELECT md5(d.code || 'G' || g)::uuid, d.id, d.path || md5(d.code || 'G' || g)::uuid || '/', 2, 'grassroots', 'enterprise', d.code || '-G' || g, '基准工会' || d.code || g, ${REGION}
        FROM d, generate_series(1, 50) g`);
    unions = (await q<{ id: string }>(sql`SELECT id FROM org WHERE level = 'grassroots' AND code LIKE ${marker + '%'}`)).map((r) => r.id);
  }
  const unionArray = sql`${`{${unions.join(',')}}`}::uuid[]`;

  // N households in one statement: 70% filed, 20% exited and monitored, 10% applied; a few percent
  // with each signal (near the line, new illness, job loss, disaster, overdue review).
  const t0 = Date.now();
  await q(sql`
    INSERT INTO hardship_file (id, file_no, org_id, name, id_cipher, id_index, id_masked, sex, birth_date, region_code, health, employment_status, hukou_type,
      annual_income_fen, main_cause, household_size, status, origin, tier, tier_snapshot, tier_evaluated_on, per_capita_monthly_fen, applied_on, filed_on,
      next_review_due, exit_on, monitoring_until, serious_illness_since, job_lost_on, disaster, disaster_on)
    SELECT gen_random_uuid(), ${marker} || '-' || g, (${unionArray})[1 + g % ${unions.length}], '基准户' || g, 'bench', ${marker} || '-' || g, '439900********0000', 'M', '1980-01-01', ${REGION},
      'healthy', 'employed', 'urban', pc * 36, 'low_income', 3,
      CASE WHEN g % 10 < 7 THEN 'filed' WHEN g % 10 < 9 THEN 'exited' ELSE 'applied' END, 'application',
      CASE WHEN pc < ${line.monthlyFen} THEN 'deep' WHEN pc < ${line.monthlyFen * 2} THEN 'relative' END,
      jsonb_build_object('line', jsonb_build_object('id', ${line.id ?? null}::text), 'ruleVersion', ${version}::text), ${today}::date, pc,
      ${today}::date - 400, ${today}::date - 380,
      CASE WHEN g % 20 = 3 THEN ${today}::date - 5 ELSE ${today}::date + 200 END,
      CASE WHEN g % 10 IN (7, 8) THEN ${today}::date - 100 END, CASE WHEN g % 10 IN (7, 8) THEN ${today}::date + 265 END,
      CASE WHEN g % 50 = 1 THEN ${today}::date - 10 END, CASE WHEN g % 100 = 2 THEN ${today}::date - 20 END, g % 100 = 5, CASE WHEN g % 100 = 5 THEN ${today}::date - 3 END
    FROM generate_series(1, ${households}::int) g, LATERAL (SELECT 30000 + (g * 7919) % 200000 AS pc) p`);
  await q(sql`
    INSERT INTO hardship_visit (id, file_id, org_id, kind, due_on)
    SELECT gen_random_uuid(), f.id, f.org_id, 'follow_up', CASE WHEN right(f.file_no, 1) = '7' THEN ${today}::date - 10 ELSE ${today}::date + 30 END
    FROM hardship_file f WHERE f.file_no LIKE ${marker + '-%'} AND f.status = 'exited'`);
  await q(sql`
    INSERT INTO hardship_event (id, file_id, org_id, kind, on_date)
    SELECT gen_random_uuid(), f.id, f.org_id, 'relapsed', ${today}::date - 1 FROM hardship_file f WHERE f.file_no LIKE ${marker + '-%'} AND right(f.file_no, 3) = '333'`);
  await q(sql`ANALYZE hardship_file`);
  const generateMs = Date.now() - t0;
  log(`hardship: ${households} households generated in ${generateMs} ms`);

  const started = new Date(Date.now() - 1000);
  const clear = () => q(sql`DELETE FROM hardship_warning WHERE created_at >= ${started.toISOString()}::timestamptz`);
  const stmt = scanWarningsRawQuery({ today, params: ruleSetInForce(rules.ruleSets, today).params });
  const serviceMs: number[] = [];
  const rawMs: number[] = [];
  let raisedService = 0;
  let raisedRaw = 0;
  for (let i = 0; i < runs; i++) {
    await clear();
    let t = Date.now();
    raisedService = (await scanWarnings(db, { today, rules, skipReevaluate: true })).raised;
    serviceMs.push(Date.now() - t);
    await clear();
    t = Date.now();
    raisedRaw = (await raw(stmt.text, stmt.params)).rows.length;
    rawMs.push(Date.now() - t);
    log(`hardship scan run ${i + 1}: service ${serviceMs[i]} ms, raw ${rawMs[i]} ms, raised ${raisedService}/${raisedRaw}`);
  }
  if (opts.explain) {
    const sp = scanParams({ today }, ruleSetInForce(rules.ruleSets, today).params);
    for (const [rule, select] of Object.entries(ruleSelects(sp))) {
      const plan = await q<Record<string, string>>(sql`EXPLAIN (ANALYZE, COSTS OFF) ${select}`);
      log(`--- ${rule}\n` + plan.map((r) => Object.values(r)[0]).join('\n'));
    }
  }
  const t = Date.now();
  const again = await scanWarnings(db, { today, rules });
  const repeatMs = Date.now() - t;

  await clear();
  await q(sql`DELETE FROM hardship_visit WHERE file_id IN (SELECT id FROM hardship_file WHERE file_no LIKE ${marker + '-%'})`);
  await q(sql`DELETE FROM hardship_event WHERE file_id IN (SELECT id FROM hardship_file WHERE file_no LIKE ${marker + '-%'})`);
  await q(sql`DELETE FROM hardship_file WHERE file_no LIKE ${marker + '-%'}`);
  await q(sql`DELETE FROM org WHERE code LIKE ${marker + '%'}`);
  await q(sql`DELETE FROM subsistence_line WHERE source = ${marker}`);

  const s = median(serviceMs);
  const r = median(rawMs);
  return {
    households,
    generateMs,
    raised: raisedService,
    serviceMs,
    rawMs,
    serviceMedianMs: s,
    rawMedianMs: r,
    ratio: r ? s / r : 0,
    repeatMs,
    sameResult: raisedService === raisedRaw && again.raised === 0,
  };
}
