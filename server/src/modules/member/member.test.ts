import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestEnv, type TestClient, type TestEnv } from '../../test/harness.js';
import { computeIdCheck } from '../../../../common/src/id-number.js';

/** A valid 18-digit ID number for a birth date and sequence (GB 11643 check character). */
const idFor = (birth: string, seq: string) => {
  const first17 = '110105' + birth.replaceAll('-', '') + seq;
  return first17 + computeIdCheck(first17);
};

let env: TestEnv;
let chair: TestClient;
let district: TestClient;
let chairOrgId: string;
let siblingOrgId: string;
const consent = { version: '2026-01', method: 'paper' as const };

beforeAll(async () => {
  env = await createTestEnv();
  chair = await env.login('grassroots');
  district = await env.login('district');
  chairOrgId = (await chair.get('/api/auth/me')).json().user.orgId;
  const [s] = await env.services.database.query<{ id: string }>(
    sql`SELECT g.id FROM org g JOIN org d ON g.path LIKE d.path || '%' WHERE d.code = 'D02' AND g.level = 'grassroots' LIMIT 1`,
  );
  siblingOrgId = s!.id;
});
afterAll(() => env?.close());

describe('member records', () => {
  const id = idFor('1990-03-05', '123'); // sequence 123: odd, male
  let memberId: string;

  it('registers a person with the ID deciding birth date and sex, normalising mobile, ethnicity and form', async () => {
    const res = await chair.post('/api/members', {
      orgId: chairOrgId,
      consent,
      fields: {
        name: '欧阳小明',
        idNumber: id.toLowerCase(),
        mobile: '+86 138-0013-8000',
        ethnicity: '汉',
        employmentForm: '外卖骑手',
        joinDate: '2024-03-05',
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    memberId = res.json().id;
    const d = (await chair.get(`/api/members/${memberId}`)).json();
    expect(d).toMatchObject({
      sex: 'M',
      ethnicity: '汉族',
      employmentForm: 'food_delivery_rider',
      mobileMasked: '138****8000',
      status: 'active',
      consentVersion: '2026-01',
    });
    expect(d.idMasked).toBe(id.slice(0, 6) + '********' + id.slice(-4));
    expect(d.events.map((e: { kind: string }) => e.kind)).toEqual(['joined']);
    expect(JSON.stringify(d)).not.toContain(id); // never the full number without unmask
  });

  it('refuses a contradicting sex with a Chinese message on the field', async () => {
    const res = await chair.post('/api/members', {
      orgId: chairOrgId,
      consent,
      fields: { name: '李四', idNumber: idFor('1991-01-01', '125'), sex: 'F', joinDate: '2024-01-01' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().details.fields[0]).toMatchObject({ path: 'body.fields.sex', message: '性别与身份证号不一致' });
  });

  it('finds the member by a two-character part of the name, by exact ID number and by mobile', async () => {
    for (const q of ['q=小明', `idNumber=${id}`, 'mobile=13800138000']) {
      const r = (await chair.get(`/api/members?${q}`)).json();
      expect(
        r.items.map((m: { id: string }) => m.id),
        q,
      ).toContain(memberId);
    }
    expect((await chair.get('/api/members?q=明小')).json().items.map((m: { id: string }) => m.id)).not.toContain(memberId);
  });

  it('refuses someone who is a member elsewhere, naming the holding union (in full for a city administrator)', async () => {
    const admin = await env.login('admin');
    const res = await admin.post('/api/members', { orgId: siblingOrgId, consent, fields: { name: '欧阳小明', idNumber: id, joinDate: '2025-01-01' } });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('MEMBER_HELD_ELSEWHERE');
    const [o] = await env.services.database.query<{ name: string }>(sql`SELECT name FROM org WHERE id = ${chairOrgId}`);
    expect(res.json().message).toContain(o!.name); // admin sees everything: the full name
  });

  it('edits without retyping the ID number and mobile, keeping the stored ones', async () => {
    const before = (await chair.get(`/api/members/${memberId}`)).json();
    const res = await chair.put(`/api/members/${memberId}`, {
      version: before.version,
      fields: { name: '欧阳晓明', employmentForm: 'courier', joinDate: '2024-03-05' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = (await chair.get(`/api/members/${memberId}`)).json();
    expect(after).toMatchObject({ name: '欧阳晓明', employmentForm: 'courier', idMasked: before.idMasked, mobileMasked: '138****8000' });
    const stale = await chair.put(`/api/members/${memberId}`, { version: before.version, fields: { name: '欧阳晓明', joinDate: '2024-03-05' } });
    expect(stale.statusCode).toBe(409);
  });

  it('reveals the full numbers only with member.unmask, and records it in the audit log', async () => {
    expect((await chair.post(`/api/members/${memberId}/unmask`)).statusCode).toBe(403);
    const res = await district.post(`/api/members/${memberId}/unmask`);
    expect(res.json()).toEqual({ idNumber: id, mobile: '13800138000' });
    const audit = (await district.get(`/api/audit?action=member.unmask&entityId=${memberId}`)).json();
    expect(audit.total).toBe(1);
  });

  it('retains membership, then leaves; a person who left may rejoin (one record, new event)', async () => {
    let d = (await chair.get(`/api/members/${memberId}`)).json();
    // The record names the changes its status allows (the page offers exactly these).
    expect(d.can).toMatchObject({ retained: true, left: true, reactivated: false });
    expect((await chair.post(`/api/members/${memberId}/status`, { kind: 'reactivated', onDate: '2026-01-01', version: d.version })).json().code).toBe(
      'INVALID_STATUS_CHANGE',
    );
    expect(
      (await chair.post(`/api/members/${memberId}/status`, { kind: 'retained', onDate: '2026-01-01', reason: '退休', version: d.version })).statusCode,
    ).toBe(200);
    d = (await chair.get(`/api/members/${memberId}`)).json();
    expect(d.status).toBe('retained');
    expect(d.can).toMatchObject({ retained: false, left: true, reactivated: true });
    expect((await chair.post(`/api/members/${memberId}/status`, { kind: 'left', onDate: '2026-02-01', version: d.version })).statusCode).toBe(200);
    expect((await chair.get(`/api/members/${memberId}`)).json().can).toMatchObject({ retained: false, left: false, reactivated: false });
    const again = await chair.post('/api/members', { orgId: chairOrgId, consent, fields: { name: '欧阳晓明', idNumber: id, joinDate: '2026-03-01' } });
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json().id).toBe(memberId);
    d = (await chair.get(`/api/members/${memberId}`)).json();
    expect(d.events.map((e: { kind: string }) => e.kind)).toEqual(['joined', 'retained', 'left', 'rejoined']);
  });

  it('issues a card whose QR token verifies publicly with only the masked name; a forged token fails', async () => {
    const card = (await chair.get(`/api/members/${memberId}/card`)).json();
    expect(card.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    const ok = (await env.anonymous().get(`/api/cards/verify?token=${encodeURIComponent(card.token)}`)).json();
    expect(ok).toMatchObject({ valid: true, maskedName: '欧**明' });
    const forged = card.token.slice(0, -2) + (card.token.endsWith('A') ? 'BB' : 'AA');
    expect((await env.anonymous().get(`/api/cards/verify?token=${encodeURIComponent(forged)}`)).json().valid).toBe(false);
  });

  it('a union of a sibling district cannot read, edit or unmask the member, and sees the holding union only masked', async () => {
    const admin = await env.login('admin');
    const [m] = await env.services.database.query<{ id: string; org_name: string }>(
      sql`SELECT m.id, o.name AS org_name FROM member m JOIN org o ON o.id = m.org_id JOIN org d ON o.path LIKE d.path || '%' WHERE d.code = 'D02' AND m.status = 'active' LIMIT 1`,
    );
    for (const res of [
      await district.get(`/api/members/${m!.id}`),
      await district.post(`/api/members/${m!.id}/unmask`),
      await district.get(`/api/members/${m!.id}/card`),
    ]) {
      expect(res.statusCode).toBe(404);
    }
    const { idNumber } = (await admin.post(`/api/members/${m!.id}/unmask`)).json();
    const res = await district.post('/api/members', { orgId: chairOrgId, consent, fields: { name: '张三', idNumber, joinDate: '2025-01-01' } });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toContain('****');
    expect(res.json().message).not.toContain(m!.org_name);
  });
});
