import { sql } from 'drizzle-orm';
import { addDays, todayInChina } from '../../../../common/src/dates.js';
import { termRule } from '../org/org.service.js';
import type { OrgFigures } from '../../../../common/src/contracts/dashboard.js';
import { escapeLike, orgScopeSql } from '../../platform/scope.js';
import { org } from '../org/org.schema.js';
import type { Ctx } from '../../platform/context.js';

/** The organisation figures of the caller's scope (GET /api/dashboard/orgs). */
export async function orgFigures(c: Ctx): Promise<OrgFigures> {
  const scope = orgScopeSql(c.actor.scope, org.path, org.id);
  const today = todayInChina();
  // The re-election window of the committee-term rule in force (docs/rules.md), as on the org list.
  const { reminderDays } = await termRule(c, today);
  const soon = addDays(today, reminderDays);
  // One pass over the orgs in scope (materialised once), from which every figure is derived; the
  // caller's children get their subtree's figures by the path segment right after the caller's own
  // path (one grouping) rather than a LIKE join of every org against each child.
  const [r] = await c.database.query<{
    total: number;
    grassroots: number;
    without_chair: number;
    expiring: number;
    expired: number;
    employees: number;
    by_level: { key: string; n: number }[] | null;
    by_kind: { key: string; n: number }[] | null;
    by_child: { id: string; name: string; grassroots: number; without_chair: number; term_due: number }[] | null;
  }>(sql`
    WITH g AS MATERIALIZED (
      SELECT level, kind, level = 'grassroots' AS unit, chair_name IS NULL AS no_chair, term_end, employee_count,
             CASE WHEN path LIKE ${escapeLike(c.actor.orgPath) + '%'} THEN split_part(substr(path, ${c.actor.orgPath.length + 1}), '/', 1) END AS child
      FROM org WHERE active AND ${scope})
    SELECT count(*)::int AS total,
           count(*) FILTER (WHERE unit)::int AS grassroots,
           count(*) FILTER (WHERE unit AND no_chair)::int AS without_chair,
           count(*) FILTER (WHERE term_end > ${today} AND term_end <= ${soon})::int AS expiring,
           count(*) FILTER (WHERE term_end <= ${today})::int AS expired,
           coalesce(sum(employee_count) FILTER (WHERE unit), 0)::bigint AS employees,
           (SELECT json_agg(x) FROM (SELECT level AS key, count(*)::int AS n FROM g GROUP BY level) x) AS by_level,
           (SELECT json_agg(x) FROM (SELECT kind AS key, count(*)::int AS n FROM g WHERE unit GROUP BY kind) x) AS by_kind,
           (SELECT json_agg(x ORDER BY x.code) FROM (
             SELECT ch.id, ch.name, ch.code, coalesce(d.grassroots, 0)::int AS grassroots, coalesce(d.without_chair, 0)::int AS without_chair, coalesce(d.term_due, 0)::int AS term_due
             FROM org ch LEFT JOIN (
               SELECT child, count(*) FILTER (WHERE unit) AS grassroots, count(*) FILTER (WHERE unit AND no_chair) AS without_chair,
                      count(*) FILTER (WHERE term_end <= ${soon}) AS term_due
               FROM g WHERE child IS NOT NULL GROUP BY child) d ON d.child = ch.id::text
             WHERE ch.parent_id = ${c.actor.orgId} AND ch.active AND ${orgScopeSql(c.actor.scope, sql`ch.path`, sql`ch.id`)}) x) AS by_child
    FROM g`);
  const f = r!;
  return {
    totalOrgs: f.total,
    grassroots: f.grassroots,
    withoutChair: f.without_chair,
    termExpiring: f.expiring,
    termExpired: f.expired,
    employees: Number(f.employees),
    termReminderDays: reminderDays,
    byLevel: f.by_level ?? [],
    byKind: f.by_kind ?? [],
    byChild: (f.by_child ?? []).map((b) => ({ id: b.id, name: b.name, grassroots: b.grassroots, withoutChair: b.without_chair, termDue: b.term_due })),
  };
}
