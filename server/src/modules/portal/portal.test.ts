import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { createTestEnv, type TestClient, type TestEnv } from '../../test/harness.js';
import { addMember, demoOrgs, freshId, freshMobile, type DemoOrgs } from '../member/join/fixtures.js';
import { notifyWorker } from './index.js';
import { CODE_TTL_MS } from './portal.service.js';
import { codeFromOutbox as outboxCode, freshIp as nextIp, phone as phoneOf, signUpWorker } from './phone-fixtures.js';

let env: TestEnv;
let o: DemoOrgs;
let admin: TestClient;

beforeAll(async () => {
  env = await createTestEnv({ members: 300, hardship: 20, disputes: 20 });
  o = await demoOrgs(env);
  admin = await env.login('admin');
});
afterAll(async () => {
  await env?.close();
});

const phone = (ip?: string) => phoneOf(env, ip);
const codeFromOutbox = (mobile: string) => outboxCode(admin, mobile);
const signUp = (mobile?: string) => signUpWorker(env, admin, mobile);
const freshIp = nextIp;

const msg = (r: LightMyRequestResponse) => r.json().message as string;

describe('worker accounts', () => {
  it('signs up with a code from the outbox; the outbox shows the mobile masked only', async () => {
    const mobile = freshMobile();
    const p = phone();
    const sent = await p.send('POST', '/api/portal/code', { mobile });
    expect(sent.json()).toEqual({ ok: true, expiresInSeconds: 300 });
    const outbox = (await admin.get(`/api/system/sms-outbox?mobile=${mobile}`)).json();
    expect(outbox.total).toBe(1);
    expect(outbox.items[0].mobileMasked).not.toContain(mobile.slice(3, 7));
    expect(outbox.body ?? '').not.toContain(mobile);
    const code = await codeFromOutbox(mobile);
    const res = await p.send('POST', '/api/portal/session', { mobile, code });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ linked: false, firstSignIn: true, member: null, hasPassword: false });
    expect((await p.send('GET', '/api/portal/me')).json().mobileMasked).toMatch(/\*{4}/);
    // The same code is good once.
    const again = await phone().send('POST', '/api/portal/session', { mobile, code });
    expect(again.statusCode).toBe(401);
    expect(msg(again)).toContain('验证码');
  });

  it('refuses a wrong code, an expired code, and a code after five wrong tries', async () => {
    const mobile = freshMobile();
    const p = phone();
    await p.send('POST', '/api/portal/code', { mobile });
    const code = await codeFromOutbox(mobile);
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) expect((await p.send('POST', '/api/portal/session', { mobile, code: wrong })).statusCode).toBe(401);
    expect((await p.send('POST', '/api/portal/session', { mobile, code })).statusCode).toBe(401);
    // An expired code: pretend it was sent more than 5 minutes ago.
    const m2 = freshMobile();
    await p.send('POST', '/api/portal/code', { mobile: m2 });
    const c2 = await codeFromOutbox(m2);
    await env.services.database.query(
      sql`UPDATE worker_code SET expires_at = now() - interval '1 second' WHERE expires_at > now() AND used_at IS NULL AND failures = 0`,
    );
    expect((await p.send('POST', '/api/portal/session', { mobile: m2, code: c2 })).statusCode).toBe(401);
    expect(CODE_TTL_MS).toBe(300_000);
  });

  it('rate-limits codes per mobile (one a minute) and per address', async () => {
    const mobile = freshMobile();
    expect((await phone().send('POST', '/api/portal/code', { mobile })).statusCode).toBe(200);
    const second = await phone().send('POST', '/api/portal/code', { mobile });
    expect(second.statusCode).toBe(429);
    expect(msg(second)).toContain('频繁');
    const p = phone();
    const codes = [];
    for (let i = 0; i < 11; i++) codes.push((await p.send('POST', '/api/portal/code', { mobile: freshMobile() })).statusCode);
    expect(codes.slice(0, 10).every((s) => s === 200)).toBe(true);
    expect(codes[10]).toBe(429);
  });

  it('bad input gets a clear zh-CN message, never a 500', async () => {
    const res = await phone().send('POST', '/api/portal/code', { mobile: '12345' });
    expect(res.statusCode).toBe(400);
    expect(msg(res)).toContain('手机号');
    const badCode = await phone().send('POST', '/api/portal/session', { mobile: freshMobile(), code: '12' });
    expect(badCode.statusCode).toBe(400);
    expect(msg(badCode)).toContain('验证码为6位数字');
    const badLink = await phone().send('POST', '/api/portal/link', { name: '', idNumber: '1' });
    expect([400, 401]).toContain(badLink.statusCode);
  });

  it('signs in with a password once set', async () => {
    const { p, mobile } = await signUp();
    expect((await p.send('POST', '/api/portal/password', { password: 'Worker@2026' })).statusCode).toBe(200);
    const q = phone();
    expect((await q.send('POST', '/api/portal/session', { mobile, password: 'wrong-password' })).statusCode).toBe(401);
    const ok = await q.send('POST', '/api/portal/session', { mobile, password: 'Worker@2026' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ hasPassword: true, firstSignIn: false });
    // No password set: refused the same way as a wrong one.
    expect((await phone().send('POST', '/api/portal/session', { mobile: freshMobile(), password: 'Worker@2026' })).statusCode).toBe(401);
  });

  it('a worker session never reaches cadre routes, and a cadre session is no worker session', async () => {
    const { p } = await signUp();
    for (const url of ['/api/members', '/api/auth/me', '/api/system/sms-outbox', '/api/orgs']) {
      expect((await p.send('GET', url)).statusCode).toBe(401);
    }
    // The worker cookie under the cadre cookie's name is no cadre session either.
    const token = p.cookie.split('=')[1]!;
    const asCadre = await env.app.inject({ method: 'GET', url: '/api/members', headers: { cookie: `gh_sid=${token}` } });
    expect(asCadre.statusCode).toBe(401);
    expect((await admin.get('/api/portal/me')).statusCode).toBe(401);
    // A worker write must be JSON (with the SameSite=Strict cookie: no cross-site form posts).
    const form = await env.app.inject({
      method: 'POST',
      url: '/api/portal/notifications/read',
      remoteAddress: freshIp(),
      headers: { cookie: p.cookie, 'content-type': 'text/plain' },
      payload: 'x',
    });
    expect([403, 415]).toContain(form.statusCode);
  });
});

describe('linking to the member record', () => {
  it('links only when name and ID number match, says the same for an unknown ID and a wrong name, and audits each try', async () => {
    const idNumber = freshId('F');
    await addMember(admin, o.g1.id, idNumber, { name: '周晓雯' });
    const { p, me } = await signUp();
    const unknown = await p.send('POST', '/api/portal/link', { name: '周晓雯', idNumber: freshId('F') });
    const wrongName = await p.send('POST', '/api/portal/link', { name: '周晓文', idNumber });
    expect(unknown.statusCode).toBe(400);
    expect(wrongName.statusCode).toBe(400);
    expect(unknown.json()).toEqual(wrongName.json());
    expect(msg(unknown)).toContain('未能关联');
    // Before linking there is no card.
    expect((await p.send('GET', '/api/portal/card')).statusCode).toBe(403);
    const ok = await p.send('POST', '/api/portal/link', { name: '周晓雯', idNumber: idNumber.toLowerCase() });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ linked: true, member: { name: '周晓雯', orgName: o.g1.name, status: 'active' } });
    expect(ok.json().member.idMasked).not.toBe(idNumber);
    const audits = await env.services.database.query<{ result: string; detail: string }>(
      sql`SELECT result, detail FROM audit_log WHERE action = 'portal.link' AND entity_id = ${me.accountId} ORDER BY seq`,
    );
    expect(audits.map((a) => a.result)).toEqual(['failed', 'failed', 'ok']);
    expect(JSON.stringify(audits)).not.toContain(idNumber);

    // Nobody else can link the same record, even knowing name and ID: the same answer as a mismatch.
    const other = await signUp();
    const taken = await other.p.send('POST', '/api/portal/link', { name: '周晓雯', idNumber });
    expect(taken.statusCode).toBe(400);
    expect(taken.json()).toEqual(wrongName.json());
    expect((await other.p.send('GET', '/api/portal/card')).statusCode).toBe(403);

    // One person, one record: a linked account cannot link a second member, even one whose name and ID match.
    const secondId = freshId('F');
    await addMember(admin, o.g1.id, secondId, { name: '周晓丽' });
    const second = await p.send('POST', '/api/portal/link', { name: '周晓丽', idNumber: secondId });
    expect(second.statusCode).toBe(409);
    expect(msg(second)).toContain('已关联');
    expect((await p.send('GET', '/api/portal/card')).json()).toMatchObject({ name: '周晓雯' });
  });

  it('shows my card with a token the public card check accepts', async () => {
    const idNumber = freshId('M');
    await addMember(admin, o.g2.id, idNumber, { name: '韩立军' });
    const { p } = await signUp();
    await p.send('POST', '/api/portal/link', { name: '韩立军', idNumber });
    const card = (await p.send('GET', '/api/portal/card')).json();
    expect(card).toMatchObject({ name: '韩立军', orgName: o.g2.name, status: 'active' });
    expect(card.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(card.verifyUrl).toContain('/card/verify?token=');
    const check = await env.app.inject({ method: 'GET', url: `/api/cards/verify?token=${encodeURIComponent(card.token)}` });
    expect(check.json()).toMatchObject({ valid: true, maskedName: '韩*军', unionName: o.g2.name });
  });

  it('a member imported from an HR roster confirms the notice once, on the portal; the registry shows it and the audit records it', async () => {
    const idNumber = freshId('F');
    const memberId = await addMember(admin, o.g1.id, idNumber, { name: '程丽娟' });
    // As the roster import leaves it (import.commit.ts): processed under PIPL Art. 13 (2), consent to collect.
    await env.services.database.query(
      sql`UPDATE member SET legal_basis = 'hr_management', consent_status = 'to_collect', consent_version = NULL, consent_at = NULL, consent_method = NULL WHERE id = ${memberId}`,
    );
    const toCollect = await admin.get(`/api/members?consentStatus=to_collect&orgId=${o.g1.id}`);
    expect(toCollect.json().items.map((m: { id: string }) => m.id)).toContain(memberId);
    const { p } = await signUp();
    // Not linked yet: nothing to confirm.
    expect((await p.send('POST', '/api/portal/consent', { version: '2026-01' })).statusCode).toBe(403);
    const linked = await p.send('POST', '/api/portal/link', { name: '程丽娟', idNumber });
    expect(linked.json().member.consentToCollect).toBe(true);
    const stale = await p.send('POST', '/api/portal/consent', { version: '2020-01' });
    expect(stale.statusCode).toBe(400);
    expect(msg(stale)).toContain('告知书');
    const ok = await p.send('POST', '/api/portal/consent', { version: '2026-01' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().member.consentToCollect).toBe(false);
    const detail = (await admin.get(`/api/members/${memberId}`)).json();
    expect(detail).toMatchObject({ consentStatus: 'given', legalBasis: 'hr_management', consentMethod: 'portal', consentVersion: '2026-01' });
    expect(detail.consentAt).not.toBeNull();
    // Once: a second confirmation changes nothing and writes no second audit entry.
    expect((await p.send('POST', '/api/portal/consent', { version: '2026-01' })).statusCode).toBe(200);
    const audits = await env.services.database.query<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'portal.consent' AND entity_id = ${memberId}`,
    );
    expect(audits[0]!.n).toBe(1);
    const after = await admin.get(`/api/members?consentStatus=to_collect&orgId=${o.g1.id}`);
    expect(after.json().items.map((m: { id: string }) => m.id)).not.toContain(memberId);
  });

  it('a model worker sees their honours on 我的', async () => {
    const idNumber = freshId('M');
    const memberId = await addMember(admin, o.g1.id, idNumber, { name: '钟建华' });
    const rec = await admin.post('/api/honors/records', {
      orgId: o.g1.id,
      memberId,
      kind: 'model_worker',
      level: 'city',
      title: '劳动模范',
      year: 2025,
      name: '钟建华',
      awardedOn: '2025-04-28',
    });
    expect(rec.statusCode, rec.body).toBe(201);
    const { p } = await signUp();
    const linked = await p.send('POST', '/api/portal/link', { name: '钟建华', idNumber });
    expect(linked.json().member.honors).toEqual([{ title: '劳动模范', level: 'city', year: 2025 }]);
  });

  it('limits link tries per account', async () => {
    const { p } = await signUp();
    const codes = [];
    for (let i = 0; i < 6; i++) codes.push((await p.send('POST', '/api/portal/link', { name: '某某', idNumber: freshId() })).statusCode);
    expect(codes.slice(0, 5).every((s) => s === 400)).toBe(true);
    expect(codes[5]).toBe(429);
  });
});

describe('my applications and the inbox', () => {
  it('the join outcome reaches the applicant’s inbox; my applications list shows it with its status', async () => {
    const mobile = freshMobile();
    const idNumber = freshId('F');
    const apply = await env.app.inject({
      method: 'POST',
      url: '/api/join/applications',
      remoteAddress: freshIp(),
      payload: {
        orgId: o.g1.id,
        employerName: '江城宏达物流有限公司',
        viaTerritorial: false,
        fields: { name: '孙丽', idNumber, mobile, employmentForm: '快递员', ethnicity: '汉' },
        consent: { version: '2026-01', agreed: true },
      },
    });
    expect(apply.statusCode).toBe(201);
    const { p } = await signUp(mobile);
    const appId = (await env.services.database.query<{ id: string }>(sql`SELECT id FROM join_application ORDER BY created_at DESC LIMIT 1`))[0]!.id;
    expect((await admin.post(`/api/join/applications/${appId}/approve`, {})).statusCode).toBe(200);
    const me = (await p.send('GET', '/api/portal/me')).json();
    expect(me.unreadCount).toBe(1);
    const inbox = (await p.send('GET', '/api/portal/notifications')).json();
    expect(inbox.items[0]).toMatchObject({ title: '入会申请已通过', readAt: null });
    expect((await p.send('POST', '/api/portal/notifications/read', {})).statusCode).toBe(200);
    expect((await p.send('GET', '/api/portal/me')).json().unreadCount).toBe(0);
    // Linked now, the application shows among mine; another worker's list stays empty of it.
    expect((await p.send('POST', '/api/portal/link', { name: '孙丽', idNumber })).statusCode).toBe(200);
    const mine = (await p.send('GET', '/api/portal/applications')).json();
    expect(mine).toContainEqual(expect.objectContaining({ kind: 'join', id: appId, status: 'approved' }));
    const other = await signUp();
    expect(JSON.stringify((await other.p.send('GET', '/api/portal/applications')).json())).not.toContain(appId);
    expect((await other.p.send('GET', '/api/portal/notifications')).json().total).toBe(0);
  });

  it('notifyWorker reaches a linked member’s account and nobody without one', async () => {
    const idNumber = freshId('M');
    const memberId = await addMember(admin, o.g1.id, idNumber, { name: '钱伟' });
    expect(await notifyWorker(env.services.db, { memberId, title: '提醒', body: '无账号' })).toBe(0);
    const { p } = await signUp();
    await p.send('POST', '/api/portal/link', { name: '钱伟', idNumber });
    expect(await notifyWorker(env.services.db, { memberId, title: '活动提醒', body: '明天 9:00', link: '/m' })).toBe(1);
    expect((await p.send('GET', '/api/portal/notifications')).json().items[0]).toMatchObject({ title: '活动提醒', link: '/m' });
  });
});

describe('demo worker accounts', () => {
  it('13800000001 signs in with the demo password, linked to a demo member with a card', async () => {
    const p = phone();
    const res = await p.send('POST', '/api/portal/session', { mobile: '13800000001', password: 'Worker@2026' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ linked: true, member: { orgName: o.g1.name, status: 'active' }, unreadCount: 1 });
    expect((await p.send('GET', '/api/portal/card')).json().cardNo).toMatch(/^GH\d{10}$/);
    // The demo worker's requests to change their details, one in each state.
    const changes = (await p.send('GET', '/api/portal/change-requests')).json() as { field: string; status: string; valueMasked: string }[];
    expect(new Set(changes.map((c) => c.status))).toEqual(new Set(['pending', 'approved', 'rejected']));
    expect(changes.find((c) => c.status === 'pending')).toMatchObject({ field: 'address', valueMasked: expect.stringContaining('****') });
  });
});
