import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { addDays, todayInChina } from '../../../../common/src/dates.js';
import { createTestEnv, type TestClient, type TestEnv } from '../../test/harness.js';
import { addMember, demoOrgs, freshId, freshMobile, type DemoOrgs } from '../member/join/fixtures.js';
import { signUpWorker } from './phone-fixtures.js';
import { runPortalReminders } from './reminders.js';

let env: TestEnv;
let o: DemoOrgs;
let admin: TestClient;
let chair: TestClient;
let district: TestClient;
type Rows = <T>(q: ReturnType<typeof sql>) => Promise<T[]>;
let rows: Rows;

beforeAll(async () => {
  env = await createTestEnv({ members: 100, hardship: 10, disputes: 10 });
  rows = <T>(q: ReturnType<typeof sql>) => env.services.database.query<T>(q);
  o = await demoOrgs(env);
  admin = await env.login('admin');
  chair = await env.login('grassroots');
  district = await env.login('district');
});
afterAll(async () => {
  await env?.close();
});

/** A worker signed up and linked to a new member of `orgId`. */
async function linkedWorker(orgId: string, name: string) {
  const idNumber = freshId('M');
  const memberId = await addMember(admin, orgId, idNumber, { name });
  const w = await signUpWorker(env, admin, freshMobile());
  const res = await w.p.send('POST', '/api/portal/link', { name, idNumber });
  expect(res.statusCode, res.body).toBe(200);
  return { ...w, memberId };
}

const ask = (w: Awaited<ReturnType<typeof linkedWorker>>, body: object) => w.p.send('POST', '/api/portal/change-requests', body);
const memberRow = async (id: string) =>
  (
    await rows<{
      version: number;
      mobile_masked: string | null;
      mobile_index: string | null;
      address_cipher: string | null;
      address_masked: string | null;
      education: string | null;
      employer_name: string | null;
      status: string;
    }>(sql`SELECT version, mobile_masked, mobile_index, address_cipher, address_masked, education, employer_name, status FROM member WHERE id = ${id}`)
  )[0]!;

describe('requests to change my details', () => {
  it('the union approves a new mobile and a new address: the record changes, encrypted and masked, audited without the values', async () => {
    const w = await linkedWorker(o.g1.id, '许文静');
    const mobile = freshMobile();
    const address = '江城市滨江区长江路88号3栋1201室';
    const r1 = await ask(w, { field: 'mobile', value: mobile });
    expect(r1.statusCode, r1.body).toBe(201);
    expect(r1.json()).toMatchObject({ field: 'mobile', status: 'pending' });
    expect(r1.json().valueMasked).not.toContain(mobile.slice(3, 7));
    const r2 = await ask(w, { field: 'address', value: address });
    expect(r2.statusCode, r2.body).toBe(201);
    expect(r2.json().valueMasked).toBe('江城市滨江区****');
    // One open request per detail.
    expect((await ask(w, { field: 'mobile', value: freshMobile() })).statusCode).toBe(409);
    // Stored only encrypted.
    const stored = await rows<{ value_cipher: string }>(sql`SELECT value_cipher FROM worker_change_request WHERE member_id = ${w.memberId}`);
    for (const s of stored) expect(s.value_cipher).not.toContain(address.slice(0, 6));

    const list = (await chair.get('/api/member-change-requests?status=pending&pageSize=100')).json();
    const mine = list.items.filter((i: { memberId: string }) => i.memberId === w.memberId);
    expect(mine).toHaveLength(2);
    expect(mine[0].memberName).toBe('许文静');
    for (const item of mine) {
      const res = await chair.post(`/api/member-change-requests/${item.id}/approve`, { version: item.version });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().status).toBe('approved');
    }
    const m = await memberRow(w.memberId);
    expect(m.mobile_masked).toMatch(/^\d{3}\*{4}\d{4}$/);
    expect(m.mobile_index).toBe(env.services.keys.blindIndex(mobile, 'mobile'));
    expect(m.address_masked).toBe('江城市滨江区****');
    expect(env.services.keys.decrypt(m.address_cipher!)).toBe(address);
    expect(m.version).toBe(3);
    const audit = await rows<{ changes: string; actor_name: string }>(
      sql`SELECT changes::text, actor_name FROM audit_log WHERE action = 'member.update' AND entity_id = ${w.memberId} ORDER BY seq`,
    );
    expect(audit).toHaveLength(2);
    expect(audit.map((a) => a.changes).join()).not.toContain(mobile);
    expect(audit.map((a) => a.changes).join()).not.toContain('长江路');
    expect(audit[0]!.actor_name).toBe('grassroots');
    const decided = await rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'portal.change_approve' AND entity_id IN (${sql.join(
        mine.map((i: { id: string }) => sql`${i.id}`),
        sql`, `,
      )})`,
    );
    expect(decided[0]!.n).toBe(2);
    // The worker sees the outcome and a message; approving twice is refused.
    const seen = (await w.p.send('GET', '/api/portal/change-requests')).json();
    expect(seen.map((s: { status: string }) => s.status)).toEqual(['approved', 'approved']);
    expect((await w.p.send('GET', '/api/portal/me')).json().unreadCount).toBeGreaterThanOrEqual(2);
    expect((await chair.post(`/api/member-change-requests/${mine[0].id}/approve`, { version: 2 })).statusCode).toBe(409);
  });

  it('rejects with a reason, the record unchanged; an unknown education or a bad mobile is a 400 in Chinese and English', async () => {
    const w = await linkedWorker(o.g1.id, '杜明远');
    const bad = await ask(w, { field: 'education', value: '火星大学' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('学历');
    expect((await ask(w, { field: 'mobile', value: '12345' })).statusCode).toBe(400);
    const r = await ask(w, { field: 'education', value: '本科' });
    expect(r.statusCode, r.body).toBe(201);
    const before = await memberRow(w.memberId);
    const noReason = await chair.post(`/api/member-change-requests/${r.json().id}/reject`, { version: 1, reason: '' });
    expect(noReason.statusCode).toBe(400);
    const res = await chair.post(`/api/member-change-requests/${r.json().id}/reject`, { version: 1, reason: '请提供毕业证书复印件' });
    expect(res.statusCode, res.body).toBe(200);
    expect(await memberRow(w.memberId)).toEqual(before);
    const seen = (await w.p.send('GET', '/api/portal/change-requests')).json();
    expect(seen[0]).toMatchObject({ status: 'rejected', rejectReason: '请提供毕业证书复印件' });
  });

  it('refuses to approve when that detail of the record changed after the request', async () => {
    const w = await linkedWorker(o.g1.id, '程立新');
    const r = await ask(w, { field: 'occupation', value: '快递员' });
    await rows(sql`UPDATE member SET occupation = '厨师', version = version + 1 WHERE id = ${w.memberId}`);
    const res = await chair.post(`/api/member-change-requests/${r.json().id}/approve`, { version: 1 });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('MEMBER_CHANGED');
    expect((await rows<{ occupation: string }>(sql`SELECT occupation FROM member WHERE id = ${w.memberId}`))[0]!.occupation).toBe('厨师');
  });

  it('a change of employer opens a transfer to the new union on approval, the releasing side confirmed', async () => {
    const w = await linkedWorker(o.g1.id, '贺思远');
    expect((await ask(w, { field: 'employer', value: '新单位有限公司' })).statusCode).toBe(400);
    expect((await ask(w, { field: 'employer', value: '新单位有限公司', toOrgId: o.g1.id })).statusCode).toBe(400);
    const r = await ask(w, { field: 'employer', value: '新单位有限公司', toOrgId: o.g1b.id });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().toUnionName).toBe(o.g1b.name);
    const res = await chair.post(`/api/member-change-requests/${r.json().id}/approve`, { version: 1 });
    expect(res.statusCode, res.body).toBe(200);
    const [t] = await rows<{ id: string; from_org_id: string; to_org_id: string; status: string; initiated_by: string; from_confirmed_at: Date | null }>(
      sql`SELECT id, from_org_id, to_org_id, status, initiated_by, from_confirmed_at FROM transfer WHERE member_id = ${w.memberId}`,
    );
    expect(t).toMatchObject({ from_org_id: o.g1.id, to_org_id: o.g1b.id, status: 'pending', initiated_by: 'from' });
    expect(t!.from_confirmed_at).not.toBeNull();
    expect(res.json().transferId).toBe(t!.id);
    const m = await memberRow(w.memberId);
    expect(m).toMatchObject({ employer_name: '新单位有限公司', status: 'transferring' });
    // The receiving union finishes it in the transfer flow.
    const done = await district.post(`/api/transfers/${t!.id}/confirm`, {});
    expect(done.statusCode, done.body).toBe(200);
  });

  it('a worker sees only their own requests, and a worker session opens no cadre route', async () => {
    const a = await linkedWorker(o.g1.id, '邵雨桐');
    const b = await linkedWorker(o.g1.id, '龙海波');
    const ra = await ask(a, { field: 'occupation', value: '网约车司机' });
    expect(ra.statusCode).toBe(201);
    const seenByB = (await b.p.send('GET', '/api/portal/change-requests')).json();
    expect(seenByB.map((x: { id: string }) => x.id)).not.toContain(ra.json().id);
    expect((await b.p.send('POST', `/api/member-change-requests/${ra.json().id}/approve`, { version: 1 })).statusCode).toBe(401);
    expect((await b.p.send('GET', '/api/member-change-requests')).statusCode).toBe(401);
    // Not linked: no requests.
    const c = await signUpWorker(env, admin, freshMobile());
    expect((await c.p.send('POST', '/api/portal/change-requests', { field: 'occupation', value: '厨师' })).statusCode).toBe(403);
  });

  it('a sibling district neither lists nor decides requests outside its scope; the dashboard counts its own', async () => {
    const w = await linkedWorker(o.g2.id, '河西会员变更');
    const r = await ask(w, { field: 'occupation', value: '外卖骑手' });
    expect(r.statusCode).toBe(201);
    const list = await district.get('/api/member-change-requests?pageSize=100');
    expect(list.body).not.toContain(r.json().id);
    expect(list.body).not.toContain('河西会员变更');
    expect((await district.post(`/api/member-change-requests/${r.json().id}/approve`, { version: 1 })).statusCode).toBe(404);
    expect((await district.post(`/api/member-change-requests/${r.json().id}/reject`, { version: 1, reason: '越权驳回' })).statusCode).toBe(404);
    expect((await district.post(`/api/members/${w.memberId}/portal-unlink`, { reason: '越权解除' })).statusCode).toBe(404);
    const figures = (await district.get('/api/dashboard/portal')).json();
    const [sqlFig] = await rows<{ linked: number; signed: number; open: number }>(sql`
      SELECT (SELECT count(*)::int FROM worker_account wa JOIN member m ON m.id = wa.member_id JOIN org g ON g.id = m.org_id WHERE g.path LIKE ${o.d01.path + '%'}) AS linked,
             (SELECT count(*)::int FROM worker_account wa JOIN member m ON m.id = wa.member_id JOIN org g ON g.id = m.org_id
               WHERE g.path LIKE ${o.d01.path + '%'} AND wa.last_sign_in_at > now() - interval '30 days') AS signed,
             (SELECT count(*)::int FROM worker_change_request r JOIN org g ON g.id = r.org_id WHERE g.path LIKE ${o.d01.path + '%'} AND r.status = 'pending') AS open`);
    expect(figures).toEqual({ linked: sqlFig!.linked, signedIn30d: sqlFig!.signed, openRequests: sqlFig!.open });
    expect(figures.linked).toBeGreaterThan(0);
    const all = (await admin.get('/api/dashboard/portal')).json();
    expect(all.openRequests).toBeGreaterThan(figures.openRequests);
  });
});

describe('unlinking', () => {
  it('the worker unlinks after confirming and then sees nothing of the record', async () => {
    const w = await linkedWorker(o.g1.id, '姚佳宁');
    await ask(w, { field: 'occupation', value: '保洁员' });
    expect((await w.p.send('POST', '/api/portal/unlink', {})).statusCode).toBe(400);
    const res = await w.p.send('POST', '/api/portal/unlink', { confirm: true });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ linked: false, member: null });
    expect((await w.p.send('GET', '/api/portal/card')).statusCode).toBe(403);
    expect((await w.p.send('GET', '/api/portal/change-requests')).json()).toEqual([]);
    const apps = (await w.p.send('GET', '/api/portal/applications')).json();
    expect(apps.filter((a: { kind: string }) => a.kind !== 'dispute')).toEqual([]);
    const [a] = await rows<{ actor_name: string; changes: { by: string } }>(
      sql`SELECT actor_name, changes FROM audit_log WHERE action = 'portal.unlink' AND entity_id = ${w.memberId}`,
    );
    expect(a!.actor_name).toMatch(/^worker:\d{3}\*{4}/);
    expect(a!.changes.by).toBe('worker');
    // The record can be linked again (by the same person).
    expect((await w.p.send('POST', '/api/portal/unlink', { confirm: true })).statusCode).toBe(403);
  });

  it('a cadre of the member’s union unlinks an account, audited with the reason', async () => {
    const w = await linkedWorker(o.g1.id, '罗志刚');
    expect((await chair.post(`/api/members/${w.memberId}/portal-unlink`, { reason: '' })).statusCode).toBe(400);
    const res = await chair.post(`/api/members/${w.memberId}/portal-unlink`, { reason: '职工更换手机号，旧账号停用' });
    expect(res.statusCode, res.body).toBe(200);
    expect((await w.p.send('GET', '/api/portal/me')).json()).toMatchObject({ linked: false, member: null });
    const [a] = await rows<{ actor_name: string; detail: string }>(
      sql`SELECT actor_name, detail FROM audit_log WHERE action = 'portal.unlink' AND entity_id = ${w.memberId}`,
    );
    expect(a).toEqual({ actor_name: 'grassroots', detail: '职工更换手机号，旧账号停用' });
    // Nothing left to unlink.
    expect((await chair.post(`/api/members/${w.memberId}/portal-unlink`, { reason: '再次解除' })).statusCode).toBe(404);
  });
});

describe('deadline reminders', () => {
  it('writes one reminder per item and deadline to the linked worker, however often it runs', async () => {
    const w = await linkedWorker(o.g1.id, '熊晓峰');
    const today = todayInChina();
    const [file] = await rows<{ id: string; file_no: string }>(sql`SELECT id, file_no FROM hardship_file ORDER BY file_no LIMIT 1`);
    await rows(sql`UPDATE hardship_file SET member_id = ${w.memberId}, status = 'filed', next_review_due = ${addDays(today, 2)} WHERE id = ${file!.id}`);
    const inbox = async () =>
      (await w.p.send('GET', '/api/portal/notifications?pageSize=50')).json().items.filter((n: { title: string }) => n.title.startsWith('截止提醒'));
    await runPortalReminders(env.services, { today });
    await runPortalReminders(env.services, { today });
    const first = await inbox();
    expect(first).toHaveLength(1);
    expect(first[0].body).toContain(file!.file_no);
    expect(first[0].body).toContain('还有 2 天');
    // Outside the window: nothing new.
    await rows(sql`UPDATE hardship_file SET next_review_due = ${addDays(today, 10)} WHERE id = ${file!.id}`);
    await runPortalReminders(env.services, { today });
    expect(await inbox()).toHaveLength(1);
    // A moved deadline that falls in the window again is a new reminder, once.
    await runPortalReminders(env.services, { today: addDays(today, 8) });
    await runPortalReminders(env.services, { today: addDays(today, 9) });
    expect(await inbox()).toHaveLength(2);
    // An unlinked worker hears nothing.
    await w.p.send('POST', '/api/portal/unlink', { confirm: true });
    await rows(sql`UPDATE hardship_file SET next_review_due = ${addDays(today, 1)} WHERE id = ${file!.id}`);
    await runPortalReminders(env.services, { today });
    expect(await inbox()).toHaveLength(2);
  });
});
