import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { orgScopeSql, ownedScopeSql } from '../../platform/scope.js';
import { joinApplicationSummary } from './join/join.review.js';
import { todayInChina } from '../../../../common/src/dates.js';
import { EMPLOYMENT_FORM_LABELS, EMPLOYMENT_FORMS, MEMBER_STATUSES, type EmploymentForm } from '../../../../common/src/member-vocab.js';
import type { Ctx } from '../../platform/context.js';

/**
 * Member figures for the dashboard (issue 3, item 10), all inside the caller's data scope: every
 * query takes the scope predicate (ownedScopeSql on member_tally / membership_event /
 * join_application, orgScopeSql on org). Three statements: the member counts per union, status
 * and form come from member_tally — exact counters the database keeps in step with member by
 * triggers (migration 0004, member-counters.schema.ts), so the city's figures read ~10 rows per
 * union instead of every member; everything else about members and unions is derived from them in
 * the same statement. Then membership events of the last 12 months (index-only range scan on
 * membership_event (on_date, org_id, kind)), and join applications on join_application (org_id,
 * status, due_on). `memberFigures(c, 'members')` is the plain aggregate over member, kept as the
 * reference the tests and the benchmark compare with.
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

type Unit = { id: string; name: string; members: number; active: number };
interface OneRow {
  statuses: { status: string; n: number }[] | null;
  forms: { form: string; n: number; migrant: number }[] | null;
  top: Unit[] | null;
  by_child: (Unit & { code: string })[] | null;
  lowest: { id: string; name: string; employees: number; active: number }[] | null;
  employees: number;
  rate_active: number;
  empty_count: number;
  empty: { id: string; name: string; code: string; employees: number | null }[] | null;
}
const RATE_MIN_EMPLOYEES = 25;

/**
 * Where the per (union, status, form) member counts come from: `tally` = the exact counters kept by
 * the database's triggers (member_tally, migration 0004; what the route uses), `members` = the plain
 * aggregate over the member table (the reference the tests and the benchmark compare with).
 */
export type FiguresSource = 'tally' | 'members';

export async function memberFigures(c: Ctx, source: FiguresSource = 'tally'): Promise<MemberFiguresBody> {
  const scope = c.actor.scope;
  const orgInScope = orgScopeSql(scope, sql`o.path`, sql`o.id`);
  const today = todayInChina();
  const from = monthStart(today, 11);
  const q = c.database.query.bind(c.database);

  // One pass over the members in scope (per union, status and form), from which every member
  // figure is derived inside the same statement; then the events of the last 12 months; then the
  // join applications. Three statements, each scanning its table once.
  const [one, monthly, applications] = await Promise.all([
    q<OneRow>(sql`
      WITH agg AS MATERIALIZED (${source === 'tally'
        ? sql`SELECT t.org_id, t.status, t.employment_form AS form, t.n, t.migrant FROM member_tally t WHERE ${ownedScopeSql(scope, sql`t.org_id`)} AND t.n <> 0`
        : sql`SELECT m.org_id, m.status, m.employment_form AS form, count(*)::int AS n, count(*) FILTER (WHERE m.migrant_worker)::int AS migrant
        FROM member m WHERE ${ownedScopeSql(scope, sql`m.org_id`)} GROUP BY 1, 2, 3`}),
      per_org AS MATERIALIZED (
        SELECT a.org_id, sum(a.n) FILTER (WHERE a.status <> 'left')::int AS members, coalesce(sum(a.n) FILTER (WHERE a.status = 'active'), 0)::int AS active
        FROM agg a GROUP BY a.org_id),
      units AS MATERIALIZED (
        SELECT o.id, o.name, o.code, o.path, o.employee_count AS employees, coalesce(p.members, 0) AS members, coalesce(p.active, 0) AS active
        FROM org o LEFT JOIN per_org p ON p.org_id = o.id
        WHERE o.level = 'grassroots' AND o.active AND ${orgInScope})
      SELECT
        (SELECT json_agg(x) FROM (SELECT a.status, sum(a.n)::int AS n FROM agg a GROUP BY a.status) x) AS statuses,
        (SELECT json_agg(x) FROM (SELECT a.form, sum(a.n)::int AS n, sum(a.migrant)::int AS migrant FROM agg a WHERE a.status <> 'left' GROUP BY a.form) x) AS forms,
        (SELECT json_agg(x) FROM (SELECT u.id, u.name, u.members, u.active FROM units u WHERE u.members > 0 ORDER BY u.members DESC, u.name LIMIT 20) x) AS top,
        (SELECT json_agg(x ORDER BY x.code) FROM (
          SELECT ch.id, ch.name, ch.code, coalesce(sum(p.members), 0)::int AS members, coalesce(sum(p.active), 0)::int AS active
          FROM org ch LEFT JOIN (per_org p JOIN org o ON o.id = p.org_id) ON o.path LIKE ch.path || '%'
          WHERE ch.parent_id = ${c.actor.orgId} AND ch.active AND ${orgScopeSql(scope, sql`ch.path`, sql`ch.id`)}
          GROUP BY ch.id, ch.name, ch.code) x) AS by_child,
        (SELECT json_agg(x) FROM (
          SELECT u.id, u.name, u.employees, u.active FROM units u WHERE u.employees >= ${RATE_MIN_EMPLOYEES} AND u.active > 0
          ORDER BY u.active::float8 / u.employees, u.code LIMIT ${LOWEST}) x) AS lowest,
        (SELECT coalesce(sum(u.employees), 0)::float8 FROM units u WHERE u.employees > 0) AS employees,
        (SELECT coalesce(sum(u.active), 0)::float8 FROM units u WHERE u.employees > 0) AS rate_active,
        (SELECT count(*)::int FROM units u WHERE u.members = 0) AS empty_count,
        (SELECT json_agg(x) FROM (SELECT u.id, u.name, u.code, u.employees FROM units u WHERE u.members = 0 ORDER BY u.code LIMIT 20) x) AS empty`),
    q<{ month: string; joins: number; leavers: number }>(sql`
      SELECT to_char(e.on_date, 'YYYY-MM') AS month,
             count(*) FILTER (WHERE e.kind IN ('joined', 'rejoined', 'transferred_in'))::int AS joins,
             count(*) FILTER (WHERE e.kind IN ('left', 'transferred_out'))::int AS leavers
      FROM membership_event e WHERE ${ownedScopeSql(scope, sql`e.org_id`)} AND e.on_date >= ${from} AND e.on_date <= ${today}
      GROUP BY 1`),
    joinApplicationSummary(c),
  ]);
  const r = one[0]!;
  const statuses = r.statuses ?? [];
  const forms = r.forms ?? [];
  const top = r.top ?? [];
  const byChild = (r.by_child ?? []).map(({ code: _c, ...x }) => x);
  const rateRows = r.lowest ?? [];

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
      overall: r.employees > 0 ? round4(r.rate_active / r.employees) : null,
      activeMembers: r.rate_active,
      employees: r.employees,
      lowest: rateRows.map((r) => ({ ...r, rate: round4(r.active / r.employees) })),
    },
    withoutMembers: { count: r.empty_count, first: r.empty ?? [] },
    applications,
  };
}
