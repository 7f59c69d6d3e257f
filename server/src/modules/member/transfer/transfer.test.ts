import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestEnv, type TestClient, type TestEnv } from '../../../test/harness.js';
import { addMember, demoOrgs, freshId, freshMobile, userAt, type DemoOrgs } from '../join/fixtures.js';
import { maskPersonName } from '../card.js';
import { maskOrgName } from '../../../../../common/src/org.js';
import { todayInChina } from '../../../../../common/src/dates.js';

let env: TestEnv;
let o: DemoOrgs;
let admin: TestClient;
let district: TestClient; // federation admin of D01
let chair: TestClient; // chair of o.g1 (D01), own scope
let chair2: TestClient; // chair of o.g2 (D02), own scope
let d02: TestClient; // federation admin of D02

beforeAll(async () => {
  env = await createTestEnv();
  o = await demoOrgs(env);
  [admin, district, chair] = await Promise.all([env.login('admin'), env.login('district'), env.login('grassroots')]);
  chair2 = await userAt(env, 'chair_g2', o.g2.id, 'grassroots_chair');
  d02 = await userAt(env, 'd02admin', o.d02.id, 'federation_admin');
});
afterAll(async () => {
  await env?.close();
});

const q = <T = Record<string, unknown>>(s: ReturnType<typeof sql>) => env.services.database.query<T>(s);
const memberRow = async (id: string) => (await q<{ org_id: string; status: string }>(sql`SELECT org_id, status FROM member WHERE id = ${id}`))[0]!;
type Item = {
  id: string;
  memberId: string | null;
  memberName: string;
  fromUnionName: string;
  toUnionName: string;
  status: string;
  awaiting: string[];
  can: Record<string, boolean>;
  closeReason: string | null;
};
const list = async (c: TestClient, qs = 'direction=all') => (await c.get(`/api/transfers?${qs}&pageSize=200`)).json().items as Item[];
const find = async (c: TestClient, id: string, qs?: string) => (await list(c, qs)).find((t) => t.id === id);

describe('transfer started by the releasing union', () => {
  it('from → to confirms → completed, with both events, the new union and status active', async () => {
    const memberId = await addMember(admin, o.g1.id, freshId(), { name: '赵建国' });
    const start = await chair.post('/api/transfers', { memberId, toOrgId: o.g2.id, reason: '调动到新单位工作' });
    expect(start.statusCode).toBe(201);
    expect(start.json()).toMatchObject({
      status: 'pending',
      memberName: '赵建国',
      fromUnionName: o.g1.name,
      toUnionName: maskOrgName(o.g2.name),
      awaiting: ['to'],
    });
    const id = start.json().id;
    expect((await memberRow(memberId)).status).toBe('transferring');

    const incoming = await find(chair2, id, 'direction=in');
    expect(incoming).toMatchObject({
      fromOrgId: null,
      toOrgId: o.g2.id,
      memberId: null,
      memberName: maskPersonName('赵建国'),
      fromUnionName: maskOrgName(o.g1.name),
      toUnionName: o.g2.name,
      awaiting: ['to'],
      can: { confirm: true, reject: true, cancel: false },
    });
    expect(await find(chair2, id, 'direction=out')).toBeUndefined();
    expect(await find(chair, id, 'direction=out')).toMatchObject({ memberId, memberName: '赵建国', can: { confirm: false, reject: true, cancel: true } });

    const done = await chair2.post(`/api/transfers/${id}/confirm`);
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ status: 'completed', awaiting: [], completedOn: todayInChina() });
    expect(await memberRow(memberId)).toEqual({ org_id: o.g2.id, status: 'active' });
    const m = (await admin.get(`/api/members/${memberId}`)).json();
    expect(m.events.map((e: { kind: string; orgId: string }) => [e.kind, e.orgId])).toEqual([
      ['joined', o.g1.id],
      ['transferred_out', o.g1.id],
      ['transferred_in', o.g2.id],
    ]);
    expect(m.openTransfer).toBeNull();
    // The old union no longer sees the member; its list keeps the transfer with the name masked.
    expect((await chair.get(`/api/members/${memberId}`)).statusCode).toBe(404);
    expect((await chair2.get(`/api/members/${memberId}`)).statusCode).toBe(200);
    expect(await find(chair, id, 'direction=out&status=completed')).toMatchObject({
      memberId: null,
      memberName: maskPersonName('赵建国'),
      status: 'completed',
    });
    const audits = await q<{ action: string }>(sql`SELECT action FROM audit_log WHERE entity = 'transfer' AND entity_id = ${id} ORDER BY seq`);
    expect(audits.map((a) => a.action)).toEqual(['transfer.start', 'transfer.confirm', 'transfer.complete']);
    expect((await chair2.post(`/api/transfers/${id}/confirm`)).json().code).toBe('TRANSFER_NOT_PENDING');
    // Its history, for either side: the releasing union and the receiving one read the same entries.
    for (const side of [chair, chair2]) {
      const h = await side.get(`/api/transfers/${id}/history`);
      expect(h.statusCode).toBe(200);
      expect(h.json().map((e: { action: string }) => e.action)).toEqual(['transfer.complete', 'transfer.confirm', 'transfer.start']);
    }
  });

  it('an administrator over both unions confirms both sides in one step', async () => {
    const memberId = await addMember(admin, o.g1.id, freshId());
    const start = await district.post('/api/transfers', { memberId, toOrgId: o.g1b.id, reason: '同区内调动' });
    expect(start.json().awaiting).toEqual(['to']);
    const done = await district.post(`/api/transfers/${start.json().id}/confirm`);
    expect(done.json().status).toBe('completed');
    expect((await memberRow(memberId)).org_id).toBe(o.g1b.id);
  });
});

describe('transfer started by the receiving union, by ID number', () => {
  it('sees only the masked name and holding union; the releasing union confirms', async () => {
    const idNumber = freshId();
    const memberId = await addMember(admin, o.g1.id, idNumber, { name: '孙丽华' });
    const bad = await chair2.post('/api/transfers/incoming', { idNumber, toOrgId: o.g1b.id, reason: '新入职' });
    expect(bad.statusCode).toBe(404); // the target must be in the caller's scope
    expect((await chair2.post('/api/transfers/incoming', { idNumber: freshId(), toOrgId: o.g2.id, reason: '新入职' })).json().code).toBe('MEMBER_NOT_FOUND');
    const res = await chair2.post('/api/transfers/incoming', { idNumber: idNumber.toLowerCase(), toOrgId: o.g2.id, reason: '新入职本单位' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      memberName: maskPersonName('孙丽华'),
      fromUnionName: maskOrgName(o.g1.name),
      toUnionName: o.g2.name,
      awaiting: ['from'],
    });
    expect(res.body).not.toContain(memberId);
    const id = res.json().id;
    expect(await find(chair, id, 'direction=out')).toMatchObject({ can: { confirm: true, reject: true, cancel: false } });
    expect((await chair.post(`/api/transfers/${id}/confirm`)).json().status).toBe('completed');
    expect(await memberRow(memberId)).toEqual({ org_id: o.g2.id, status: 'active' });
  });
});

describe('transfer asked for by the member (public)', () => {
  it('needs the ID number and the mobile on record; then both unions confirm', async () => {
    const idNumber = freshId();
    const mobile = freshMobile();
    const memberId = await addMember(admin, o.g1.id, idNumber, { mobile });
    const anon = (payload: object, ip = '10.3.0.1') => env.app.inject({ method: 'POST', url: '/api/transfers/self', payload, remoteAddress: ip });
    const wrongMobile = await anon({ idNumber, mobile: freshMobile(), toOrgId: o.g2.id, reason: '换了工作' });
    const unknownId = await anon({ idNumber: freshId(), mobile, toOrgId: o.g2.id, reason: '换了工作' });
    expect(wrongMobile.statusCode).toBe(404);
    expect(unknownId.body).toBe(wrongMobile.body);
    const res = await anon({ idNumber, mobile: `+86 ${mobile.slice(0, 3)}-${mobile.slice(3)}`, toOrgId: o.g2.id, reason: '换了工作' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ status: 'pending', toUnionName: o.g2.name, awaiting: ['from', 'to'] });
    const [t] = await q<{ id: string; initiated_by: string; from_confirmed_at: unknown; to_confirmed_at: unknown }>(
      sql`SELECT id, initiated_by, from_confirmed_at, to_confirmed_at FROM transfer WHERE member_id = ${memberId}`,
    );
    expect(t).toMatchObject({ initiated_by: 'member', from_confirmed_at: null, to_confirmed_at: null });
    expect(await find(chair, t!.id)).toMatchObject({ can: { confirm: true, reject: true, cancel: false } });
    expect((await chair.post(`/api/transfers/${t!.id}/confirm`)).json()).toMatchObject({ status: 'pending', awaiting: ['to'] });
    expect((await chair.post(`/api/transfers/${t!.id}/confirm`)).json().code).toBe('TRANSFER_AWAITING_OTHER');
    expect((await chair.post(`/api/transfers/${t!.id}/cancel`, {})).json().code).toBe('TRANSFER_NOT_INITIATOR');
    expect((await chair2.post(`/api/transfers/${t!.id}/confirm`)).json().status).toBe('completed');
    expect((await memberRow(memberId)).org_id).toBe(o.g2.id);
  });

  it('is rate-limited per ID number and per IP', async () => {
    const idNumber = freshId();
    await addMember(admin, o.g1.id, idNumber);
    const codes: number[] = [];
    for (let i = 0; i < 6; i++) {
      const r = await env.app.inject({
        method: 'POST',
        url: '/api/transfers/self',
        payload: { idNumber, mobile: freshMobile(), toOrgId: o.g2.id, reason: '猜手机号' },
        remoteAddress: `10.4.0.${i}`,
      });
      codes.push(r.statusCode);
    }
    expect(codes).toEqual([404, 404, 404, 404, 404, 429]);
    const ipCodes: number[] = [];
    for (let i = 0; i < 11; i++)
      ipCodes.push((await env.app.inject({ method: 'POST', url: '/api/transfers/self', payload: {}, remoteAddress: '10.5.0.1' })).statusCode);
    expect(ipCodes.at(-1)).toBe(429);
  });
});

describe('rejecting, cancelling and the rules of a start', () => {
  it('reject restores the previous status (retained stays retained)', async () => {
    const memberId = await addMember(admin, o.g1.id, freshId());
    expect((await chair.post(`/api/members/${memberId}/status`, { kind: 'retained', onDate: todayInChina(), reason: '退休', version: 1 })).statusCode).toBe(
      200,
    );
    const id = (await chair.post('/api/transfers', { memberId, toOrgId: o.g2.id, reason: '退休后到新单位返聘' })).json().id;
    expect((await memberRow(memberId)).status).toBe('transferring');
    expect((await chair2.post(`/api/transfers/${id}/reject`, { reason: '' })).statusCode).toBe(400);
    const res = await chair2.post(`/api/transfers/${id}/reject`, { reason: '本单位未录用该人员' });
    expect(res.json()).toMatchObject({ status: 'rejected' });
    expect(await memberRow(memberId)).toEqual({ org_id: o.g1.id, status: 'retained' });
    expect(await find(chair, id)).toMatchObject({
      status: 'rejected',
      closeReason: '本单位未录用该人员',
      awaiting: [],
      can: { confirm: false, reject: false, cancel: false },
    });
    const [audit] = await q<{ n: number }>(sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'transfer.reject' AND entity_id = ${id}`);
    expect(audit!.n).toBe(1);
  });

  it('refuses a second open transfer; the initiator cancels, the other side may not', async () => {
    const idNumber = freshId();
    const memberId = await addMember(admin, o.g1.id, idNumber);
    const first = await chair.post('/api/transfers', { memberId, toOrgId: o.g2.id, reason: '第一次接转' });
    expect(first.statusCode).toBe(201);
    const again = await chair.post('/api/transfers', { memberId, toOrgId: o.g1b.id, reason: '第二次接转' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('TRANSFER_OPEN_EXISTS');
    expect((await chair2.post('/api/transfers/incoming', { idNumber, toOrgId: o.g2.id, reason: '转入' })).json().code).toBe('TRANSFER_OPEN_EXISTS');
    const id = first.json().id;
    const notMine = await chair2.post(`/api/transfers/${id}/cancel`, {});
    expect(notMine.statusCode).toBe(403);
    expect(notMine.json().code).toBe('TRANSFER_NOT_INITIATOR');
    expect((await chair.post(`/api/transfers/${id}/cancel`, { reason: '填错了转入工会' })).json().status).toBe('cancelled');
    expect((await memberRow(memberId)).status).toBe('active');
    expect((await chair.post('/api/transfers', { memberId, toOrgId: o.g1b.id, reason: '重新发起' })).statusCode).toBe(201);
  });

  it('goes to a territorial (street) union; refuses federations, the same union and members who left', async () => {
    const memberId = await addMember(admin, o.g1.id, freshId());
    expect((await chair.post('/api/transfers', { memberId, toOrgId: o.d01.id, reason: '错误目标' })).json().code).toBe('TRANSFER_BAD_TARGET');
    expect((await chair.post('/api/transfers', { memberId, toOrgId: o.g1.id, reason: '同一工会' })).json().code).toBe('TRANSFER_SAME_UNION');
    const res = await chair.post('/api/transfers', { memberId, toOrgId: o.street1.id, reason: '新单位没有工会，转入街道工会' });
    expect(res.statusCode).toBe(201);
    expect((await district.post(`/api/transfers/${res.json().id}/confirm`)).json().status).toBe('completed');
    expect(await memberRow(memberId)).toEqual({ org_id: o.street1.id, status: 'active' });

    const leaver = await addMember(admin, o.g1.id, freshId());
    await chair.post(`/api/members/${leaver}/status`, { kind: 'left', onDate: todayInChina(), version: 1 });
    expect((await chair.post('/api/transfers', { memberId: leaver, toOrgId: o.g2.id, reason: '已退会' })).json().code).toBe('TRANSFER_NOT_ALLOWED');
  });
});

describe('scope', () => {
  it('a sibling-district user cannot see or act on another district’s transfers (404), nor start one for its members', async () => {
    const memberId = await addMember(admin, o.g2.id, freshId());
    const start = await d02.post('/api/transfers', { memberId, toOrgId: o.street2.id, reason: '区内调动' });
    expect(start.statusCode).toBe(201);
    const id = start.json().id;
    for (const r of [
      await district.post(`/api/transfers/${id}/confirm`),
      await district.post(`/api/transfers/${id}/reject`, { reason: '越权驳回' }),
      await district.post(`/api/transfers/${id}/cancel`, {}),
      await chair.post(`/api/transfers/${id}/confirm`),
      await district.get(`/api/transfers/${id}/history`),
      await district.post('/api/transfers', { memberId, toOrgId: o.g1.id, reason: '越权转出' }),
    ]) {
      expect(r.statusCode).toBe(404);
    }
    expect(await find(district, id)).toBeUndefined();
    const inD01 = new Set((await q<{ id: string }>(sql`SELECT id FROM org WHERE path LIKE ${o.d01.path + '%'}`)).map((r) => r.id));
    const mine = (await district.get('/api/transfers?pageSize=200')).json().items as { fromOrgId: string | null; toOrgId: string | null }[];
    expect(mine.length).toBeGreaterThan(0);
    // Each has at least one side in D01, and a side outside shows no id.
    for (const t of mine) {
      expect(inD01.has(t.fromOrgId ?? '') || inD01.has(t.toOrgId ?? '')).toBe(true);
      for (const side of [t.fromOrgId, t.toOrgId]) if (side) expect(inD01.has(side)).toBe(true);
    }
    const [row] = await q<{ status: string }>(sql`SELECT status FROM transfer WHERE id = ${id}`);
    expect(row!.status).toBe('pending');
    expect((await d02.post(`/api/transfers/${id}/confirm`)).json().status).toBe('completed');
  });
});
