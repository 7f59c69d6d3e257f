import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestEnv, type TestClient, type TestEnv } from '../../test/harness.js';
import { monthStart, type MemberFiguresBody } from './member-figures.js';
import { todayInChina } from '../../../../common/src/dates.js';

let env: TestEnv;
let admin: TestClient;
let district: TestClient;
let chair: TestClient;
let d01: { id: string; path: string };
let chairOrg: string;

const q = <T = Record<string, unknown>>(s: ReturnType<typeof sql>) => env.services.database.query<T>(s);

beforeAll(async () => {
  env = await createTestEnv();
  [admin, district, chair] = await Promise.all([env.login('admin'), env.login('district'), env.login('grassroots')]);
  [d01] = (await q<{ id: string; path: string }>(sql`SELECT id, path FROM org WHERE code = 'D01'`)) as [{ id: string; path: string }];
  chairOrg = (await q<{ org_id: string }>(sql`SELECT org_id FROM app_user WHERE username = 'grassroots'`))[0]!.org_id;
});
afterAll(async () => {
  await env?.close();
});

async function figures(c: TestClient): Promise<MemberFiguresBody> {
  const res = await c.get('/api/dashboard/members');
  expect(res.statusCode).toBe(200);
  return res.json();
}

/** The same figures straight from SQL for the members of orgs matching `orgWhere` (an SQL predicate on org o). */
async function expected(orgWhere: ReturnType<typeof sql>) {
  const [t] = await q<Record<string, number>>(sql`
    SELECT count(*)::int AS all, count(*) FILTER (WHERE m.status = 'active')::int AS active, count(*) FILTER (WHERE m.status = 'retained')::int AS retained,
           count(*) FILTER (WHERE m.status = 'transferring')::int AS transferring, count(*) FILTER (WHERE m.status = 'left')::int AS left,
           count(*) FILTER (WHERE m.status <> 'left' AND m.employment_form <> 'standard')::int AS gig,
           count(*) FILTER (WHERE m.status <> 'left' AND m.employment_form = 'standard')::int AS standard
    FROM member m JOIN org o ON o.id = m.org_id WHERE ${orgWhere}`);
  const from = monthStart(todayInChina(), 11);
  const [ev] = await q<{ joins: number; leavers: number }>(sql`
    SELECT count(*) FILTER (WHERE e.kind IN ('joined', 'rejoined', 'transferred_in'))::int AS joins,
           count(*) FILTER (WHERE e.kind IN ('left', 'transferred_out'))::int AS leavers
    FROM membership_event e JOIN org o ON o.id = e.org_id WHERE ${orgWhere} AND e.on_date >= ${from} AND e.on_date <= ${todayInChina()}`);
  const [empty] = await q<{ n: number }>(sql`
    SELECT count(*)::int AS n FROM org o WHERE o.level = 'grassroots' AND o.active AND ${orgWhere}
      AND NOT EXISTS (SELECT 1 FROM member m WHERE m.org_id = o.id AND m.status <> 'left')`);
  const [rate] = await q<{ employees: number; active: number }>(sql`
    SELECT (SELECT coalesce(sum(o.employee_count), 0) FROM org o WHERE o.level = 'grassroots' AND o.active AND o.employee_count > 0 AND ${orgWhere})::float8 AS employees,
           (SELECT count(*) FROM member m JOIN org o ON o.id = m.org_id WHERE m.status = 'active' AND o.level = 'grassroots' AND o.employee_count > 0 AND ${orgWhere})::float8 AS active`);
  const [apps] = await q<{ pending: number; overdue: number }>(sql`
    SELECT count(*)::int AS pending, count(*) FILTER (WHERE a.due_on < ${todayInChina()})::int AS overdue
    FROM join_application a JOIN org o ON o.id = a.org_id WHERE a.status = 'pending' AND ${orgWhere}`);
  return { t: t!, ev: ev!, empty: empty!.n, rate: rate!, apps: apps! };
}

function expectMatches(f: MemberFiguresBody, e: Awaited<ReturnType<typeof expected>>) {
  expect(f.totals).toEqual({ all: e.t.all, holding: e.t.all! - e.t.left!, active: e.t.active, retained: e.t.retained, transferring: e.t.transferring, left: e.t.left });
  expect(f.byEmploymentForm.gig).toBe(e.t.gig);
  expect(f.byEmploymentForm.standard).toBe(e.t.standard);
  expect(f.byEmploymentForm.forms.reduce((a, x) => a + x.n, 0)).toBe(e.t.gig! + e.t.standard!);
  expect(f.monthly).toHaveLength(12);
  expect(f.monthly.reduce((a, m) => a + m.joins, 0)).toBe(e.ev.joins);
  expect(f.monthly.reduce((a, m) => a + m.leavers, 0)).toBe(e.ev.leavers);
  expect(f.withoutMembers.count).toBe(e.empty);
  expect(f.membershipRate.employees).toBe(e.rate.employees);
  expect(f.membershipRate.activeMembers).toBe(e.rate.active);
  expect(f.applications.pending).toBe(e.apps.pending);
  expect(f.applications.overdue).toBe(e.apps.overdue);
}

describe('GET /api/dashboard/members', () => {
  it('gives the whole city to the city admin, matching direct SQL counts', async () => {
    const f = await figures(admin);
    expectMatches(f, await expected(sql`true`));
    expect(f.totals.all).toBe(2000);
    expect(f.totals.retained).toBeGreaterThan(0);
    expect(f.totals.left).toBeGreaterThan(0);
    expect(f.totals.transferring).toBeGreaterThan(0);
    expect(f.byEmploymentForm.gig).toBeGreaterThan(0);
    expect(f.monthly.map((m) => m.month)).toEqual([...f.monthly.map((m) => m.month)].sort());
    expect(f.monthly.at(-1)!.month).toBe(todayInChina().slice(0, 7));
    expect(f.applications.pending).toBeGreaterThan(0);
    expect(f.applications.overdue).toBeGreaterThan(0);
    expect(f.withoutMembers.count).toBeGreaterThan(0);
    expect(f.withoutMembers.first.length).toBe(Math.min(20, f.withoutMembers.count));
    // The districts are the city's children; together they hold every member.
    expect(f.byUnion.byChild).toHaveLength(8);
    expect(f.byUnion.byChild.reduce((a, c) => a + c.members, 0)).toBe(f.totals.holding);
    const top = f.byUnion.top;
    expect(top).toHaveLength(20);
    expect(top.map((u) => u.members)).toEqual([...top.map((u) => u.members)].sort((a, b) => b - a));
    const [first] = await q<{ n: number }>(sql`SELECT count(*)::int AS n FROM member WHERE org_id = ${top[0]!.id} AND status <> 'left'`);
    expect(top[0]!.members).toBe(first!.n);
  });

  it('lists the lowest membership rates among unions with at least 25 employees', async () => {
    const f = await figures(admin);
    const rates = f.membershipRate.lowest;
    expect(rates.length).toBeGreaterThan(0);
    expect(rates.map((r) => r.rate)).toEqual([...rates.map((r) => r.rate)].sort((a, b) => a - b));
    for (const r of rates) {
      expect(r.employees).toBeGreaterThanOrEqual(25);
      expect(r.active).toBeGreaterThan(0);
      const [n] = await q<{ n: number }>(sql`SELECT count(*)::int AS n FROM member WHERE org_id = ${r.id} AND status = 'active'`);
      expect(r.active).toBe(n!.n);
      expect(r.rate).toBeCloseTo(r.active / r.employees, 4);
    }
    expect(f.membershipRate.overall).toBeCloseTo(f.membershipRate.activeMembers / f.membershipRate.employees, 4);
  });

  it('keeps a district admin inside their district', async () => {
    const f = await figures(district);
    expectMatches(f, await expected(sql`o.path LIKE ${d01.path + '%'}`));
    const city = await figures(admin);
    expect(f.totals.holding).toBe(city.byUnion.byChild.find((c) => c.id === d01.id)!.members);
    expect(f.totals.all).toBeLessThan(city.totals.all);
    const inD01 = new Set((await q<{ id: string }>(sql`SELECT id FROM org WHERE path LIKE ${d01.path + '%'}`)).map((r) => r.id));
    for (const u of [...f.byUnion.top, ...f.byUnion.byChild, ...f.membershipRate.lowest, ...f.withoutMembers.first]) expect(inD01.has(u.id)).toBe(true);
    // The district's children are its streets and parks.
    const [streets] = await q<{ n: number }>(sql`SELECT count(*)::int AS n FROM org WHERE parent_id = ${d01.id}`);
    expect(f.byUnion.byChild).toHaveLength(streets!.n);
  });

  it('shows a grassroots chair only their own union', async () => {
    const f = await figures(chair);
    expectMatches(f, await expected(sql`o.id = ${chairOrg}`));
    expect(f.totals.all).toBeGreaterThan(0);
    expect(f.byUnion.top.map((u) => u.id)).toEqual([chairOrg]);
    expect(f.byUnion.byChild).toEqual([]);
  });
});
