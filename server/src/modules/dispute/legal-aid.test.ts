import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestEnv, type TestClient, type TestEnv } from '../../test/harness.js';
import { usccCheckChar } from '../../../../common/src/uscc.js';

/** Legal aid: requests assigned to a lawyer with the conflict check, closed with hours, outcome and satisfaction; the 12351 call log. */
let env: TestEnv;
let district: TestClient;
let chair: TestClient;
let d01: string;
const q = <T>(s: ReturnType<typeof sql>) => env.services.database.query<T>(s);
const uscc = (n: number) => {
  const first17 = '91439900MA' + String(1000000 + n).slice(-7);
  return first17 + usccCheckChar(first17);
};
const EMPLOYER = uscc(42);

const request = (over: Record<string, unknown> = {}) => ({
  orgId: d01,
  channel: 'walk_in',
  kind: 'arbitration',
  type: 'termination',
  applicantName: '周七',
  mobile: '13811112222',
  employerName: '江城冲突测试有限公司',
  employerUscc: EMPLOYER,
  summary: '被违法解除劳动合同，请求代理仲裁。',
  ...over,
});

beforeAll(async () => {
  env = await createTestEnv({ disputes: 100 });
  district = await env.login('district');
  chair = await env.login('grassroots');
  [{ id: d01 }] = (await q<{ id: string }>(sql`SELECT id FROM org WHERE code = 'D01'`)) as [{ id: string }];
  // The district's own panel for this test: one lawyer who acted for the employer, one who did not.
  await q(sql`UPDATE lawyer SET active = false WHERE org_id = ${d01}`);
  for (const [name, conflicts] of [
    ['甲律师', [EMPLOYER]],
    ['乙律师', []],
  ] as const) {
    const res = await district.post('/api/lawyers', { orgId: d01, name, firm: '江城测试律师事务所', specialties: [], capacity: 5, conflictUsccs: conflicts });
    expect(res.statusCode, res.body).toBe(201);
  }
}, 600_000);
afterAll(async () => {
  await env?.close();
});

describe('legal aid', () => {
  it('assigns a lawyer without a conflict; naming the one who acted for the employer is refused', async () => {
    const made = await district.post('/api/legal-aid', request());
    expect(made.statusCode, made.body).toBe(201);
    const id = made.json().id;
    const [conflicted] = await q<{ id: string }>(sql`SELECT id FROM lawyer WHERE name = '甲律师'`);
    const refused = await district.post(`/api/legal-aid/${id}/assign`, { lawyerId: conflicted!.id });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toContain('利益冲突');
    const auto = await district.post(`/api/legal-aid/${id}/assign`, {});
    expect(auto.statusCode, auto.body).toBe(200);
    expect((await district.get(`/api/legal-aid/${id}`)).json()).toMatchObject({ status: 'assigned', lawyerName: '乙律师', mobileMasked: '138****2222' });
  });

  it('closing needs the outcome; records hours and satisfaction, shown on the lawyer', async () => {
    const id = (await district.post('/api/legal-aid', request())).json().id;
    await district.post(`/api/legal-aid/${id}/assign`, {});
    expect((await district.post(`/api/legal-aid/${id}/close`, { outcomeKind: 'resolved', outcome: '', hours: 3 })).statusCode).toBe(400);
    expect((await district.post(`/api/legal-aid/${id}/close`, { outcomeKind: 'resolved', outcome: '仲裁裁决支持诉求', hours: 2.25 })).statusCode).toBe(400);
    const closed = await district.post(`/api/legal-aid/${id}/close`, { outcomeKind: 'resolved', outcome: '仲裁裁决支持诉求', hours: 3.5, satisfaction: 5 });
    expect(closed.statusCode, closed.body).toBe(200);
    expect((await district.get(`/api/legal-aid/${id}`)).json()).toMatchObject({ status: 'closed', hours: 3.5, satisfaction: 5, actions: [] });
    const lawyers = (await district.get(`/api/lawyers?under=${d01}&pageSize=200`)).json().items as { name: string; hours: number; closed: number }[];
    expect(lawyers.find((l) => l.name === '乙律师')).toMatchObject({ closed: 1, hours: 3.5 });
  });

  it('a wrong credit code on the conflict list is a 400', async () => {
    const res = await district.post('/api/lawyers', {
      orgId: d01,
      name: '丙律师',
      firm: '某所',
      conflictUsccs: [EMPLOYER.slice(0, 17) + (EMPLOYER.endsWith('0') ? '1' : '0')],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('统一社会信用代码');
  });

  it('every 12351 call is logged; one that asks for legal aid opens the request with it', async () => {
    const plain = await district.post('/api/hotline-calls', { orgId: d01, topic: 'overtime', summary: '咨询加班费计算', result: 'answered' });
    expect(plain.statusCode, plain.body).toBe(201);
    expect(plain.json().legalAid).toBeNull();
    expect((await district.post('/api/hotline-calls', { orgId: d01, topic: 'wage_arrears', summary: '工地欠薪', result: 'legal_aid' })).statusCode).toBe(400);
    const aid = await district.post('/api/hotline-calls', {
      orgId: d01,
      callerName: '吴八',
      mobile: '13922223333',
      topic: 'wage_arrears',
      summary: '工地欠薪三个月',
      result: 'legal_aid',
      aidKind: 'consultation',
    });
    expect(aid.statusCode, aid.body).toBe(201);
    const r = (await district.get(`/api/legal-aid/${aid.json().legalAid.id}`)).json();
    expect(r).toMatchObject({ channel: 'hotline', kind: 'consultation', type: 'wage_arrears', applicantName: '吴八', status: 'requested' });
    const today = (await district.get('/api/hotline-calls?today=true&pageSize=200')).json();
    expect(today.items.map((c: { id: string }) => c.id)).toEqual(expect.arrayContaining([plain.json().id, aid.json().id]));
  });

  it('a grassroots chair sees only their own union’s requests and calls', async () => {
    const list = (await chair.get('/api/legal-aid?pageSize=200')).json();
    const [own] = await q<{ org_id: string }>(sql`SELECT org_id FROM app_user WHERE username = 'grassroots'`);
    expect(list.items.every((r: { orgId: string }) => r.orgId === own!.org_id)).toBe(true);
    const other = (await district.post('/api/legal-aid', request())).json();
    expect((await chair.get(`/api/legal-aid/${other.id}`)).statusCode).toBe(404);
    const dash = (await district.get('/api/legal-aid/dashboard')).json();
    expect(dash.open).toBe(
      (
        await q<{ n: number }>(
          sql`SELECT count(*)::int AS n FROM legal_aid_request WHERE status IN ('requested', 'assigned') AND org_id IN (SELECT id FROM org WHERE path LIKE (SELECT path || '%' FROM org WHERE id = ${d01}))`,
        )
      )[0]!.n,
    );
  });
});
