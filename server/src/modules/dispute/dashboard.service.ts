import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { disputeCase, mediator } from './dispute.schema.js';
import { disputes, mediators, overdueSql } from './dispute.repo.js';
import { arrears } from './wage-arrears.service.js';
import { org } from '../org/org.schema.js';
import { todayInChina } from '../../../../common/src/dates.js';
import type { Ctx } from '../../platform/context.js';

/**
 * The rights dashboard for the caller's scope: cases by status, type and area; the agreement rate,
 * the median days to close and the amount agreed; the overdue clocks and each mediator's open cases.
 * Read directly from the cases (a city holds thousands, not millions).
 */
export async function disputeDashboard(c: Ctx) {
  const today = todayInChina();
  const scope = disputes.inScope(c);
  const counted = (col: typeof disputeCase.status | typeof disputeCase.type) =>
    c.db
      .select({ key: col, n: sql<number>`count(*)::int` })
      .from(disputeCase)
      .where(scope)
      .groupBy(col)
      .orderBy(asc(col));
  const kids = await c.db.select({ id: org.id, name: org.name, path: org.path }).from(org).where(eq(org.parentId, c.actor.orgId)).orderBy(asc(org.path));
  const yearStart = today.slice(0, 4) + '-01-01';
  const [byStatus, byType, totals, areas, loads, rights] = await Promise.all([
    counted(disputeCase.status),
    counted(disputeCase.type),
    c.db.execute(sql`
      SELECT count(*)::int AS total,
             count(*) FILTER (WHERE status IN ('received', 'mediating'))::int AS open,
             count(*) FILTER (WHERE ${overdueSql(today)})::int AS overdue,
             count(*) FILTER (WHERE agreed_on IS NOT NULL)::int AS agreed,
             count(*) FILTER (WHERE status = 'failed' OR (status = 'closed' AND agreed_on IS NULL AND fail_reason IS NOT NULL))::int AS failed,
             coalesce(sum(agreement_amount_fen) FILTER (WHERE agreed_on IS NOT NULL), 0)::bigint AS agreed_fen,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY closed_on - received_on) FILTER (WHERE closed_on IS NOT NULL AND status = 'closed') AS median_days
      FROM dispute_case WHERE ${scope}`) as unknown as Promise<{ rows: Record<string, number | string | null>[] }>,
    kids.length
      ? (c.db.execute(sql`
          SELECT k.id, count(dispute_case.id)::int AS total,
                 count(dispute_case.id) FILTER (WHERE dispute_case.status IN ('received', 'mediating'))::int AS open,
                 count(dispute_case.id) FILTER (WHERE ${overdueSql(today)})::int AS overdue
          FROM org k JOIN org o ON o.path LIKE k.path || '%' JOIN dispute_case ON dispute_case.org_id = o.id
          WHERE k.id IN (${sql.join(
            kids.map((k) => sql`${k.id}::uuid`),
            sql`, `,
          )}) AND ${scope}
          GROUP BY k.id`) as unknown as Promise<{ rows: { id: string; total: number; open: number; overdue: number }[] }>)
      : Promise.resolve({ rows: [] }),
    c.db
      .select({ id: mediator.id, name: mediator.name, kind: mediator.kind, open: sql<number>`count(${disputeCase.id})::int` })
      .from(mediator)
      .leftJoin(disputeCase, and(eq(disputeCase.mediatorId, mediator.id), inArray(disputeCase.status, ['received', 'mediating'])))
      .where(and(mediators.inScope(c), eq(mediator.active, true)))
      .groupBy(mediator.id, mediator.name, mediator.kind)
      .orderBy(sql`count(${disputeCase.id}) DESC`, asc(mediator.name))
      .limit(20),
    // Breached agreements and the money recovered this year, both scoped through their case.
    c.db.execute(sql`
      SELECT (SELECT count(DISTINCT i.dispute_id)::int FROM dispute_instalment i JOIN dispute_case ON dispute_case.id = i.dispute_id
               WHERE i.paid_on IS NULL AND i.due_on < ${today} AND dispute_case.status = 'agreed' AND ${scope}) AS breached,
             (SELECT coalesce(sum(i.amount_fen), 0)::bigint FROM dispute_payment i JOIN dispute_case ON dispute_case.id = i.dispute_id
               WHERE i.paid_on >= ${yearStart} AND i.paid_on <= ${today} AND ${scope}) AS instalments_fen,
             (SELECT coalesce(sum(r.amount_fen), 0)::bigint FROM wage_recovery r JOIN wage_arrears ON wage_arrears.id = r.arrears_id
               WHERE r.paid_on >= ${yearStart} AND r.paid_on <= ${today} AND ${arrears.inScope(c)}) AS arrears_fen`) as unknown as Promise<{
      rows: Record<string, number | string>[];
    }>,
  ]);
  const r = rights.rows[0] ?? {};
  const t = totals.rows[0] ?? {};
  const agreed = Number(t.agreed ?? 0);
  const failed = Number(t.failed ?? 0);
  const byArea = new Map(areas.rows.map((r) => [r.id, r]));
  return {
    total: Number(t.total ?? 0),
    open: Number(t.open ?? 0),
    overdue: Number(t.overdue ?? 0),
    byStatus: byStatus.map((r) => ({ key: r.key, n: Number(r.n) })),
    byType: byType.map((r) => ({ key: r.key, n: Number(r.n) })),
    byArea: kids.map((k) => ({
      id: k.id,
      name: k.name,
      total: Number(byArea.get(k.id)?.total ?? 0),
      open: Number(byArea.get(k.id)?.open ?? 0),
      overdue: Number(byArea.get(k.id)?.overdue ?? 0),
    })),
    agreementRatePermille: agreed + failed ? Math.round((agreed * 1000) / (agreed + failed)) : null,
    medianDaysToClose: t.median_days === null || t.median_days === undefined ? null : Math.round(Number(t.median_days)),
    agreedAmountFen: Number(t.agreed_fen ?? 0),
    mediators: loads.map((m) => ({ ...m, open: Number(m.open) })),
    breached: Number(r.breached ?? 0),
    overdueClocks: Number(t.overdue ?? 0) + Number(r.breached ?? 0),
    recoveredThisYearFen: Number(r.instalments_fen ?? 0) + Number(r.arrears_fen ?? 0),
  };
}
