import { sql } from 'drizzle-orm';
import { addMonths } from '../../../../common/src/hardship-tier.js';
import { todayInChina } from '../../../../common/src/dates.js';
import { orgScopeSql, ownedScopeSql } from '../../platform/scope.js';
import type { Ctx } from '../../platform/context.js';
import type { HardshipFigures } from '../../../../common/src/contracts/hardship-files.js';

/** Figures for the caller's scope only: every query takes the scope predicate. */
export async function hardshipDashboard(c: Ctx): Promise<HardshipFigures> {
  const q = <T>(s: ReturnType<typeof sql>) => c.database.query<T>(s);
  const today = todayInChina();
  const year = Number(today.slice(0, 4));
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const files = ownedScopeSql(c.actor.scope, sql`f.org_id`);
  const n = (rows: { key: string | null; n: number | string }[]) => rows.map((r) => ({ key: r.key, n: Number(r.n) }));

  const byStatus = n(await q(sql`SELECT f.status AS key, count(*)::int AS n FROM hardship_file f WHERE ${files} GROUP BY 1 ORDER BY 1`));
  const byTier = n(await q(sql`SELECT f.tier AS key, count(*)::int AS n FROM hardship_file f WHERE f.status = 'filed' AND ${files} GROUP BY 1 ORDER BY 1`));
  const byCause = n(
    await q(sql`SELECT f.main_cause AS key, count(*)::int AS n FROM hardship_file f WHERE f.status = 'filed' AND ${files} GROUP BY 1 ORDER BY 2 DESC`),
  );
  const byArea = await q<{
    id: string;
    name: string;
    filed: number;
    deep: number;
    relative: number;
    accident: number;
    monitoring: number;
    open_warnings: number;
  }>(sql`
    SELECT ch.id, ch.name,
      count(f.id) FILTER (WHERE f.status = 'filed')::int AS filed,
      count(f.id) FILTER (WHERE f.status = 'filed' AND f.tier = 'deep')::int AS deep,
      count(f.id) FILTER (WHERE f.status = 'filed' AND f.tier = 'relative')::int AS relative,
      count(f.id) FILTER (WHERE f.status = 'filed' AND f.tier = 'accident')::int AS accident,
      count(f.id) FILTER (WHERE f.status = 'exited' AND f.monitoring_until >= ${today}::date)::int AS monitoring,
      (SELECT count(*)::int FROM hardship_warning w WHERE w.status = 'open' AND w.org_id IN (SELECT o2.id FROM org o2 WHERE o2.path LIKE ch.path || '%')) AS open_warnings
    FROM org ch
    LEFT JOIN org o ON o.path LIKE ch.path || '%'
    LEFT JOIN hardship_file f ON f.org_id = o.id
    WHERE ch.parent_id = ${c.actor.orgId} AND ch.active AND ${orgScopeSql(c.actor.scope, sql`ch.path`, sql`ch.id`)}
    GROUP BY ch.id, ch.name, ch.code, ch.path ORDER BY ch.code`);

  const aidScope = ownedScopeSql(c.actor.scope, sql`a.org_id`);
  // Paid to the households in scope this year, from any budget; the part paid from budgets of the
  // unions above (a city's 送温暖 campaign …) is told apart, since the budget figures below count the
  // scope's own budgets only.
  const [aid] = await q<{ fen: string | number; above: string | number; n: number; households: number }>(sql`
    SELECT coalesce(sum(a.amount_fen), 0)::bigint AS fen, count(*)::int AS n, count(DISTINCT a.file_id)::int AS households,
      coalesce(sum(a.amount_fen) FILTER (WHERE NOT (${ownedScopeSql(c.actor.scope, sql`b.org_id`)})), 0)::bigint AS above
    FROM aid_record a JOIN aid_budget b ON b.id = a.budget_id WHERE a.paid_on BETWEEN ${from}::date AND ${to}::date AND ${aidScope}`);
  const aidByKind = await q<{ key: string; fen: string | number; n: number }>(sql`
    SELECT a.kind AS key, sum(a.amount_fen)::bigint AS fen, count(*)::int AS n FROM aid_record a
    WHERE a.paid_on BETWEEN ${from}::date AND ${to}::date AND ${aidScope} GROUP BY 1 ORDER BY 2 DESC`);
  const [budget] = await q<{ allocated: string | number; spent: string | number }>(sql`
    SELECT coalesce(sum(b.allocated_fen), 0)::bigint AS allocated, coalesce(sum(b.spent_fen), 0)::bigint AS spent
    FROM aid_budget b WHERE b.year = ${year}::int AND ${ownedScopeSql(c.actor.scope, sql`b.org_id`)}`);

  const since = addMonths(today.slice(0, 8) + '01', -11);
  const months = await q<{ month: string; exits: number; relapses: number; filed: number }>(sql`
    SELECT to_char(e.on_date, 'YYYY-MM') AS month,
      count(*) FILTER (WHERE e.kind = 'exited')::int AS exits, count(*) FILTER (WHERE e.kind = 'relapsed')::int AS relapses,
      count(*) FILTER (WHERE e.kind = 'filed')::int AS filed
    FROM hardship_event e WHERE e.on_date >= ${since}::date AND e.kind IN ('exited', 'relapsed', 'filed') AND ${ownedScopeSql(c.actor.scope, sql`e.org_id`)}
    GROUP BY 1 ORDER BY 1`);
  const byMonth: { month: string; exits: number; relapses: number; filed: number }[] = [];
  for (let m = since; m <= today; m = addMonths(m, 1)) {
    const key = m.slice(0, 7);
    byMonth.push(months.find((x) => x.month === key) ?? { month: key, exits: 0, relapses: 0, filed: 0 });
  }

  const ws = ownedScopeSql(c.actor.scope, sql`w.org_id`);
  const [wt] = await q<{ open: number; overdue: number }>(sql`
    SELECT count(*)::int AS open, count(*) FILTER (WHERE w.due_on < ${today}::date)::int AS overdue FROM hardship_warning w WHERE w.status = 'open' AND ${ws}`);
  const byLevel = n(await q(sql`SELECT w.level AS key, count(*)::int AS n FROM hardship_warning w WHERE w.status = 'open' AND ${ws} GROUP BY 1 ORDER BY 1`));
  const byRule = n(await q(sql`SELECT w.rule AS key, count(*)::int AS n FROM hardship_warning w WHERE w.status = 'open' AND ${ws} GROUP BY 1 ORDER BY 2 DESC`));
  const [flags] = await q<{ overdue: number; monitoring: number }>(sql`
    SELECT count(*) FILTER (WHERE f.status = 'filed' AND f.next_review_due < ${today}::date)::int AS overdue,
      count(*) FILTER (WHERE f.status = 'exited' AND f.monitoring_until >= ${today}::date)::int AS monitoring
    FROM hardship_file f WHERE ${files}`);

  const allocated = Number(budget!.allocated);
  const spent = Number(budget!.spent);
  return {
    year,
    byStatus,
    byTier,
    byCause,
    byArea: byArea.map((a) => ({
      id: a.id,
      name: a.name,
      filed: a.filed,
      deep: a.deep,
      relative: a.relative,
      accident: a.accident,
      monitoring: a.monitoring,
      openWarnings: a.open_warnings,
    })),
    aid: {
      paidFen: Number(aid!.fen),
      fromAboveFen: Number(aid!.above),
      count: aid!.n,
      households: aid!.households,
      byKind: aidByKind.map((k) => ({ key: k.key, fen: Number(k.fen), n: k.n })),
    },
    budget: { allocatedFen: allocated, spentFen: spent, remainingFen: allocated - spent },
    byMonth,
    warnings: { open: wt!.open, overdue: wt!.overdue, byLevel, byRule },
    reviewOverdue: flags!.overdue,
    monitoring: flags!.monitoring,
  };
}
