import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { createTestEnv, type TestClient, type TestEnv } from '../../test/harness.js';
import { addMember, demoOrgs, freshId, userAt, type DemoOrgs } from '../member/join/fixtures.js';
import { signUpWorker } from '../portal/phone-fixtures.js';
import { todayInChina, addDays } from '../../../../common/src/dates.js';

let env: TestEnv;
let o: DemoOrgs;
let admin: TestClient;
let district: TestClient;
const today = todayInChina();
const msg = (r: LightMyRequestResponse) => r.json().message as string;

beforeAll(async () => {
  env = await createTestEnv({ members: 300, hardship: 20, disputes: 20 });
  o = await demoOrgs(env);
  admin = await env.login('admin');
  district = await env.login('district');
});
afterAll(async () => {
  await env?.close();
});

async function merchant(client: TestClient, orgId: string, name: string) {
  const res = await client.post('/api/benefits/merchants', {
    orgId,
    name,
    uscc: o.g1.uscc,
    category: 'dining',
    address: '江城路1号',
    signedOn: addDays(today, -30),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; orgId: string };
}
async function offer(client: TestClient, merchantId: string, extra: Record<string, unknown> = {}) {
  const res = await client.post('/api/benefits/offers', {
    merchantId,
    title: '会员午餐八折',
    kind: 'discount',
    valueFen: 500,
    audience: 'members',
    perMember: 2,
    startsOn: addDays(today, -1),
    endsOn: addDays(today, 30),
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number };
}
/** A worker linked to a new member of `orgId`. */
async function linkedWorker(orgId: string, name: string) {
  const idNumber = freshId('M');
  await addMember(admin, orgId, idNumber, { name });
  const w = await signUpWorker(env, admin);
  expect((await w.p.send('POST', '/api/portal/link', { name, idNumber })).statusCode).toBe(200);
  return w;
}

describe('merchants and offers', () => {
  it('refuses a wrong credit code, a quota of 0 and an offer that ends before it starts, each with a clear message; nothing is written', async () => {
    const before = await env.services.database.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM benefit_merchant`);
    const bad = await admin.post('/api/benefits/merchants', {
      orgId: o.d01.id,
      name: '错码商户',
      uscc: '91350100M000100Y40',
      category: 'dining',
      signedOn: today,
    });
    expect(bad.statusCode).toBe(400);
    expect(msg(bad)).toMatch(/信用代码/);
    const after = await env.services.database.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM benefit_merchant`);
    expect(after[0]!.n).toBe(before[0]!.n);
    const m = await merchant(admin, o.d01.id, '江城老字号');
    const zero = await admin.post('/api/benefits/offers', {
      merchantId: m.id,
      title: '零次',
      kind: 'voucher',
      audience: 'members',
      perMember: 0,
      startsOn: today,
      endsOn: today,
    });
    expect(zero.statusCode).toBe(400);
    expect(msg(zero)).toContain('每人限领次数');
    const backwards = await admin.post('/api/benefits/offers', {
      merchantId: m.id,
      title: '倒序',
      kind: 'voucher',
      audience: 'members',
      perMember: 1,
      startsOn: today,
      endsOn: addDays(today, -1),
    });
    expect(backwards.statusCode).toBe(400);
    expect(msg(backwards)).toContain('结束日期');
  });

  it('a date of year 0000, a version of 2^31 and a cut-off coupon code get a 400, never a 500, and write nothing', async () => {
    const m = await merchant(admin, o.d01.id, '边界商户');
    const year0 = await admin.post('/api/benefits/merchants', { orgId: o.d01.id, name: '零年商户', category: 'dining', signedOn: '0000-01-01' });
    expect(year0.statusCode).toBe(400);
    const big = await admin.put(`/api/benefits/merchants/${m.id}`, { orgId: o.d01.id, name: '大版本', category: 'dining', signedOn: today, version: 2 ** 31 });
    expect(big.statusCode).toBe(400);
    const quota = await admin.put(`/api/benefits/recuperation/${m.id}`, { places: 1, version: 2 ** 31 });
    expect(quota.statusCode).toBe(400);
    const cut = await admin.post('/api/benefits/redeem', { token: 'GHB:0192' });
    expect(cut.statusCode).toBe(400);
    expect(msg(cut)).toContain('券码无效');
    const [n] = await env.services.database.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM benefit_merchant WHERE name IN ('零年商户', '大版本')`);
    expect(n!.n).toBe(0);
  });

  it('a district sees its own merchants and offers, not the other district’s', async () => {
    const mine = await merchant(admin, o.d01.id, '滨江便民超市');
    const theirs = await merchant(admin, o.d02.id, '河西体检中心');
    const list = (await district.get('/api/benefits/merchants?pageSize=100')).json().items.map((x: { id: string }) => x.id);
    expect(list).toContain(mine.id);
    expect(list).not.toContain(theirs.id);
    expect((await district.get(`/api/benefits/merchants/${theirs.id}`)).statusCode).toBe(404);
    const off = await offer(admin, theirs.id);
    expect((await district.get(`/api/benefits/offers/${off.id}`)).statusCode).toBe(404);
  });
});

describe('coupons on the worker portal', () => {
  it('a member sees the offers of their unions, claims up to the quota, and the counter redeems each coupon once', async () => {
    const m = await merchant(admin, o.d01.id, '滨江职工餐厅');
    const off = await offer(admin, m.id, { perMember: 2 });
    const w = await linkedWorker(o.g1.id, '唐晓峰');
    const offers = (await w.p.send('GET', '/api/portal/benefits')).json() as { id: string; left: number }[];
    expect(offers.find((x) => x.id === off.id)?.left).toBe(2);
    const first = await w.p.send('POST', `/api/portal/benefits/${off.id}/claim`);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expect((await w.p.send('POST', `/api/portal/benefits/${off.id}/claim`)).statusCode).toBe(201);
    const third = await w.p.send('POST', `/api/portal/benefits/${off.id}/claim`);
    expect(third.statusCode).toBe(409);
    expect(msg(third)).toBe('每人限领 2 次，您已领取 2 次');

    // A union of another district cannot redeem it: to that counter the code is unknown.
    const token = first.json().token as string;
    const d02 = await userAt(env, 'benefit_d02', o.d02.id, 'federation_admin');
    const foreign = await d02.post('/api/benefits/redeem', { token });
    expect(foreign.statusCode).toBe(400);
    expect(msg(foreign)).toContain('券码无效');

    const ok = await district.post('/api/benefits/redeem', { token: 'GHB:' + token });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ offerTitle: '会员午餐八折', merchantName: '滨江职工餐厅', memberName: '唐*峰' });
    const again = await district.post('/api/benefits/redeem', { token });
    expect(again.statusCode).toBe(409);
    expect(msg(again)).toContain('不能重复使用');
    const forged = await district.post('/api/benefits/redeem', { token: token.slice(0, -2) + 'xx' });
    expect(forged.statusCode).toBe(400);

    const mine = (await w.p.send('GET', '/api/portal/benefits/claims')).json() as { id: string; redeemedAt: string | null; token: string | null }[];
    expect(mine).toHaveLength(2);
    const used = mine.find((k) => k.id === first.json().id)!;
    expect(used.redeemedAt).not.toBeNull();
    expect(used.token).toBeNull();
    const audit = await env.services.database.query<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'benefit.redeem' AND entity_id = ${first.json().id}`,
    );
    expect(audit[0]!.n).toBe(1);
  });

  it('a members-only offer is not open to a worker who is not a member there; an offer to all workers is; the total runs out', async () => {
    const m = await merchant(admin, o.d02.id, '河西影城');
    const membersOnly = await offer(admin, m.id, { title: '河西会员观影券' });
    const everyone = await offer(admin, m.id, { title: '职工观影券', audience: 'all_workers', perMember: 1, total: 1 });
    const d01worker = await linkedWorker(o.g1.id, '邵立国');
    const seen = ((await d01worker.p.send('GET', '/api/portal/benefits')).json() as { id: string }[]).map((x) => x.id);
    expect(seen).toContain(everyone.id);
    expect(seen).not.toContain(membersOnly.id);
    expect((await d01worker.p.send('POST', `/api/portal/benefits/${membersOnly.id}/claim`)).statusCode).toBe(404);
    expect((await d01worker.p.send('POST', `/api/portal/benefits/${everyone.id}/claim`)).statusCode).toBe(201);
    const unlinked = await signUpWorker(env, admin);
    const gone = await unlinked.p.send('POST', `/api/portal/benefits/${everyone.id}/claim`);
    expect(gone.statusCode).toBe(409);
    expect(msg(gone)).toBe('该优惠共 1 份，已领完');
    // Without a worker session there is nothing.
    expect((await env.app.inject({ method: 'GET', url: '/api/portal/benefits' })).statusCode).toBe(401);
  });
});

describe('recuperation places down the tree', () => {
  it('a child’s places never exceed what its parent holds, with the numbers; a parent cannot drop below what it passed on', async () => {
    const year = Number(today.slice(0, 4)) + 1;
    const city = await env.services.database.query<{ id: string }>(sql`SELECT id FROM org WHERE parent_id IS NULL LIMIT 1`);
    const root = await admin.post('/api/benefits/recuperation', { year, orgId: city[0]!.id, places: 100 });
    expect(root.statusCode, root.body).toBe(201);
    const d1 = await admin.post('/api/benefits/recuperation', { year, orgId: o.d01.id, parentId: root.json().id, places: 60 });
    expect(d1.statusCode, d1.body).toBe(201);
    const over = await admin.post('/api/benefits/recuperation', { year, orgId: o.d02.id, parentId: root.json().id, places: 41 });
    expect(over.statusCode).toBe(400);
    expect(msg(over)).toBe('超出上级名额：上级共 100 个，已分出 60 个，本次 41 个，超出 1 个');
    expect((await admin.post('/api/benefits/recuperation', { year, orgId: o.d02.id, parentId: root.json().id, places: 40 })).statusCode).toBe(201);
    const lower = await admin.put(`/api/benefits/recuperation/${root.json().id}`, { places: 99, version: 1 });
    expect(lower.statusCode).toBe(400);
    expect(msg(lower)).toContain('已向下级分出 100 个名额');
    // The district passes its places on to a street below it, within its 60; not to a union outside its subtree.
    const toStreet = await district.post('/api/benefits/recuperation', { year, orgId: o.street1.id, parentId: d1.json().id, places: 60 });
    expect(toStreet.statusCode, toStreet.body).toBe(201);
    const outside = await district.post('/api/benefits/recuperation', { year, orgId: o.street2.id, parentId: d1.json().id, places: 1 });
    expect(outside.statusCode).toBe(404);
    const seen = (await district.get(`/api/benefits/recuperation?year=${year}`)).json() as { orgId: string; places: number; allocated: number }[];
    expect(seen.map((q) => q.orgId)).toEqual(expect.arrayContaining([o.d01.id, o.street1.id]));
    expect(seen.map((q) => q.orgId)).not.toContain(o.d02.id);
    expect(seen.find((q) => q.orgId === o.d01.id)).toMatchObject({ places: 60, allocated: 60 });
  });
});

describe('figures', () => {
  it('the dashboard’s counts equal direct counts in the scope', async () => {
    const f = (await district.get('/api/benefits/dashboard')).json();
    const [direct] = await env.services.database.query<{ merchants: number; claimed: number; redeemed: number }>(sql`
      SELECT (SELECT count(*)::int FROM benefit_merchant m JOIN org g ON g.id = m.org_id WHERE g.path LIKE ${o.d01.path + '%'}) AS merchants,
             (SELECT count(*)::int FROM benefit_claim k JOIN org g ON g.id = k.org_id WHERE g.path LIKE ${o.d01.path + '%'}) AS claimed,
             (SELECT count(k.redeemed_at)::int FROM benefit_claim k JOIN org g ON g.id = k.org_id WHERE g.path LIKE ${o.d01.path + '%'}) AS redeemed`);
    expect(f).toMatchObject({ merchants: direct!.merchants, claimed: direct!.claimed, redeemed: direct!.redeemed });
    expect(f.redeemed).toBeGreaterThan(0);
    // The demo: the district's own merchants, its members' coupons, and this year's places it holds and passed on.
    expect(f.merchants).toBeGreaterThanOrEqual(6);
    expect(f.offersOpen).toBeGreaterThan(0);
    expect(f.recuperation.places).toBeGreaterThan(0);
    expect(f.recuperation.allocated).toBeGreaterThan(0);
    expect(f.recuperation.allocated).toBeLessThanOrEqual(f.recuperation.places);
  });

  it('the coupon totals, this year’s redeemed value and the months equal plain aggregates over the coupons, for the city and a district', async () => {
    const year = Number(today.slice(0, 4));
    const from = addDays(today.slice(0, 8) + '01', -330).slice(0, 8) + '01';
    for (const [client, path] of [
      [admin, '/'],
      [district, o.d01.path],
    ] as const) {
      const f = (await client.get('/api/benefits/dashboard')).json();
      const inScope = sql`k.org_id IN (SELECT g.id FROM org g WHERE g.path LIKE ${path + '%'})`;
      const [t] = await env.services.database.query<{ claimed: number; redeemed: number; value: number }>(sql`
        SELECT count(*)::int AS claimed, count(k.redeemed_at)::int AS redeemed,
               coalesce(sum(o.value_fen) FILTER (WHERE k.redeemed_at >= ${`${year}-01-01T00:00:00+08:00`}::timestamptz), 0)::float8 AS value
        FROM benefit_claim k JOIN benefit_offer o ON o.id = k.offer_id WHERE ${inScope}`);
      const months = await env.services.database.query<{ month: string; claimed: number; redeemed: number }>(sql`
        SELECT to_char(k.claimed_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month, count(*)::int AS claimed, count(k.redeemed_at)::int AS redeemed
        FROM benefit_claim k WHERE ${inScope} AND k.claimed_at >= ${`${from}T00:00:00+08:00`}::timestamptz GROUP BY 1 ORDER BY 1`);
      expect({ claimed: f.claimed, redeemed: f.redeemed, value: f.redeemedValueFen, byMonth: f.byMonth }, path).toEqual({
        claimed: t!.claimed,
        redeemed: t!.redeemed,
        value: Number(t!.value),
        byMonth: months,
      });
      expect(f.byMonth.length, path).toBeGreaterThan(0);
    }
  });

  it('the offers list shows each offer’s union, merchant and coupon counts as its detail does', async () => {
    const list = (await admin.get('/api/benefits/offers?pageSize=50')).json();
    expect(list.items.length).toBeGreaterThan(0);
    expect(list.items.some((x: { claimed: number }) => x.claimed > 0)).toBe(true);
    for (const x of list.items as { id: string }[]) {
      const { can: _can, ...d } = (await admin.get(`/api/benefits/offers/${x.id}`)).json();
      expect(x).toEqual(d);
    }
  });
});
