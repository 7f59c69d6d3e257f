import { sql, type SQL } from 'drizzle-orm';
import { requireOrgInScope } from '../org/org.service.js';
import { orgScopeSql, ownedScopeSql } from '../../platform/scope.js';
import { CONTRACT_EMPLOYER_KINDS } from '../../../../common/src/contract-vocab.js';
import { addDays, todayInChina } from '../../../../common/src/dates.js';
import type { Ctx } from '../../platform/context.js';

/**
 * Coverage (建制率, docs/contracts.md): the unionised employers in scope with a contract in force
 * today, as a share of all of them, and the workers they employ. An employer counts as covered by
 * any contract that names it as a party, its own or a regional or sector one. A drill-down shows
 * the org asked for and each of its children.
 */

export interface CoverageRow {
  orgId: string;
  name: string;
  employers: number;
  covered: number;
  rate: number | null;
  workers: number;
  workersCovered: number;
  expiring: number;
}

const EXPIRING_DAYS = 90;
const kinds = sql.join(
  CONTRACT_EMPLOYER_KINDS.map((k) => sql`${k}`),
  sql`, `,
);

/** The rate in percent with one decimal; null where there is no employer. */
export const rateOf = (covered: number, employers: number) => (employers ? Math.round((covered / employers) * 1000) / 10 : null);

export async function coverage(c: Ctx, under?: string): Promise<{ total: CoverageRow; children: CoverageRow[] }> {
  const root = await requireOrgInScope(c, c.db, under ?? c.actor.orgId);
  const today = todayInChina();
  const horizon = addDays(today, EXPIRING_DAYS);
  const inScope: SQL = orgScopeSql(c.actor.scope, sql`g.path`, sql`g.id`);
  const rows = await c.database.query<{
    id: string;
    name: string;
    is_root: boolean;
    employers: number;
    covered: number;
    workers: number;
    workers_covered: number;
    expiring: number;
  }>(sql`
    WITH covered AS (
      SELECT p.org_id, max(b.expires_on) AS until
      FROM bargaining_party p JOIN bargaining b ON b.id = p.bargaining_id
      WHERE b.status = 'effective' AND (b.expires_on IS NULL OR b.expires_on >= ${today})
      GROUP BY p.org_id
    )
    SELECT c.id, c.name, c.id = ${root.id} AS is_root,
      count(g.id)::int AS employers,
      count(cv.org_id)::int AS covered,
      coalesce(sum(g.employee_count), 0)::int AS workers,
      coalesce(sum(g.employee_count) FILTER (WHERE cv.org_id IS NOT NULL), 0)::int AS workers_covered,
      count(*) FILTER (WHERE cv.until <= ${horizon})::int AS expiring
    FROM org c
    LEFT JOIN org g ON g.path LIKE c.path || '%' AND g.level = 'grassroots' AND g.active AND g.kind IN (${kinds}) AND ${inScope}
    LEFT JOIN covered cv ON cv.org_id = g.id
    WHERE (c.id = ${root.id} OR (c.parent_id = ${root.id} AND c.active)) AND ${orgScopeSql(c.actor.scope, sql`c.path`, sql`c.id`)}
    GROUP BY c.id, c.name, c.code
    ORDER BY c.id = ${root.id} DESC, c.code`);
  const row = (r: (typeof rows)[number]): CoverageRow => ({
    orgId: r.id,
    name: r.name,
    employers: Number(r.employers),
    covered: Number(r.covered),
    rate: rateOf(Number(r.covered), Number(r.employers)),
    workers: Number(r.workers),
    workersCovered: Number(r.workers_covered),
    expiring: Number(r.expiring),
  });
  const total = rows.find((r) => r.is_root)!;
  return { total: row(total), children: rows.filter((r) => !r.is_root).map(row) };
}

/** The dashboard's section: coverage by child, contracts by state and their clocks, congresses held this year, proposals. */
export async function contractFigures(c: Ctx) {
  const today = todayInChina();
  const year = today.slice(0, 4);
  const owned = (col: SQL) => ownedScopeSql(c.actor.scope, col);
  const [cov, byStatus, [clocks], [congresses], [props]] = await Promise.all([
    coverage(c),
    c.database.query<{ key: string; n: number }>(
      sql`SELECT status AS key, count(*)::int AS n FROM bargaining WHERE ${owned(sql`org_id`)} GROUP BY status ORDER BY status`,
    ),
    c.database.query<{ expiring: number; expired: number; overdue: number }>(sql`
      SELECT count(*) FILTER (WHERE status = 'effective' AND expires_on BETWEEN ${today} AND ${addDays(today, EXPIRING_DAYS)})::int AS expiring,
             count(*) FILTER (WHERE status = 'expired' OR (status = 'effective' AND expires_on < ${today}))::int AS expired,
             count(*) FILTER (WHERE answer_due < ${today} OR filing_due < ${today} OR review_due < ${today})::int AS overdue
      FROM bargaining WHERE ${owned(sql`org_id`)}`),
    c.database.query<{ total: number; held: number }>(sql`
      SELECT count(*)::int AS total,
             count(*) FILTER (WHERE EXISTS (SELECT 1 FROM congress_session s WHERE s.congress_id = k.id AND s.held_on BETWEEN ${`${year}-01-01`} AND ${`${year}-12-31`}))::int AS held
      FROM congress k WHERE ${owned(sql`k.org_id`)}`),
    c.database.query<{ open: number; overdue: number; closed: number }>(sql`
      SELECT count(*) FILTER (WHERE status IN ('registered', 'assigned', 'answered'))::int AS open,
             count(*) FILTER (WHERE status = 'assigned' AND answer_due < ${today})::int AS overdue,
             count(*) FILTER (WHERE status = 'closed')::int AS closed
      FROM congress_proposal WHERE ${owned(sql`org_id`)}`),
  ]);
  return {
    coverage: cov,
    byStatus: byStatus.map((r) => ({ key: r.key, n: Number(r.n) })),
    expiringIn90: Number(clocks?.expiring ?? 0),
    expired: Number(clocks?.expired ?? 0),
    overdueClocks: Number(clocks?.overdue ?? 0),
    congresses: {
      total: Number(congresses?.total ?? 0),
      heldThisYear: Number(congresses?.held ?? 0),
      notHeld: Number(congresses?.total ?? 0) - Number(congresses?.held ?? 0),
    },
    proposals: { open: Number(props?.open ?? 0), overdue: Number(props?.overdue ?? 0), closed: Number(props?.closed ?? 0) },
  };
}
