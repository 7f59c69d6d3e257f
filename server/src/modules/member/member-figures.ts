import { sql } from 'drizzle-orm';
import { escapeLike, orgScopeSql, ownedScopeSql } from '../../platform/scope.js';
import { joinApplicationSummary } from './join/join.review.js';
import { todayInChina } from '../../../../common/src/dates.js';
import { EMPLOYMENT_FORM_LABELS, EMPLOYMENT_FORMS, isGigWorker, MEMBER_STATUSES, type EmploymentForm } from '../../../../common/src/member-vocab.js';
import type { Ctx } from '../../platform/context.js';
import type { MemberFiguresT } from '../../../../common/src/contracts/member.js';

/**
 * Member figures for the dashboard, all inside the caller's data scope: every
 * query takes the scope predicate (ownedScopeSql on member_org_tally / membership_event /
 * join_application, orgScopeSql on org). Four statements, sent together: the member counts by status and form
 * come from member_org_tally — exact counters, one row per union, that the database keeps in step
 * with member by triggers (migrations 0004 and 0006, member-counters.schema.ts), so the city's
 * figures read ~20,000 short rows instead of every member; everything else about members and
 * unions is derived from them in the same statement. Then membership events of the last 12 months (index-only range scan on
 * membership_event (on_date, org_id, kind)), and join applications on join_application (org_id,
 * status, due_on). `memberFigures(c, 'members')` is the plain aggregate over member, kept as the
 * reference the tests and the benchmark compare with.
 */

/** The answer of GET /api/dashboard/members (its schema is the contract's). */
export type MemberFiguresBody = MemberFiguresT;

/** First day of the month `back` months before the month of `iso`, as YYYY-MM-DD. */
export function monthStart(iso: string, back = 0): string {
  const d = new Date(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1 - back, 1));
  return d.toISOString().slice(0, 10);
}

const LOWEST = 20;

type Unit = { id: string; name: string; members: number; active: number };
interface OneRow {
  statuses: { status: string; n: number }[] | null;
  forms: { form: string; n: number }[] | null;
  /** Holding migrant workers. */
  migrant: number;
  top: Unit[] | null;
  by_child: (Unit & { code: string })[] | null;
  lowest: { id: string; name: string; employees: number; active: number }[] | null;
  employees: number;
  rate_active: number;
  empty_count: number;
  empty: { id: string; name: string; code: string; employees: number | null }[] | null;
}
const RATE_MIN_EMPLOYEES = 25;

const STATUS_COLUMNS = ['active', 'retained', 'transferring', 'left'] as const;
/** The forms with a counter column of their own (migration 0006); the later ones (agency, part-time, re-employed retirees, 未填) are counted in member_form_tally. */
export const TALLY_COLUMN_FORMS = EMPLOYMENT_FORMS.slice(0, EMPLOYMENT_FORMS.indexOf('other_flexible') + 1);
const FORM_COLUMNS = TALLY_COLUMN_FORMS.map((f) => ['f_' + f, f] as const);

/** The figures drawn from the unions' rows (units: grassroots unions in scope with members, active, employees), shared by both sources. */
function unitFigures() {
  return sql`
        (SELECT json_agg(x) FROM (SELECT u.id, u.name, u.members, u.active FROM units u WHERE u.members > 0 ORDER BY u.members DESC, u.name LIMIT 20) x) AS top,
        (SELECT json_agg(x) FROM (
          SELECT u.id, u.name, u.employees, u.active FROM units u WHERE u.employees >= ${RATE_MIN_EMPLOYEES} AND u.active > 0
          ORDER BY u.active::float8 / u.employees, u.code LIMIT ${LOWEST}) x) AS lowest,
        (SELECT coalesce(sum(u.employees), 0)::float8 FROM units u WHERE u.employees > 0) AS employees,
        (SELECT coalesce(sum(u.active), 0)::float8 FROM units u WHERE u.employees > 0) AS rate_active,
        (SELECT count(*)::int FROM units u WHERE u.members = 0) AS empty_count,
        (SELECT json_agg(x) FROM (SELECT u.id, u.name, u.code, u.employees FROM units u WHERE u.members = 0 ORDER BY u.code LIMIT 20) x) AS empty`;
}

/**
 * From the counters, the totals and the children: one row per union in scope (member_org_tally). The caller's child
 * organisations get their subtree's members by the path segment right after the caller's own path
 * (one hash join over the unions) rather than a LIKE per child and union. The caller's path is the
 * session's, as for the scope predicate itself; a constant prefix also gives the planner a true
 * row estimate (with the path joined in, it expected one row and probed the counters 20,000 times).
 */
function fromTally(c: Ctx) {
  const scope = c.actor.scope;
  const list = (xs: readonly string[]) => sql.raw(xs.map((x) => `'${x}'`).join(', '));
  const cols = (xs: readonly string[], prefix: string) => sql.raw(xs.map((x) => `${prefix}${x === 'left' ? '"left"' : x}`).join(', '));
  return sql`
      WITH t AS MATERIALIZED (
        SELECT t.* FROM member_org_tally t WHERE ${ownedScopeSql(scope, sql`t.org_id`)}),
      sums AS MATERIALIZED (
        SELECT coalesce(sum(t.n), 0)::int AS n, ${sql.raw([...STATUS_COLUMNS.map((s) => (s === 'left' ? '"left"' : s)), 'migrant', ...FORM_COLUMNS.map(([col]) => col)].map((col) => `coalesce(sum(t.${col}), 0)::int AS ${col}`).join(', '))}
        FROM t)
      SELECT
        (SELECT json_agg(x) FROM (
          SELECT u.status, u.n FROM sums s, unnest(ARRAY[${list(STATUS_COLUMNS)}, '_other'],
            ARRAY[${cols(STATUS_COLUMNS, 's.')}, s.n - ${sql.raw(STATUS_COLUMNS.map((x) => `s.${x === 'left' ? '"left"' : x}`).join(' - '))}]) AS u(status, n)) x) AS statuses,
        (SELECT json_agg(x) FROM (
          SELECT u.form, u.n FROM sums s, unnest(ARRAY[${list(FORM_COLUMNS.map(([, f]) => f))}], ARRAY[${cols(
            FORM_COLUMNS.map(([col]) => col),
            's.',
          )}]) AS u(form, n)
          UNION ALL
          SELECT f.employment_form, sum(f.n)::int FROM member_form_tally f WHERE ${ownedScopeSql(scope, sql`f.org_id`)} GROUP BY 1) x) AS forms,
        (SELECT s.migrant FROM sums s) AS migrant,
        (SELECT json_agg(x ORDER BY x.code) FROM (
          SELECT ch.id, ch.name, ch.code, coalesce(d.members, 0)::int AS members, coalesce(d.active, 0)::int AS active
          FROM org ch LEFT JOIN (
            SELECT split_part(substr(o.path, ${c.actor.orgPath.length + 1}), '/', 1) AS child, sum(t.n - t."left") AS members, sum(t.active) AS active
            FROM t JOIN org o ON o.id = t.org_id
            WHERE o.path LIKE ${escapeLike(c.actor.orgPath) + '%'} GROUP BY 1) d ON d.child = ch.id::text
          WHERE ch.parent_id = ${c.actor.orgId} AND ch.active AND ${orgScopeSql(scope, sql`ch.path`, sql`ch.id`)}) x) AS by_child`;
}

/**
 * From the counters, the per-union figures (top, lowest rates, employees, unions without members):
 * the active grassroots unions in scope with their counter row. A statement of its own so that it
 * runs beside the counts on a second connection (the city's ~20,000 unions are read by both).
 */
function unitsFromTally(c: Ctx) {
  const scope = c.actor.scope;
  return sql`
      WITH units AS MATERIALIZED (
        SELECT o.id, o.name, o.code, o.employee_count AS employees, coalesce(t.n - t."left", 0) AS members, coalesce(t.active, 0) AS active
        FROM org o LEFT JOIN member_org_tally t ON t.org_id = o.id
        WHERE o.level = 'grassroots' AND o.active AND ${orgScopeSql(scope, sql`o.path`, sql`o.id`)})
      SELECT ${unitFigures()}`;
}

/** The plain aggregate over member (the reference): one pass over the members in scope per union, status and form. */
function fromMembers(c: Ctx) {
  const scope = c.actor.scope;
  return sql`
      WITH agg AS MATERIALIZED (
        SELECT m.org_id, m.status, m.employment_form AS form, count(*)::int AS n, count(*) FILTER (WHERE m.migrant_worker)::int AS migrant
        FROM member m WHERE ${ownedScopeSql(scope, sql`m.org_id`)} GROUP BY 1, 2, 3),
      per_org AS MATERIALIZED (
        SELECT a.org_id, sum(a.n) FILTER (WHERE a.status <> 'left')::int AS members, coalesce(sum(a.n) FILTER (WHERE a.status = 'active'), 0)::int AS active
        FROM agg a GROUP BY a.org_id),
      units AS MATERIALIZED (
        SELECT o.id, o.name, o.code, o.path, o.employee_count AS employees, coalesce(p.members, 0) AS members, coalesce(p.active, 0) AS active
        FROM org o LEFT JOIN per_org p ON p.org_id = o.id
        WHERE o.level = 'grassroots' AND o.active AND ${orgScopeSql(scope, sql`o.path`, sql`o.id`)})
      SELECT
        (SELECT json_agg(x) FROM (SELECT a.status, sum(a.n)::int AS n FROM agg a GROUP BY a.status) x) AS statuses,
        (SELECT json_agg(x) FROM (SELECT a.form, sum(a.n)::int AS n FROM agg a WHERE a.status <> 'left' GROUP BY a.form) x) AS forms,
        (SELECT coalesce(sum(a.migrant), 0)::int FROM agg a WHERE a.status <> 'left') AS migrant,
        (SELECT json_agg(x ORDER BY x.code) FROM (
          SELECT ch.id, ch.name, ch.code, coalesce(sum(p.members), 0)::int AS members, coalesce(sum(p.active), 0)::int AS active
          FROM org ch LEFT JOIN (per_org p JOIN org o ON o.id = p.org_id) ON o.path LIKE ch.path || '%'
          WHERE ch.parent_id = ${c.actor.orgId} AND ch.active AND ${orgScopeSql(scope, sql`ch.path`, sql`ch.id`)}
          GROUP BY ch.id, ch.name, ch.code) x) AS by_child,
        ${unitFigures()}`;
}

/**
 * Where the per (union, status, form) member counts come from: `tally` = the exact counters kept by
 * the database's triggers (member_org_tally; what the route uses), `members` = the plain
 * aggregate over the member table (the reference the tests and the benchmark compare with).
 */
export type FiguresSource = 'tally' | 'members';

export async function memberFigures(c: Ctx, source: FiguresSource = 'tally'): Promise<MemberFiguresBody> {
  const scope = c.actor.scope;
  const today = todayInChina();
  const from = monthStart(today, 11);
  const q = c.database.query.bind(c.database);

  // The member counts (counters: the totals and children in one statement, the per-union figures in
  // another, so the city's two reads of ~20,000 unions run on two connections at once; the plain
  // aggregate: one statement), the events of the last 12 months, the join applications.
  const [one, monthly, applications] = await Promise.all([
    source === 'tally'
      ? Promise.all([q<OneRow>(fromTally(c)), q<OneRow>(unitsFromTally(c))]).then(([[a], [b]]) => [{ ...a!, ...b! }])
      : q<OneRow>(fromMembers(c)),
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
  const knownForms = EMPLOYMENT_FORMS.map((f) => ({ key: f, label: EMPLOYMENT_FORM_LABELS[f].zh, gig: isGigWorker(f), n: formCount.get(f) ?? 0 }));
  // A value outside the vocabulary is not assumed to be a new form of employment.
  const otherForms = forms
    .filter((f) => !(EMPLOYMENT_FORMS as readonly string[]).includes(f.form))
    .map((f) => ({ key: f.form, label: f.form, gig: false, n: f.n }));
  const formList = [...knownForms, ...otherForms];

  const byMonth = new Map(monthly.map((m) => [m.month, m]));
  const months = Array.from({ length: 12 }, (_, i) => monthStart(today, 11 - i).slice(0, 7)).map((month) => ({
    month,
    joins: byMonth.get(month)?.joins ?? 0,
    leavers: byMonth.get(month)?.leavers ?? 0,
  }));

  const round4 = (x: number) => Math.round(x * 10000) / 10000;
  return {
    asOf: today,
    totals: { all, holding: all - totals.left, ...totals },
    byUnion: { top, byChild },
    byEmploymentForm: {
      standard: formCount.get('standard' satisfies EmploymentForm) ?? 0,
      gig: formList.filter((f) => f.gig).reduce((a, f) => a + f.n, 0),
      unknown: formCount.get('unknown' satisfies EmploymentForm) ?? 0,
      otherEmployees: formList.filter((f) => !f.gig && f.key !== 'standard' && f.key !== 'unknown').reduce((a, f) => a + f.n, 0),
      migrantWorkers: r.migrant,
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
