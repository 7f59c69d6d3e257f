import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { captureStatements, createTestEnv, type TestClient, type TestEnv } from '../../test/harness.js';
import { memberFigures, monthStart, TALLY_COLUMN_FORMS, type MemberFiguresBody } from './member-figures.js';
import { todayInChina } from '../../../../common/src/dates.js';
import { loadActor } from '../auth/session.js';
import { addMember, demoOrgs, freshId, type DemoOrgs } from './join/fixtures.js';
import { makeId, multipartBody, xlsxOf } from './import/roster-fixtures.js';
import { waitForImport } from './import/import.service.js';

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
  expect(f.totals).toEqual({
    all: e.t.all,
    holding: e.t.all! - e.t.left!,
    active: e.t.active,
    retained: e.t.retained,
    transferring: e.t.transferring,
    left: e.t.left,
  });
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

describe('member_org_tally (the counters behind the figures) stays exact through every kind of member write', () => {
  let o: DemoOrgs;
  let cities: TestClient;

  /** Every counter equals a direct count over member, and nothing else is in the counter tables. */
  async function expectTallyExact(when: string) {
    const forms = TALLY_COLUMN_FORMS.map((f) => sql.raw(`count(*) FILTER (WHERE status <> 'left' AND employment_form = '${f}')::int`));
    const diff = await q(sql`
      WITH a AS (
        SELECT org_id, count(*)::int AS n, count(*) FILTER (WHERE status = 'active')::int AS active, count(*) FILTER (WHERE status = 'retained')::int AS retained,
               count(*) FILTER (WHERE status = 'transferring')::int AS transferring, count(*) FILTER (WHERE status = 'left')::int AS "left",
               count(*) FILTER (WHERE status <> 'left' AND migrant_worker)::int AS migrant, ${sql.join(forms, sql`, `)}
        FROM member GROUP BY org_id),
           b AS (SELECT org_id, n, active, retained, transferring, "left", migrant, ${sql.raw(TALLY_COLUMN_FORMS.map((f) => 'f_' + f).join(', '))} FROM member_org_tally)
      (SELECT 'missing' AS d, * FROM (SELECT * FROM a EXCEPT ALL SELECT * FROM b) x) UNION ALL (SELECT 'extra', * FROM (SELECT * FROM b EXCEPT ALL SELECT * FROM a) y)`);
    expect(diff, when).toEqual([]);
    const odd = await q(sql`
      WITH a AS (SELECT org_id, employment_form, count(*)::int AS n FROM member
                 WHERE status <> 'left' AND employment_form NOT IN (${sql.join(
                   TALLY_COLUMN_FORMS.map((f) => sql`${f}`),
                   sql`, `,
                 )}) GROUP BY 1, 2),
           b AS (SELECT org_id, employment_form, n FROM member_form_tally)
      (SELECT * FROM a EXCEPT ALL SELECT * FROM b) UNION ALL (SELECT * FROM b EXCEPT ALL SELECT * FROM a)`);
    expect(odd, when).toEqual([]);
  }

  /** The route's figures (from the counters) equal the plain aggregate over member, for the city, a district and a union. */
  async function expectFiguresExact(when: string) {
    for (const c of [cities, district, chair]) {
      const actor = await loadActor(env.services, c.cookie.replace(/^gh_sid=/, ''));
      if (!actor || actor === 'expired') throw new Error('no session');
      const plain = await memberFigures({ ...env.services, actor, ip: '127.0.0.1' }, 'members');
      expect(await figures(c), when).toEqual(plain);
    }
  }

  async function check(when: string) {
    await expectTallyExact(when);
    await expectFiguresExact(when);
  }

  async function importRoster(client: TestClient, orgId: string, rows: unknown[][]) {
    const content = await xlsxOf([['姓名', '身份证号', '用工形式', '是否农民工', '入会时间'], ...rows], { textColumns: [2] });
    const mp = multipartBody({ orgId }, { name: 'tally.xlsx', content });
    const up = await client.request('POST', '/api/member-imports', mp.body, { 'content-type': mp.contentType });
    expect(up.statusCode, up.body).toBe(202);
    const id = up.json().batchId as string;
    await waitForImport(id);
    const res = await client.post(`/api/member-imports/${id}/commit`);
    if (res.statusCode !== 202) throw new Error(res.body);
    await waitForImport(id);
    return (await client.get(`/api/member-imports/${id}`)).json() as { status: string; created: number; updated: number };
  }

  beforeAll(async () => {
    o = await demoOrgs(env);
    cities = admin;
  });

  it('starts exact: the migration backfilled and the demo seed went through the triggers', async () => {
    const [n] = await q<{ n: number }>(sql`SELECT count(*)::int AS n FROM member_org_tally`);
    expect(n!.n).toBeGreaterThan(0);
    await check('after the seed');
  });

  it('create, edit, retain, leave, reactivate, transfer (completed and rejected), import (new, update, rejoin), delete, truncate', async () => {
    const ids = { a: freshId(), b: freshId('F'), c: freshId(), d: freshId('F') };
    // create
    const a = await addMember(admin, o.g1.id, ids.a, { name: '周一', employmentForm: '标准劳动关系职工', migrantWorker: false });
    const b = await addMember(admin, o.g1.id, ids.b, { name: '吴二', employmentForm: '外卖骑手', migrantWorker: true });
    const c = await addMember(admin, o.g1b.id, ids.c, { name: '郑三', employmentForm: '快递员', migrantWorker: true });
    const d = await addMember(admin, o.g2.id, ids.d, { name: '王四', employmentForm: '家政服务员', migrantWorker: false });
    await check('after creates');
    const version = async (id: string) => (await admin.get(`/api/members/${id}`)).json().version as number;
    // edit: form and migrant flag change
    const edit = await admin.put(`/api/members/${a}`, {
      version: await version(a),
      fields: { name: '周一', employmentForm: '网约车司机', migrantWorker: true, joinDate: '2024-03-01' },
    });
    expect(edit.statusCode, edit.body).toBe(200);
    await check('after an edit of form and migrant flag');
    // status changes
    const status = async (id: string, kind: string) => {
      const res = await admin.post(`/api/members/${id}/status`, { kind, onDate: todayInChina(), reason: '测试', version: await version(id) });
      expect(res.statusCode, res.body).toBe(200);
    };
    await status(b, 'retained');
    await check('after retained');
    await status(b, 'reactivated');
    await check('after reactivation');
    await status(b, 'retained');
    await status(b, 'left');
    await status(d, 'left');
    await check('after leaving');
    // transfer g1b → g2: transferring, then completed
    const t1 = await admin.post('/api/transfers', { memberId: c, toOrgId: o.g2.id, reason: '调动到新单位工作' });
    expect(t1.statusCode, t1.body).toBe(201);
    await check('while transferring');
    expect((await admin.post(`/api/transfers/${t1.json().id}/confirm`)).json().status).toBe('completed');
    await check('after a completed transfer');
    // transfer rejected: back to the previous status in the old union
    const t2 = await admin.post('/api/transfers', { memberId: a, toOrgId: o.g2.id, reason: '调动到新单位工作' });
    expect(t2.statusCode, t2.body).toBe(201);
    expect((await admin.post(`/api/transfers/${t2.json().id}/reject`, { reason: '本单位未录用该人员' })).statusCode).toBe(200);
    await check('after a rejected transfer');
    // import into g2: two new people, an update of a member of g2 (c, now there), the leaver d rejoining
    const batch = await importRoster(admin, o.g2.id, [
      ['钱五', makeId('1991-02-03', 11), '快递员', '是', '2025-05-01'],
      ['孙六', makeId('1992-04-05', 12), '标准劳动关系职工', '否', '2025-06-01'],
      ['郑三', ids.c, '标准劳动关系职工', '否', '2024-03-01'],
      ['王四', ids.d, '保安员', '是', '2025-07-01'],
    ]);
    expect(batch, JSON.stringify(batch)).toMatchObject({ status: 'done', created: 3, updated: 1 });
    await check('after an import commit');
    // hand-written SQL: a multi-row update across unions, and a delete
    await q(
      sql`UPDATE member SET status = 'retained' WHERE id IN (SELECT id FROM member WHERE org_id IN (${o.g1.id}, ${o.g2.id}) AND status = 'active' ORDER BY id LIMIT 5)`,
    );
    await q(sql`UPDATE member SET migrant_worker = NOT migrant_worker WHERE org_id = ${o.g1b.id}`);
    await check('after hand-written updates');
    await q(sql`DELETE FROM member WHERE id = ${b}`);
    await check('after a delete');
    // a form outside the vocabulary (only hand-written SQL can store one): counted apart, listed under its own key
    await q(
      sql`UPDATE member SET employment_form = 'street_vendor' WHERE id IN (SELECT id FROM member WHERE org_id = ${o.g2.id} AND status <> 'left' ORDER BY id LIMIT 2)`,
    );
    await check('after storing an unknown employment form');
    expect((await figures(cities)).byEmploymentForm.forms.find((f) => f.key === 'street_vendor')).toMatchObject({ n: 2, gig: false }); // a value outside the vocabulary is counted as itself, not assumed to be a new form;
    await q(sql`UPDATE member SET employment_form = 'standard' WHERE employment_form = 'street_vendor'`);
    await check('after putting it back');
    expect(await q(sql`SELECT * FROM member_form_tally`)).toEqual([]);
  });

  it('an org moved in the tree needs nothing: counters are per union, the path is read at query time', async () => {
    // Move g1b from D01 under D02's first street (and its path with it), then back.
    const [g1b] = await q<{ path: string; parent_id: string }>(sql`SELECT path, parent_id FROM org WHERE id = ${o.g1b.id}`);
    await q(sql`UPDATE org SET parent_id = ${o.street2.id}, path = ${o.street2.path} || ${o.g1b.id}::text || '/' WHERE id = ${o.g1b.id}`);
    try {
      await check('after moving a union to another district');
    } finally {
      await q(sql`UPDATE org SET parent_id = ${g1b!.parent_id}, path = ${g1b!.path} WHERE id = ${o.g1b.id}`);
    }
    await check('after moving it back');
  });

  it('TRUNCATE member empties the tally', async () => {
    await q(sql`CREATE TABLE member_keep AS SELECT * FROM member`); // not TEMP: the pool may hand out another connection
    await q(sql`TRUNCATE member`);
    await check('after TRUNCATE');
    await q(sql`INSERT INTO member SELECT * FROM member_keep`);
    await q(sql`DROP TABLE member_keep`);
    await check('after re-inserting everything (one statement, one grouped delta)');
  });
});

describe('query plan', () => {
  it("the city's last 12 months of events is a range scan on membership_event_date_idx, not a scan of every event", async () => {
    const actor = await loadActor(env.services, admin.cookie.replace(/^gh_sid=/, ''));
    if (!actor || actor === 'expired') throw new Error('no session');
    const seen = await captureStatements(env.services, () => memberFigures({ ...env.services, actor, ip: '127.0.0.1' }));
    const events = seen.find((s) => s.text.includes('FROM membership_event'))!;
    expect(events).toBeDefined();
    // Sequential scans priced out, so the plan shows whether an index can serve the date range at all.
    const plan = await env.services.db.transaction(async (tx) => {
      await tx.execute(sql`SET LOCAL enable_seqscan = off`);
      const literal = events.text.replace(/\$(\d+)/g, (_, i) => `'${String(events.params[Number(i) - 1]).replace(/'/g, "''")}'`);
      const r = (await tx.execute(sql.raw(`EXPLAIN (FORMAT JSON) ${literal}`))) as unknown as { rows: Record<string, unknown>[] } | Record<string, unknown>[];
      const rows = Array.isArray(r) ? r : r.rows;
      const raw = Object.values(rows[0]!)[0];
      return JSON.stringify(typeof raw === 'string' ? JSON.parse(raw) : raw);
    });
    expect(plan).toContain('"Index Name":"membership_event_date_idx"');
    expect(plan).toContain('"Index Cond"');
  });
});
