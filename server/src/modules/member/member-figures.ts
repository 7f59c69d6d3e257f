import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { orgScopeSql, ownedScopeSql } from '../../platform/scope.js';
import { joinApplicationSummary } from './join/join.review.js';
import { todayInChina } from '../../../../common/src/dates.js';
import { EMPLOYMENT_FORM_LABELS, EMPLOYMENT_FORMS, MEMBER_STATUSES, type EmploymentForm } from '../../../../common/src/member-vocab.js';
import type { Ctx } from '../../platform/context.js';

/**
 * Member figures for the dashboard (issue 3, item 10), all inside the caller's data scope: every
 * query takes the scope predicate (ownedScopeSql on member / membership_event / join_application,
 * orgScopeSql on org). Set-based: a handful of GROUP BY queries on indexed columns
 * (member (org_id, status), membership_event (org_id, on_date), join_application (org_id, status,
 * due_on)); nothing is loaded row by row.
 */

const UnionCount = z.object({ id: z.string(), name: z.string(), members: z.number(), active: z.number() });

export const MemberFigures = z.object({
  asOf: z.string(),
  /** Members by status; `holding` = active + retained + transferring (everyone but those who left). */
  totals: z.object({ all: z.number(), holding: z.number(), active: z.number(), retained: z.number(), transferring: z.number(), left: z.number() }),
  byUnion: z.object({
    /** The 20 grassroots unions with most members (holding). */
    top: z.array(UnionCount),
    /** The caller's own child organisations with the members of their whole subtree. */
    byChild: z.array(UnionCount),
  }),
  /** Holding members by employment form; gig = every new-employment-form worker (八大群体, ride-hailing, other flexible). */
  byEmploymentForm: z.object({
    standard: z.number(),
    gig: z.number(),
    migrantWorkers: z.number(),
    forms: z.array(z.object({ key: z.string(), label: z.string(), gig: z.boolean(), n: z.number() })),
  }),
  /** The last 12 months, oldest first: joins (joined, rejoined, transferred_in) and leavers (left, transferred_out) by event date. */
  monthly: z.array(z.object({ month: z.string(), joins: z.number(), leavers: z.number() })),
  /**
   * Active members ÷ employee_count of grassroots unions. `overall` over every grassroots union with
   * employees on record; `lowest`: the 20 lowest among unions with ≥ 25 employees that have members
   * at all (unions with none are listed under `withoutMembers`).
   */
  membershipRate: z.object({
    overall: z.number().nullable(),
    activeMembers: z.number(),
    employees: z.number(),
    lowest: z.array(z.object({ id: z.string(), name: z.string(), employees: z.number(), active: z.number(), rate: z.number() })),
  }),
  /** Active grassroots unions without a single holding member: how many, and the first 20 by code. */
  withoutMembers: z.object({ count: z.number(), first: z.array(z.object({ id: z.string(), name: z.string(), code: z.string(), employees: z.number().nullable() })) }),
  /** Pending online join applications, and those past their 15-working-day answer date. */
  applications: z.object({ pending: z.number(), overdue: z.number(), dueSoon: z.number(), overdueBelow: z.number() }),
});
export type MemberFiguresBody = z.infer<typeof MemberFigures>;

/** First day of the month `back` months before the month of `iso`, as YYYY-MM-DD. */
export function monthStart(iso: string, back = 0): string {
  const d = new Date(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1 - back, 1));
  return d.toISOString().slice(0, 10);
}

const LOWEST = 20;
const RATE_MIN_EMPLOYEES = 25;

export async function memberFigures(c: Ctx): Promise<MemberFiguresBody> {
  const scope = c.actor.scope;
  const inScope = ownedScopeSql(scope, sql`m.org_id`);
  const orgInScope = orgScopeSql(scope, sql`o.path`, sql`o.id`);
  const today = todayInChina();
  const from = monthStart(today, 11);
  const q = c.database.query.bind(c.database);

  const [statuses, top, byChild, forms, monthly, rateRows, overall, empty, applications] = await Promise.all([
    q<{ status: string; n: number }>(sql`SELECT m.status, count(*)::int AS n FROM member m WHERE ${inScope} GROUP BY m.status`),
    q<{ id: string; name: string; members: number; active: number }>(sql`
      SELECT o.id, o.name, count(*)::int AS members, count(*) FILTER (WHERE m.status = 'active')::int AS active
      FROM member m JOIN org o ON o.id = m.org_id
      WHERE ${inScope} AND m.status <> 'left' AND o.level = 'grassroots'
      GROUP BY o.id, o.name ORDER BY members DESC, o.name LIMIT 20`),
    q<{ id: string; name: string; members: number; active: number }>(sql`
      WITH per_org AS (
        SELECT m.org_id, count(*) FILTER (WHERE m.status <> 'left') AS members, count(*) FILTER (WHERE m.status = 'active') AS active
        FROM member m WHERE ${inScope} GROUP BY m.org_id)
      SELECT ch.id, ch.name, coalesce(sum(p.members), 0)::int AS members, coalesce(sum(p.active), 0)::int AS active
      FROM org ch LEFT JOIN (per_org p JOIN org o ON o.id = p.org_id) ON o.path LIKE ch.path || '%'
      WHERE ch.parent_id = ${c.actor.orgId} AND ch.active AND ${orgScopeSql(scope, sql`ch.path`, sql`ch.id`)}
      GROUP BY ch.id, ch.name, ch.code ORDER BY ch.code`),
    q<{ form: string; n: number; migrant: number }>(sql`
      SELECT m.employment_form AS form, count(*)::int AS n, count(*) FILTER (WHERE m.migrant_worker)::int AS migrant
      FROM member m WHERE ${inScope} AND m.status <> 'left' GROUP BY m.employment_form`),
    q<{ month: string; joins: number; leavers: number }>(sql`
      SELECT to_char(e.on_date, 'YYYY-MM') AS month,
             count(*) FILTER (WHERE e.kind IN ('joined', 'rejoined', 'transferred_in'))::int AS joins,
             count(*) FILTER (WHERE e.kind IN ('left', 'transferred_out'))::int AS leavers
      FROM membership_event e WHERE ${ownedScopeSql(scope, sql`e.org_id`)} AND e.on_date >= ${from} AND e.on_date <= ${today}
      GROUP BY 1`),
    q<{ id: string; name: string; employees: number; active: number }>(sql`
      WITH act AS (SELECT m.org_id, count(*) AS active FROM member m WHERE ${inScope} AND m.status = 'active' GROUP BY m.org_id)
      SELECT o.id, o.name, o.employee_count AS employees, a.active::int AS active
      FROM org o JOIN act a ON a.org_id = o.id
      WHERE o.level = 'grassroots' AND o.active AND o.employee_count >= ${RATE_MIN_EMPLOYEES} AND ${orgInScope}
      ORDER BY a.active::float8 / o.employee_count, o.code LIMIT ${LOWEST}`),
    q<{ employees: number; active: number }>(sql`
      SELECT coalesce(sum(o.employee_count), 0)::float8 AS employees,
             (SELECT count(*) FROM member m JOIN org g ON g.id = m.org_id
              WHERE ${inScope} AND m.status = 'active' AND g.level = 'grassroots' AND g.active AND g.employee_count > 0)::float8 AS active
      FROM org o WHERE o.level = 'grassroots' AND o.active AND o.employee_count > 0 AND ${orgInScope}`),
    q<{ id: string; name: string; code: string; employees: number | null; total: number }>(sql`
      SELECT o.id, o.name, o.code, o.employee_count AS employees, count(*) OVER ()::int AS total
      FROM org o
      WHERE o.level = 'grassroots' AND o.active AND ${orgInScope}
        AND NOT EXISTS (SELECT 1 FROM member m WHERE m.org_id = o.id AND m.status <> 'left')
      ORDER BY o.code LIMIT 20`),
    joinApplicationSummary(c),
  ]);

  const count = (s: string) => statuses.find((r) => r.status === s)?.n ?? 0;
  const totals = Object.fromEntries(MEMBER_STATUSES.map((s) => [s, count(s)])) as Record<(typeof MEMBER_STATUSES)[number], number>;
  const all = statuses.reduce((a, r) => a + r.n, 0);

  const formCount = new Map(forms.map((f) => [f.form, f.n]));
  const knownForms = EMPLOYMENT_FORMS.map((f) => ({ key: f, label: EMPLOYMENT_FORM_LABELS[f].zh, gig: f !== 'standard', n: formCount.get(f) ?? 0 }));
  const otherForms = forms.filter((f) => !(EMPLOYMENT_FORMS as readonly string[]).includes(f.form)).map((f) => ({ key: f.form, label: f.form, gig: true, n: f.n }));
  const formList = [...knownForms, ...otherForms];

  const byMonth = new Map(monthly.map((m) => [m.month, m]));
  const months = Array.from({ length: 12 }, (_, i) => monthStart(today, 11 - i).slice(0, 7)).map((month) => ({
    month, joins: byMonth.get(month)?.joins ?? 0, leavers: byMonth.get(month)?.leavers ?? 0,
  }));

  const o = overall[0] ?? { employees: 0, active: 0 };
  const round4 = (x: number) => Math.round(x * 10000) / 10000;
  return {
    asOf: today,
    totals: { all, holding: all - totals.left, ...totals },
    byUnion: { top, byChild },
    byEmploymentForm: {
      standard: formCount.get('standard' satisfies EmploymentForm) ?? 0,
      gig: formList.filter((f) => f.gig).reduce((a, f) => a + f.n, 0),
      migrantWorkers: forms.reduce((a, f) => a + f.migrant, 0),
      forms: formList,
    },
    monthly: months,
    membershipRate: {
      overall: o.employees > 0 ? round4(o.active / o.employees) : null,
      activeMembers: o.active,
      employees: o.employees,
      lowest: rateRows.map((r) => ({ ...r, rate: round4(r.active / r.employees) })),
    },
    withoutMembers: { count: empty[0]?.total ?? 0, first: empty.map(({ total: _t, ...u }) => u) },
    applications,
  };
}
