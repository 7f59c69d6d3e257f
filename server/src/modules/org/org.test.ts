import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type SQL } from 'drizzle-orm';
import { termStatus } from '../../../../common/src/org.js';
import { todayInChina } from '../../../../common/src/dates.js';
import { usccCheckChar } from '../../../../common/src/uscc.js';
import { generateDemoCity } from '../../seed/demo-city.js';
import { createTestEnv, type TestClient, type TestEnv } from '../../test/harness.js';

/** The organisation tree as its administrators use it: create, edit, move, (de)activate, find. */

let env: TestEnv;
let admin: TestClient;
let district: TestClient;
let rows: <T>(q: SQL) => Promise<T[]>;
type Org = {
  id: string;
  path: string;
  name: string;
  code: string;
  version: number;
  parent_id: string | null;
  level: string;
  depth: number;
  uscc: string | null;
};
let city: Org, d01: Org, d02: Org, street: Org;

const uscc = (body17: string) => body17 + usccCheckChar(body17)!;
const orgBy = async (where: SQL) =>
  (await rows<Org>(sql`SELECT id, path, name, code, version, parent_id, level, depth, uscc FROM org WHERE ${where} ORDER BY code LIMIT 1`))[0]!;
const count = async (q: SQL) => (await rows<{ n: number }>(q))[0]!.n;

beforeAll(async () => {
  env = await createTestEnv();
  rows = <T>(q: SQL) => env.services.database.query<T>(q);
  admin = await env.login('admin');
  district = await env.login('district');
  city = await orgBy(sql`level = 'city'`);
  d01 = await orgBy(sql`code = 'D01'`);
  d02 = await orgBy(sql`code = 'D02'`);
  street = await orgBy(sql`code = 'D01S02'`);
});
afterAll(async () => {
  await env?.close();
});

/** A valid creation body for a grassroots union under `parentId`. */
const grassroots = (parentId: string, code: string, extra: Record<string, unknown> = {}) => ({
  parentId,
  level: 'grassroots',
  kind: 'enterprise',
  code,
  name: `江城${code}科技有限公司工会`,
  employerName: `江城${code}科技有限公司`,
  regionCode: '439902',
  employeeCount: 120,
  chairName: '王芳',
  termStart: '2024-05-01',
  termYears: 5,
  ...extra,
});
/** The PUT body that keeps everything of an org as it is. */
const keep = (o: Record<string, unknown>) => {
  const {
    level,
    kind,
    code,
    name,
    employerName,
    uscc: u,
    regionCode,
    industry,
    employeeCount,
    foundedOn,
    chairName,
    termStart,
    termYears,
    hasWomenCommittee,
    version,
  } = o;
  return {
    level,
    kind,
    code,
    name,
    employerName,
    uscc: u,
    regionCode,
    industry,
    employeeCount,
    foundedOn,
    chairName,
    termStart,
    termYears,
    hasWomenCommittee,
    version,
  };
};

describe('reelection warnings', () => {
  it('termStatus filters find exactly the terms the demo seed made expired or expiring', async () => {
    const today = todayInChina();
    const seeded = generateDemoCity().map((o) => termStatus(o.termStart, o.termYears, today, 90));
    const expected = { expired: seeded.filter((s) => s === 'expired').length, expiring: seeded.filter((s) => s === 'expiring').length };
    expect(expected.expired).toBeGreaterThanOrEqual(60); // 3 % of 2,000 grassroots at the reference date, and only more later
    for (const [filter, n] of [
      ['expired', expected.expired],
      ['expiring', expected.expiring],
      ['due', expected.expired + expected.expiring],
    ] as const) {
      const res = (await admin.get(`/api/orgs?termStatus=${filter}&pageSize=200&sort=termEnd`)).json();
      expect(res.total, filter).toBe(n);
      for (const o of res.items) expect(filter === 'due' ? ['expired', 'expiring'] : [filter]).toContain(o.termStatus);
    }
    const dash = (await admin.get('/api/dashboard/orgs')).json();
    expect(dash).toMatchObject({ termExpired: expected.expired, termExpiring: expected.expiring });
    // The district sees its own share only.
    const mine = (await district.get('/api/orgs?termStatus=due&pageSize=1')).json().total;
    expect(mine).toBe(await count(sql`SELECT count(*)::int AS n FROM org WHERE active AND path LIKE ${d01.path + '%'} AND term_end <= ${today}::date + 90`));
  });

  it("gives the dashboard figures of the caller's scope and of each child, as counted directly", async () => {
    const soon = sql`${todayInChina()}::date + 90`;
    for (const [who, client, root] of [
      ['city', admin, city],
      ['district', district, d01],
    ] as const) {
      const dash = (await client.get('/api/dashboard/orgs')).json();
      const under = sql`active AND path LIKE ${root.path + '%'}`;
      const [t] = await rows<Record<string, number>>(sql`
        SELECT count(*)::int AS total, count(*) FILTER (WHERE level = 'grassroots')::int AS grassroots,
               count(*) FILTER (WHERE level = 'grassroots' AND chair_name IS NULL)::int AS without_chair,
               coalesce(sum(employee_count) FILTER (WHERE level = 'grassroots'), 0)::int AS employees
        FROM org WHERE ${under}`);
      expect(dash, who).toMatchObject({ totalOrgs: t!.total, grassroots: t!.grassroots, withoutChair: t!.without_chair, employees: t!.employees });
      const byLevel = await rows<{ key: string; n: number }>(sql`SELECT level AS key, count(*)::int AS n FROM org WHERE ${under} GROUP BY 1`);
      expect(
        [...dash.byLevel].sort((a: { key: string }, b: { key: string }) => a.key.localeCompare(b.key)),
        who,
      ).toEqual(byLevel.sort((a, b) => a.key.localeCompare(b.key)));
      const children = await rows<Org>(sql`SELECT id, path, name, code FROM org WHERE parent_id = ${root.id} AND active ORDER BY code`);
      expect(
        dash.byChild.map((b: { id: string }) => b.id),
        who,
      ).toEqual(children.map((ch) => ch.id));
      for (const ch of children.slice(0, 3)) {
        const [e] = await rows<{ grassroots: number; without_chair: number; term_due: number }>(sql`
          SELECT count(*) FILTER (WHERE level = 'grassroots')::int AS grassroots, count(*) FILTER (WHERE level = 'grassroots' AND chair_name IS NULL)::int AS without_chair,
                 count(*) FILTER (WHERE term_end <= ${soon})::int AS term_due
          FROM org WHERE active AND path LIKE ${ch.path + '%'}`);
        expect(
          dash.byChild.find((b: { id: string }) => b.id === ch.id),
          `${who} ${ch.code}`,
        ).toEqual({ id: ch.id, name: ch.name, grassroots: e!.grassroots, withoutChair: e!.without_chair, termDue: e!.term_due });
      }
    }
  });

  it('lists grassroots unions without a chair', async () => {
    const n = generateDemoCity().filter((o) => o.level === 'grassroots' && o.chairName === null).length;
    expect((await admin.get('/api/orgs?noChair=true&pageSize=1')).json().total).toBe(n);
  });
});

describe('creating', () => {
  it('creates a grassroots union under a street, normalising the credit code', async () => {
    const code = uscc('91439902MA0000001');
    const res = await district.post('/api/orgs', grassroots(street.id, 'T0001', { uscc: code.toLowerCase() }));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      parentId: street.id,
      parentName: street.name,
      depth: street.depth + 1,
      level: 'grassroots',
      uscc: code,
      termEnd: '2029-05-01',
      termStatus: 'ok',
      active: true,
      version: 1,
    });
    const detail = (await district.get(`/api/orgs/${res.json().id}`)).json();
    expect(detail.ancestors.map((a: { id: string }) => a.id)).toEqual([city.id, d01.id, street.id]);
    expect(detail.can).toEqual({ edit: true, move: true, deactivate: true, addChild: false });
    const [entry] = await rows<{ actor_name: string; changes: Record<string, unknown> }>(
      sql`SELECT actor_name, changes FROM audit_log WHERE action = 'org.create' AND entity_id = ${res.json().id}`,
    );
    expect(entry).toMatchObject({ actor_name: 'district', changes: { code: 'T0001', uscc: code, parentId: street.id } });
  });

  it('refuses a wrong credit code with a Chinese message naming 统一社会信用代码', async () => {
    const good = uscc('91439902MA0000002');
    const bad = [good.slice(0, 17) + (good[17] === '0' ? '1' : '0'), good.slice(0, 17), good.slice(0, 16) + 'I' + good[17]];
    for (const u of bad) {
      const res = await district.post('/api/orgs', grassroots(street.id, 'T0002', { uscc: u }));
      expect(res.statusCode, u).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
      expect(res.json().message).toContain('统一社会信用代码');
      expect(res.json().details.fields[0].path).toBe('body.uscc');
    }
  });

  it('refuses a duplicate code or credit code, naming an org outside the scope only masked', async () => {
    const dupCode = await district.post('/api/orgs', grassroots(street.id, 'T0001'));
    expect(dupCode.statusCode).toBe(409);
    expect(dupCode.json()).toMatchObject({ code: 'CONFLICT', details: { field: 'code' } });
    expect(dupCode.json().message).toContain('江城T0001科技有限公司工会'); // in scope: named
    const other = await orgBy(sql`path LIKE ${d02.path + '%'} AND level = 'grassroots'`);
    const dupUscc = await district.post('/api/orgs', grassroots(street.id, 'T0003', { uscc: other.uscc }));
    expect(dupUscc.statusCode).toBe(409);
    expect(dupUscc.json().details).toEqual({ field: 'uscc' });
    expect(dupUscc.json().message).not.toContain(other.name);
    expect(dupUscc.json().message).toContain(other.name.slice(0, 2) + '****');
    expect((await district.post('/api/orgs', grassroots(street.id, 'D02'))).json().message).not.toContain(d02.name);
  });

  it('keeps the level rules: below the parent, nothing under a grassroots union, a kind for grassroots', async () => {
    const leaf = await orgBy(sql`parent_id = ${street.id} AND level = 'grassroots'`);
    const cases = [
      grassroots(leaf.id, 'T0004'),
      { ...grassroots(street.id, 'T0005'), level: 'street', kind: null },
      { ...grassroots(street.id, 'T0006'), kind: null },
    ];
    for (const body of cases) {
      const res = await district.post('/api/orgs', body);
      expect(res.statusCode, body.code).toBe(400);
      expect(res.json().code).toBe('INVALID_INPUT');
    }
    // Changing a level must keep it above its children too.
    const d01Now = (await district.get(`/api/orgs/${d01.id}`)).json();
    const demote = await district.put(`/api/orgs/${d01.id}`, { ...keep(d01Now), level: 'street' });
    expect(demote.statusCode).toBe(400);
    expect(demote.json().message).toBe('新层级必须高于其下级组织的层级');
    const streetNow = (await district.get(`/api/orgs/${street.id}`)).json();
    expect((await district.put(`/api/orgs/${street.id}`, { ...keep(streetNow), level: 'grassroots', kind: 'joint' })).statusCode).toBe(400);
  });
});

describe('editing', () => {
  it('saves changed fields, audits exactly those, and refuses a stale version with 409', async () => {
    const [{ id }] = (await rows<{ id: string }>(sql`SELECT id FROM org WHERE code = 'T0001'`)) as [{ id: string }];
    const before = (await district.get(`/api/orgs/${id}`)).json();
    const res = await district.put(`/api/orgs/${id}`, { ...keep(before), name: '江城新名称科技有限公司工会', chairName: '李强', employeeCount: 130 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ name: '江城新名称科技有限公司工会', chairName: '李强', version: before.version + 1 });
    const [entry] = await rows<{ changes: Record<string, unknown> }>(
      sql`SELECT changes FROM audit_log WHERE action = 'org.update' AND entity_id = ${id} ORDER BY seq DESC LIMIT 1`,
    );
    expect(entry!.changes).toEqual({
      name: { from: before.name, to: '江城新名称科技有限公司工会' },
      chairName: { from: '王芳', to: '李强' },
      employeeCount: { from: 120, to: 130 },
    });
    const stale = await district.put(`/api/orgs/${id}`, { ...keep(before), name: '另一个人的修改' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'VERSION_CONFLICT', message: '该记录已被他人修改，请刷新后重试' });
    expect((await district.get(`/api/orgs/${id}`)).json().name).toBe('江城新名称科技有限公司工会');
  });
});

describe('moving', () => {
  it('moves a street with all its grassroots unions to another district in one step', async () => {
    const mover = await orgBy(sql`code = 'D01S03'`);
    const subtree = await rows<{ id: string; depth: number }>(sql`SELECT id, depth FROM org WHERE path LIKE ${mover.path + '%'} ORDER BY id`);
    expect(subtree.length).toBeGreaterThan(10);
    const total = (under: string) => admin.get(`/api/orgs?under=${under}&active=all&pageSize=1`).then((r) => r.json().total as number);
    const [inD01, inD02] = [await total(d01.id), await total(d02.id)];
    const dashBefore = (await district.get('/api/dashboard/orgs')).json().totalOrgs;

    const res = await admin.post(`/api/orgs/${mover.id}/move`, { parentId: d02.id, version: mover.version });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ parentId: d02.id, parentName: d02.name, version: mover.version + 1 });

    const after = await rows<{ id: string; depth: number; path: string }>(
      sql`SELECT id, depth, path FROM org WHERE id IN (${sql.join(
        subtree.map((o) => sql`${o.id}::uuid`),
        sql`, `,
      )}) ORDER BY id`,
    );
    for (const [i, o] of after.entries()) {
      expect(o.path.startsWith(`${d02.path}${mover.id}/`)).toBe(true);
      expect(o.depth).toBe(subtree[i]!.depth);
    }
    expect([await total(d01.id), await total(d02.id)]).toEqual([inD01 - subtree.length, inD02 + subtree.length]);
    expect((await district.get('/api/dashboard/orgs')).json().totalOrgs).toBe(dashBefore - subtree.length);
    expect((await district.get(`/api/orgs/${mover.id}`)).statusCode).toBe(404);
    const [entry] = await rows<{ detail: string }>(sql`SELECT detail FROM audit_log WHERE action = 'org.move' AND entity_id = ${mover.id}`);
    expect(entry!.detail).toBe(`moved ${subtree.length} organisation(s) from “${d01.name}” to “${d02.name}”`);
  });

  it('cannot move an org under itself or its descendants, nor the top of one’s own scope', async () => {
    const s = await orgBy(sql`code = 'D01S04'`);
    const child = await orgBy(sql`parent_id = ${s.id}`);
    for (const target of [s.id, child.id]) {
      const res = await district.post(`/api/orgs/${s.id}/move`, { parentId: target, version: s.version });
      expect(res.statusCode).toBe(400);
      expect(res.json().message).toBe('不能迁移到自身或其下级组织之下');
    }
    const top = await district.post(`/api/orgs/${d01.id}/move`, { parentId: d01.id, version: d01.version });
    expect(top.statusCode).toBe(403);
    expect((await district.get(`/api/orgs/${d01.id}`)).json().can).toMatchObject({ move: false, deactivate: false });
  });
});

describe('deactivating', () => {
  it('refuses while active children exist; deactivates and reactivates a leaf; keeps the credit code unique', async () => {
    const s = await orgBy(sql`code = 'D01S05'`);
    const busy = await district.post(`/api/orgs/${s.id}/deactivate`, { version: s.version });
    expect(busy.statusCode).toBe(409);
    expect(busy.json().code).toBe('HAS_ACTIVE_CHILDREN');

    const leaf = await orgBy(sql`parent_id = ${s.id} AND level = 'grassroots'`);
    const off = await district.post(`/api/orgs/${leaf.id}/deactivate`, { version: leaf.version });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json()).toMatchObject({ active: false, version: leaf.version + 1 });
    expect((await district.get(`/api/orgs?q=${leaf.code}`)).json().total).toBe(0);
    expect((await district.get(`/api/orgs?q=${leaf.code}&active=false`)).json().total).toBe(1);
    expect((await district.post(`/api/orgs/${leaf.id}/deactivate`, { version: leaf.version + 1 })).statusCode).toBe(400);

    // While it is inactive its credit code is free; taking it blocks the reactivation.
    const twin = await district.post('/api/orgs', grassroots(s.id, 'T0010', { uscc: leaf.uscc }));
    expect(twin.statusCode, twin.body).toBe(201);
    const blocked = await district.post(`/api/orgs/${leaf.id}/reactivate`, { version: leaf.version + 1 });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().details).toEqual({ field: 'uscc' });
    expect((await district.post(`/api/orgs/${twin.json().id}/deactivate`, { version: 1 })).statusCode).toBe(200);
    const on = await district.post(`/api/orgs/${leaf.id}/reactivate`, { version: leaf.version + 1 });
    expect(on.statusCode).toBe(200);
    expect(on.json().active).toBe(true);
    const actions = await rows<{ action: string }>(sql`SELECT action FROM audit_log WHERE entity_id = ${leaf.id} ORDER BY seq`);
    expect(actions.map((a) => a.action)).toEqual(['org.deactivate', 'org.reactivate']);
  });

  it('the top of one’s own scope is for the level above to (de)activate', async () => {
    const res = await district.post(`/api/orgs/${d01.id}/deactivate`, { version: d01.version });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('FORBIDDEN');
  });
});

describe('tree and search', () => {
  it('loads the tree level by level from the top of the caller’s scope', async () => {
    const top = (await admin.get('/api/orgs/tree')).json();
    expect(top).toEqual([expect.objectContaining({ id: city.id, level: 'city', childCount: 8 })]);
    const districts = (await admin.get(`/api/orgs/tree?parentId=${city.id}`)).json() as { code: string; childCount: number; id: string }[];
    expect(districts.map((d) => d.code)).toEqual(['D01', 'D02', 'D03', 'D04', 'D05', 'D06', 'D07', 'D08']);
    for (const d of districts) expect(d.childCount).toBe(await count(sql`SELECT count(*)::int AS n FROM org WHERE parent_id = ${d.id}`));
    expect((await district.get('/api/orgs/tree')).json().map((n: { id: string }) => n.id)).toEqual([d01.id]);
  });

  it('search shows each hit with the path the caller may see', async () => {
    const hits = (await district.get(`/api/orgs/tree/search?q=${encodeURIComponent(street.name)}`)).json();
    const hit = hits.find((h: { id: string }) => h.id === street.id);
    expect(hit).toMatchObject({ ancestorIds: [d01.id], pathNames: [d01.name] }); // the city is outside the district's scope
    const asAdmin = (await admin.get(`/api/orgs/tree/search?q=${street.code}`)).json();
    expect(asAdmin[0]).toMatchObject({ id: street.id, ancestorIds: [city.id, d01.id], pathNames: [city.name, d01.name] });
    expect((await district.get('/api/orgs/tree/search?q=')).statusCode).toBe(400);
  });

  it('lists filter by text, exact credit code, level and kind, and sort and page', async () => {
    const someone = await orgBy(sql`path LIKE ${d01.path + '%'} AND level = 'grassroots' AND active`);
    expect((await district.get(`/api/orgs?q=${someone.uscc!.toLowerCase()}`)).json().items.map((o: { id: string }) => o.id)).toEqual([someone.id]);
    const byName = (await district.get(`/api/orgs?q=${encodeURIComponent(someone.name.slice(2, 8))}`)).json();
    expect(byName.items.map((o: { id: string }) => o.id)).toContain(someone.id);
    const streets = (await district.get('/api/orgs?level=street&pageSize=200')).json();
    expect(streets.total).toBe(await count(sql`SELECT count(*)::int AS n FROM org WHERE level = 'street' AND active AND path LIKE ${d01.path + '%'}`));
    const joint = (await district.get('/api/orgs?kind=joint&pageSize=200')).json();
    expect(joint.items.every((o: { kind: string }) => o.kind === 'joint')).toBe(true);
    const big = (await district.get('/api/orgs?level=grassroots&sort=employeeCount&order=desc&pageSize=5')).json();
    const sizes = big.items.map((o: { employeeCount: number }) => o.employeeCount);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    const page2 = (await district.get('/api/orgs?pageSize=5&page=2')).json();
    expect(page2).toMatchObject({ page: 2, pageSize: 5 });
    expect(page2.items).toHaveLength(5);
  });
});
