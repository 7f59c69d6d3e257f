import { sql, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { loadRules, lineLateralSql, paramsOn, reevaluateStale, type RulesData } from './rules.service.js';
import { DEFAULT_RULE_SET, type HardshipParams } from '../../../../common/src/hardship-tier.js';
import { addWorkingDays, type CalendarOverrides } from '../../../../common/src/working-days.js';
import { todayInChina } from '../../../../common/src/dates.js';
import { AID_PROOF_RULE } from '../../../../common/src/hardship-proof.js';
import { ruleOn } from '../../platform/rules.js';
import { orgScopeSql, ownedScopeSql, type Scope } from '../../platform/scope.js';
import type { Executor } from '../../db/client.js';

/**
 * The monitoring and early-warning scan (监测预警), set-based: each rule is one SELECT over all
 * households (or areas) that yields the warnings it would raise, each with a `dedup_key` naming the
 * cause, inserted with ON CONFLICT DO NOTHING, so a repeated run raises nothing new.
 *
 * Per household (filed, or exited and still in its monitoring period):
 *   near_line       per-capita income below the band (default 1.2×) of the line in force today
 *                   (filed households only from 1× up: below 1× they are already deep)
 *   serious_illness health became serious illness after filing (新发大病)
 *   job_loss        employment became unemployed, or a membership event 'left' after the application
 *   disaster        a disaster dated on or after the application
 *   relapse_risk    any of the four above for an exited household in monitoring (red; replaces them)
 *   review_overdue  the yearly re-assessment is past due
 *   visit_overdue   a planned follow-up visit is past due
 * Per area (district federation), in the current period (calendar blocks of areaPeriodMonths):
 *   area_relapse    relapses ≥ areaRelapseThreshold (规模性返困)
 *   area_new_deep   new deep-hardship files ≥ areaNewDeepThreshold
 * Per payment, for the paying union (the budget's):
 *   proof_missing   aid paid more than followUpDays ago still without its proof (待补签领; the days
 *                   are the dated rule common/src/hardship-proof.ts, 30 by default)
 */
export interface ScanOptions {
  today?: string;
  /** Only households and areas inside this scope (the on-demand run of a scoped user); all by default. */
  scope?: Scope;
  params?: HardshipParams;
  calendar?: CalendarOverrides;
  /** Days a payment may wait for its proof before a warning (the proof rule in force; read from it when left out). */
  proofFollowUpDays?: number;
  /** Skip re-evaluating stale tiers first (the benchmark times the rules alone). */
  skipReevaluate?: boolean;
  rules?: RulesData;
}

export interface ScanParams {
  today: string;
  p: HardshipParams;
  due: { red: string; orange: string; yellow: string };
  periodFrom: string;
  periodTo: string;
  scope: Scope;
  proofFollowUpDays: number;
}

export function scanParams(opts: ScanOptions, params: HardshipParams): ScanParams {
  const today = opts.today ?? todayInChina();
  const p = opts.params ?? params;
  const due = {
    red: addWorkingDays(today, p.responseWorkingDays.red, opts.calendar),
    orange: addWorkingDays(today, p.responseWorkingDays.orange, opts.calendar),
    yellow: addWorkingDays(today, p.responseWorkingDays.yellow, opts.calendar),
  };
  const y = Number(today.slice(0, 4));
  const m0 = Math.floor((Number(today.slice(5, 7)) - 1) / p.areaPeriodMonths) * p.areaPeriodMonths;
  const from = new Date(Date.UTC(y, m0, 1)).toISOString().slice(0, 10);
  const to = new Date(Date.UTC(y, m0 + p.areaPeriodMonths, 0)).toISOString().slice(0, 10);
  return {
    today,
    p,
    due,
    periodFrom: from,
    periodTo: to,
    scope: opts.scope ?? { all: true },
    proofFollowUpDays: opts.proofFollowUpDays ?? AID_PROOF_RULE.defaults.at(-1)!.value.followUpDays,
  };
}

const yuan = (col: SQL) => sql`to_char(${col} / 100.0, 'FM999999999990.00')`;

/** Households to watch, with the line in force today. */
function watched(s: ScanParams): SQL {
  return sql`SELECT f.id, f.org_id, f.status, f.applied_on, f.per_capita_monthly_fen AS pc, f.serious_illness_since, f.job_lost_on, f.disaster, f.disaster_on,
      f.member_id, l.monthly_fen AS line_fen, l.effective_from AS line_from, (f.status = 'exited') AS exited
    FROM hardship_file f LEFT JOIN ${lineLateralSql(s.today)} ON true
    WHERE (f.status = 'filed' OR (f.status = 'exited' AND f.monitoring_until >= ${s.today}::date)) AND ${ownedScopeSql(s.scope, sql`f.org_id`)}`;
}

/** The four household signals, before they become warnings: (file, org, exited, signal, fact key, explanation, figures). */
function signals(s: ScanParams): SQL {
  const band = s.p.nearLineBandPermille;
  const bandText = (band / 1000).toFixed(2);
  return sql`
    SELECT w.id, w.org_id, w.exited, 'near_line' AS signal, w.pc::text || ':' || w.line_from::text AS fact,
      format('家庭人均月收入 %s 元，为现行低保标准 %s 元/人·月（%s 起执行）的 %s 倍，低于 %s 倍的监测线', ${yuan(sql`w.pc`)}, ${yuan(sql`w.line_fen`)}, w.line_from, round(w.pc::numeric / w.line_fen, 2), ${bandText}::text) AS explanation,
      jsonb_build_object('perCapitaMonthlyFen', w.pc, 'lineFen', w.line_fen, 'lineFrom', w.line_from, 'bandPermille', ${band}::int) AS figures
    FROM w WHERE w.line_fen IS NOT NULL AND w.pc IS NOT NULL AND w.pc * 1000 < w.line_fen * ${band}::int AND (w.exited OR w.pc >= w.line_fen)
    UNION ALL
    SELECT w.id, w.org_id, w.exited, 'serious_illness', w.serious_illness_since::text,
      format('健康状况自 %s 起变为大病', w.serious_illness_since), jsonb_build_object('since', w.serious_illness_since)
    FROM w WHERE w.serious_illness_since IS NOT NULL
    UNION ALL
    SELECT w.id, w.org_id, w.exited, 'job_loss', 'emp:' || w.job_lost_on::text,
      format('职工自 %s 起失业', w.job_lost_on), jsonb_build_object('since', w.job_lost_on, 'source', 'employment_status')
    FROM w WHERE w.job_lost_on IS NOT NULL
    UNION ALL
    SELECT w.id, w.org_id, w.exited, 'job_loss', 'member:' || e.id::text,
      format('会员记录显示职工于 %s 退会（离职）%s', e.on_date, coalesce('：' || e.reason, '')), jsonb_build_object('since', e.on_date, 'source', 'membership_event', 'eventId', e.id)
    FROM w JOIN membership_event e ON e.member_id = w.member_id AND e.kind = 'left'
    WHERE e.on_date >= w.applied_on AND e.on_date >= ${s.today}::date - ${s.p.jobLossLookbackDays}::int
    UNION ALL
    SELECT w.id, w.org_id, w.exited, 'disaster', w.disaster_on::text,
      format('家庭于 %s 遭受灾害', w.disaster_on), jsonb_build_object('on', w.disaster_on)
    FROM w WHERE w.disaster AND w.disaster_on IS NOT NULL AND w.disaster_on >= w.applied_on`;
}

/** Every rule as one SELECT of (dedup_key, rule, level, file_id, org_id, explanation, figures). */
export function ruleSelects(s: ScanParams): Record<string, SQL> {
  const levelOf = sql`CASE sg.signal WHEN 'near_line' THEN 'yellow' ELSE 'orange' END`;
  // One pass over the households: an exited household's signal becomes a relapse-risk warning (red).
  const household = sql`
    WITH w AS (${watched(s)}), sg AS (${signals(s)})
    SELECT CASE WHEN sg.exited THEN 'relapse_risk:' ELSE '' END || sg.signal || ':' || sg.id::text || ':' || sg.fact AS dedup_key,
      CASE WHEN sg.exited THEN 'relapse_risk' ELSE sg.signal END AS rule, CASE WHEN sg.exited THEN 'red' ELSE ${levelOf} END AS level, sg.id AS file_id, sg.org_id,
      CASE WHEN sg.exited THEN '已脱困家庭出现返困风险：' ELSE '' END || sg.explanation AS explanation,
      sg.figures || jsonb_build_object('signal', sg.signal) AS figures
    FROM sg`;
  const areas = (rule: string, count: SQL, threshold: number, level: string, what: string) => sql`
    SELECT ${rule + ':'} || d.id::text || ':' || ${s.periodFrom} AS dedup_key, ${rule} AS rule, ${level} AS level, NULL::uuid AS file_id, d.id AS org_id,
      format('%s %s 至 %s 期间%s %s 户，达到 %s 户的预警阈值', d.name, ${s.periodFrom}::text, ${s.periodTo}::text, ${what}::text, x.n, ${threshold}::int) AS explanation,
      jsonb_build_object('count', x.n, 'threshold', ${threshold}::int, 'from', ${s.periodFrom}::text, 'to', ${s.periodTo}::text) AS figures
    FROM org d JOIN LATERAL (${count}) x ON true
    WHERE d.level = 'county' AND d.active AND ${orgScopeSql(s.scope, sql`d.path`, sql`d.id`)} AND x.n >= ${threshold}::int`;
  const inDistrict = (alias: string) => sql.raw(`${alias}.org_id IN (SELECT o.id FROM org o WHERE o.path LIKE d.path || '%')`);
  return {
    household,
    review_overdue: sql`
      SELECT 'review_overdue:' || f.id::text || ':' || f.next_review_due::text, 'review_overdue', 'yellow', f.id, f.org_id,
        format('年度复核应于 %s 前完成，已逾期 %s 天', f.next_review_due, ${s.today}::date - f.next_review_due), jsonb_build_object('due', f.next_review_due)
      FROM hardship_file f WHERE f.status = 'filed' AND f.next_review_due < ${s.today}::date AND ${ownedScopeSql(s.scope, sql`f.org_id`)}`,
    visit_overdue: sql`
      SELECT 'visit_overdue:' || v.id::text, 'visit_overdue', 'yellow', v.file_id, v.org_id,
        format('脱困后计划回访应于 %s 前完成，已逾期 %s 天', v.due_on, ${s.today}::date - v.due_on),
        jsonb_build_object('visitId', v.id, 'due', v.due_on)
      FROM hardship_visit v JOIN hardship_file f ON f.id = v.file_id
      WHERE v.visited_on IS NULL AND v.due_on < ${s.today}::date AND f.status = 'exited' AND ${ownedScopeSql(s.scope, sql`v.org_id`)}`,
    proof_missing: sql`
      SELECT 'proof_missing:' || a.id::text, 'proof_missing', 'orange', a.file_id, a.payer_org_id,
        format('%s 发放的帮扶 %s 元（领取人 %s）已过 %s 天仍未补交签领凭证（待补签领），超过 %s 天的期限', a.paid_on, ${yuan(sql`a.amount_fen`)}, a.recipient_name, ${s.today}::date - a.paid_on, ${s.proofFollowUpDays}::int),
        jsonb_build_object('aidId', a.id, 'paidOn', a.paid_on, 'amountFen', a.amount_fen, 'method', a.method, 'days', ${s.today}::date - a.paid_on, 'followUpDays', ${s.proofFollowUpDays}::int)
      FROM aid_record a WHERE a.proof_status = 'pending' AND a.paid_on < ${s.today}::date - ${s.proofFollowUpDays}::int AND ${ownedScopeSql(s.scope, sql`a.payer_org_id`)}`,
    area_relapse: areas(
      'area_relapse',
      sql`SELECT count(*)::int AS n FROM hardship_event e WHERE e.kind = 'relapsed' AND e.on_date BETWEEN ${s.periodFrom}::date AND ${s.periodTo}::date AND ${inDistrict('e')}`,
      s.p.areaRelapseThreshold,
      'red',
      '返困',
    ),
    area_new_deep: areas(
      'area_new_deep',
      sql`SELECT count(*)::int AS n FROM hardship_file nf WHERE nf.tier = 'deep' AND nf.status = 'filed' AND nf.filed_on BETWEEN ${s.periodFrom}::date AND ${s.periodTo}::date AND ${inDistrict('nf')}`,
      s.p.areaNewDeepThreshold,
      'orange',
      '新增深度困难',
    ),
  };
}

function insertOf(select: SQL, s: ScanParams): SQL {
  return sql`
    INSERT INTO hardship_warning (id, dedup_key, rule, level, file_id, org_id, explanation, figures, raised_on, due_on, status)
    SELECT gen_random_uuid(), r.dedup_key, r.rule, r.level, r.file_id, r.org_id, r.explanation, r.figures, ${s.today}::date,
      CASE r.level WHEN 'red' THEN ${s.due.red}::date WHEN 'orange' THEN ${s.due.orange}::date ELSE ${s.due.yellow}::date END, 'open'
    FROM (${select}) AS r (dedup_key, rule, level, file_id, org_id, explanation, figures)
    ON CONFLICT (dedup_key) DO NOTHING
    RETURNING rule`;
}

/** All rules as ONE statement (for the benchmark's comparison and for tools). */
export function scanWarningsStatement(s: ScanParams): SQL {
  const parts = Object.values(ruleSelects(s));
  return insertOf(
    sql.join(
      parts.map((p) => sql`(${p})`),
      sql` UNION ALL `,
    ),
    s,
  );
}

/** The single statement as raw SQL text with $1…$n placeholders, and its parameters. */
export function scanWarningsRawQuery(opts: ScanOptions = {}): { text: string; params: unknown[] } {
  const q = new PgDialect().sqlToQuery(scanWarningsStatement(scanParams(opts, opts.params ?? DEFAULT_RULE_SET.params)));
  return { text: q.sql, params: q.params };
}

/** The raw text of the single-statement scan (parameters from scanWarningsRawQuery). */
export const SCAN_WARNINGS_SQL: string = scanWarningsRawQuery({ today: '2000-01-01' }).text;

export interface ScanResult {
  raised: number;
  byRule: Record<string, number>;
  reevaluated: number;
  ms: number;
}

/**
 * Run the scan: refresh stale tier computations (a changed line or rule set), then each rule as one
 * set-based INSERT … SELECT … ON CONFLICT DO NOTHING. Safe to run at any time and as often as wanted.
 */
export async function scanWarnings(db: Executor, opts: ScanOptions = {}): Promise<ScanResult> {
  const started = Date.now();
  const rules = opts.rules ?? (await loadRules(db));
  const today = opts.today ?? todayInChina();
  const reevaluated = opts.skipReevaluate ? 0 : await reevaluateStale(db, today, rules);
  const proofFollowUpDays = opts.proofFollowUpDays ?? (await ruleOn({ db }, AID_PROOF_RULE, today, db)).followUpDays;
  const s = scanParams({ ...opts, today, proofFollowUpDays }, paramsOn(rules, today));
  const byRule: Record<string, number> = {};
  let raised = 0;
  for (const select of Object.values(ruleSelects(s))) {
    const res = (await db.execute(insertOf(select, s))) as unknown as { rows: { rule: string }[] };
    for (const r of res.rows) {
      byRule[r.rule] = (byRule[r.rule] ?? 0) + 1;
      raised++;
    }
  }
  return { raised, byRule, reevaluated, ms: Date.now() - started };
}
