import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import ExcelJS from '../../platform/exceljs.js';
import { createTestEnv, type TestClient, type TestEnv } from '../../test/harness.js';
import { addMember, demoOrgs, freshId, type DemoOrgs } from '../member/join/fixtures.js';
import { signUpWorker } from '../portal/phone-fixtures.js';
import { todayInChina } from '../../../../common/src/dates.js';

let env: TestEnv;
let o: DemoOrgs;
let admin: TestClient;
let district: TestClient;
let chair: TestClient;
const PDF = Buffer.from('%PDF-1.4\n% claim\n').toString('base64');
const actions = async (entityId: string) =>
  (await env.services.database.query<{ action: string }>(sql`SELECT action FROM audit_log WHERE entity_id = ${entityId} ORDER BY seq`)).map((r) => r.action);

beforeAll(async () => {
  env = await createTestEnv({ members: 300, hardship: 5, disputes: 5 });
  o = await demoOrgs(env);
  admin = await env.login('admin');
  district = await env.login('district');
  chair = await env.login('grassroots');
});
afterAll(async () => {
  await env?.close();
});

async function plan(kind: string, startsOn: string, orgId = o.d01.id) {
  const res = await admin.post('/api/mutual-aid/plans', { orgId, kind, name: `测试${kind}计划${startsOn}`, feeFen: 3000, maxPayoutFen: 2_000_000, startsOn });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; coverYears: number };
}
async function enrolOne(client: TestClient, planId: string, memberId: string, paidOn: string) {
  const res = await client.post(`/api/mutual-aid/plans/${planId}/enrolments`, { memberIds: [memberId], paidOn });
  expect(res.statusCode, res.body).toBe(200);
  const list = await client.get(`/api/mutual-aid/enrolments?planId=${planId}&memberId=${memberId}`);
  return list.json().items[0] as { id: string; coverFrom: string; coverTo: string };
}
const claimBody = (enrolmentId: string, extra: Record<string, unknown> = {}) => ({
  enrolmentId,
  benefit: 'medical',
  eventOn: '2025-08-01',
  amountFen: 80_000,
  description: '上班途中摔伤，门诊治疗',
  ...extra,
});

describe('plans and enrolment', () => {
  it('a plan keeps the cover period of its kind; the chair enrols a member by list with the unified start date', async () => {
    const [a, w, s] = [await plan('accident', '2025-06-01'), await plan('women_illness', '2025-06-01'), await plan('serious_illness', '2025-06-01')];
    expect([a.coverYears, w.coverYears, s.coverYears]).toEqual([1, 2, 3]);
    const m = await addMember(admin, o.g1.id, freshId('M'), { name: '互助甲' });
    const e = await enrolOne(chair, s.id, m, '2025-05-20');
    expect(e).toMatchObject({ coverFrom: '2025-06-01', coverTo: '2028-05-31' });
    // A second payment for the same plan is not a second enrolment.
    const again = await chair.post(`/api/mutual-aid/plans/${s.id}/enrolments`, { memberIds: [m], paidOn: '2025-07-01' });
    expect(again.json()).toMatchObject({ enrolled: 0, already: 1 });
    // The women's plan takes women only; the answer says why, in zh and en.
    const no = await chair.post(`/api/mutual-aid/plans/${w.id}/enrolments`, { memberIds: [m], paidOn: '2025-05-20' });
    expect(no.json().enrolled).toBe(0);
    expect(no.json().problems[0].zh).toContain('女职工');
    expect(no.json().problems[0].en).toContain('women only');
    expect(await actions(s.id)).toEqual(expect.arrayContaining(['mutual_aid.plan_create', 'mutual_aid.enrol']));
  });

  it('enrols from an xlsx roster by ID number, and reports the rows it could not use', async () => {
    const p = await plan('accident', '2025-06-01');
    const id = freshId('F');
    await addMember(admin, o.g1.id, id, { name: '名单乙' });
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('参保名单');
    ws.addRow(['姓名', '身份证号']);
    ws.addRow(['名单乙', id]);
    ws.addRow(['查无此人', freshId('M')]);
    const data = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const res = await chair.post(`/api/mutual-aid/plans/${p.id}/enrolments/import`, { fileName: '参保名单.xlsx', data, paidOn: '2025-08-10' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ enrolled: 1, already: 0, problems: [{ row: 3, en: 'No member with this ID number' }] });
    const bad = await chair.post(`/api/mutual-aid/plans/${p.id}/enrolments/import`, { fileName: 'x.xlsx', data: PDF, paidOn: '2025-08-10' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('xlsx');
  });

  it('a member of another union is not enrolled by the chair', async () => {
    const p = await plan('accident', '2025-06-01');
    const other = await addMember(admin, o.g1b.id, freshId('M'), { name: '邻居丙' });
    const res = await chair.post(`/api/mutual-aid/plans/${p.id}/enrolments`, { memberIds: [other], paidOn: '2025-05-20' });
    expect(res.json()).toMatchObject({ enrolled: 0, problems: [{ en: 'No such member in your scope' }] });
    // A plan of the sibling district is not there for D01.
    const d02plan = await plan('accident', '2025-06-01', o.d02.id);
    expect((await district.get(`/api/mutual-aid/plans/${d02plan.id}`)).statusCode).toBe(404);
    expect((await district.get('/api/mutual-aid/plans?pageSize=100')).json().items.map((x: { id: string }) => x.id)).not.toContain(d02plan.id);
  });
});

describe("the cadre pages: plans by year and union, a plan's enrolments by union and cover, the roster template", () => {
  const year = Number(todayInChina().slice(0, 4));
  it('lists the plans starting in a year, of a kind, run under a union', async () => {
    const p = await plan('women_illness', '2031-03-01', o.d02.id);
    const ids = async (q: string) => (await admin.get(`/api/mutual-aid/plans?pageSize=100&${q}`)).json().items.map((x: { id: string }) => x.id);
    expect(await ids('year=2031')).toContain(p.id);
    expect(await ids('year=2030')).not.toContain(p.id);
    expect(await ids(`year=2031&under=${o.d02.id}`)).toContain(p.id);
    expect(await ids(`year=2031&under=${o.d01.id}`)).not.toContain(p.id);
    expect(await ids('year=2031&kind=accident')).not.toContain(p.id);
    expect((await admin.get('/api/mutual-aid/plans?year=1999')).statusCode).toBe(400);
  });

  it("a plan's enrolments filter by union and by where the cover stands today", async () => {
    const active = await plan('serious_illness', `${year - 1}-01-01`);
    const ended = await plan('accident', `${year - 3}-01-01`);
    const upcoming = await plan('accident', `${year + 1}-01-01`);
    const [a, b] = [await addMember(admin, o.g1.id, freshId('M'), { name: '在保戊' }), await addMember(admin, o.g1b.id, freshId('M'), { name: '邻厂己' })];
    for (const p of [active, ended, upcoming]) {
      const res = await admin.post(`/api/mutual-aid/plans/${p.id}/enrolments`, { memberIds: [a, b], paidOn: `${year - 3}-01-01` });
      expect(res.json(), res.body).toMatchObject({ enrolled: 2 });
    }
    const list = async (q: string) =>
      (await admin.get(`/api/mutual-aid/enrolments?${q}`)).json().items as { memberId: string; status: string; memberName: string }[];
    expect((await list(`planId=${active.id}`)).map((e) => e.status)).toEqual(['active', 'active']);
    expect((await list(`planId=${active.id}&under=${o.g1.id}`)).map((e) => e.memberId)).toEqual([a]);
    expect((await list(`planId=${active.id}&status=ended`)).length).toBe(0);
    expect((await list(`planId=${ended.id}&status=ended`)).length).toBe(2);
    expect((await list(`planId=${upcoming.id}&status=upcoming&under=${o.g1b.id}`)).map((e) => [e.memberId, e.status])).toEqual([[b, 'upcoming']]);
    // Names stay masked in the list.
    expect((await list(`planId=${active.id}&under=${o.g1.id}`))[0]!.memberName).not.toBe('在保戊');
    // The plan counts all its members, and those the caller can list.
    expect((await admin.get(`/api/mutual-aid/plans/${active.id}`)).json()).toMatchObject({ enrolled: 2, enrolledInScope: 2 });
    expect((await chair.get(`/api/mutual-aid/plans/${active.id}`)).json()).toMatchObject({ enrolled: 2, enrolledInScope: 1 });
    const listed = (await chair.get(`/api/mutual-aid/plans?year=${year - 1}&kind=serious_illness&pageSize=100`)).json().items;
    expect(listed.find((x: { id: string }) => x.id === active.id)).toMatchObject({ enrolled: 2, enrolledInScope: 1 });
    // The chair sees only their own union's enrolments, whatever the filter.
    const chairs = (await chair.get(`/api/mutual-aid/enrolments?planId=${active.id}&under=${o.g1b.id}`)).json();
    expect(chairs.items).toEqual([]);
  });

  it('enrols by pasted ID numbers, naming the place of each number it could not use', async () => {
    const p = await plan('accident', `${year}-01-01`);
    const id = freshId('M');
    const m = await addMember(admin, o.g1.id, id, { name: '粘贴辛' });
    // A number held in another union reads as unknown: the answer does not tell who is a member elsewhere.
    const elsewhere = freshId('M');
    await addMember(admin, o.g1b.id, elsewhere, { name: '邻厂壬' });
    const res = await chair.post(`/api/mutual-aid/plans/${p.id}/enrolments`, {
      idNumbers: [id.toLowerCase(), freshId('M'), elsewhere],
      paidOn: `${year}-01-01`,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      enrolled: 1,
      problems: [
        { row: 2, zh: '未找到该身份证号的会员' },
        { row: 3, zh: '未找到该身份证号的会员' },
      ],
    });
    expect((await chair.get(`/api/mutual-aid/enrolments?planId=${p.id}`)).json().items.map((e: { memberId: string }) => e.memberId)).toEqual([m]);
    const none = await chair.post(`/api/mutual-aid/plans/${p.id}/enrolments`, { paidOn: `${year}-01-01` });
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('请选择会员或填写身份证号');
  });

  it('the roster template is an xlsx with the column 身份证号 that the import reads back', async () => {
    const res = await chair.get('/api/mutual-aid/enrolments/template.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const ws = wb.getWorksheet('参保名单')!;
    expect(ws.getRow(1).getCell(1).value).toBe('身份证号');
    expect(wb.getWorksheet('填写说明')).toBeTruthy();
    const id = freshId('F');
    await addMember(admin, o.g1.id, id, { name: '模板庚' });
    ws.addRow([id, '模板庚']);
    ws.addRow(['', '空行']);
    const data = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const p = await plan('accident', `${year}-01-01`);
    const up = await chair.post(`/api/mutual-aid/plans/${p.id}/enrolments/import`, { fileName: '参保名单模板.xlsx', data, paidOn: `${year}-01-01` });
    expect(up.json(), up.body).toMatchObject({ enrolled: 1, already: 0, problems: [] });
  });
});

describe('claims', () => {
  let enrolmentId: string;
  beforeAll(async () => {
    const p = await plan('accident', '2025-06-01');
    const m = await addMember(admin, o.g1.id, freshId('M'), { name: '申请丁' });
    const e = await enrolOne(chair, p.id, m, '2025-05-20');
    expect(e).toMatchObject({ coverFrom: '2025-06-01', coverTo: '2026-05-31' });
    enrolmentId = e.id;
  });

  it('an event on the first and on the last day of cover is accepted; the day before and the day after are refused with the dates', async () => {
    for (const day of ['2025-06-01', '2026-05-31']) {
      const res = await chair.post('/api/mutual-aid/claims', claimBody(enrolmentId, { eventOn: day }));
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ status: 'submitted', eventOn: day, coverFrom: '2025-06-01', coverTo: '2026-05-31' });
    }
    for (const day of ['2025-05-31', '2026-06-01']) {
      const res = await chair.post('/api/mutual-aid/claims', claimBody(enrolmentId, { eventOn: day }));
      expect(res.statusCode).toBe(422);
      expect(res.json().code).toBe('OUTSIDE_COVER');
      expect(res.body).toContain(`${day} 不在保障期 2025-06-01 至 2026-05-31 内`);
      expect(res.body).toContain('outside the cover period 2025-06-01 to 2026-05-31');
    }
  });

  it('a disability assessed on the 180th day after the accident is accepted, on the 181st refused', async () => {
    const ok = await chair.post('/api/mutual-aid/claims', claimBody(enrolmentId, { benefit: 'disability', eventOn: '2025-07-01', assessedOn: '2025-12-28' }));
    expect(ok.statusCode, ok.body).toBe(201);
    const late = await chair.post('/api/mutual-aid/claims', claimBody(enrolmentId, { benefit: 'disability', eventOn: '2025-07-01', assessedOn: '2025-12-29' }));
    expect(late.statusCode).toBe(422);
    expect(late.json().code).toBe('ASSESSED_TOO_LATE');
    expect(late.body).toContain('180日内评定（最迟 2025-12-28）');
    const illness = await chair.post('/api/mutual-aid/claims', claimBody(enrolmentId, { benefit: 'illness' }));
    expect(illness.statusCode).toBe(400);
  });

  it('documents, review and payout go through the workflow; the chair cannot approve; every step is audited', async () => {
    const k = (await chair.post('/api/mutual-aid/claims', claimBody(enrolmentId))).json();
    const doc = await chair.post(`/api/mutual-aid/claims/${k.id}/documents`, { kind: 'invoice', fileName: '门诊发票.pdf', data: PDF });
    expect(doc.statusCode, doc.body).toBe(201);
    const png = await chair.post(`/api/mutual-aid/claims/${k.id}/documents`, {
      kind: 'invoice',
      fileName: 'a.pdf',
      data: Buffer.from('hello').toString('base64'),
    });
    expect(png.statusCode).toBe(415);
    expect((await chair.post(`/api/mutual-aid/claims/${k.id}/approve`, { approvedFen: 60_000, version: 1 })).statusCode).toBe(403);
    const read = await district.get(`/api/mutual-aid/claims/${k.id}`);
    expect(read.json()).toMatchObject({ actions: ['approve', 'reject'], documents: [{ fileName: '门诊发票.pdf', mime: 'application/pdf' }] });
    expect((await district.get(`/api/mutual-aid/documents/${doc.json().id}`)).statusCode).toBe(200);
    const approved = await district.post(`/api/mutual-aid/claims/${k.id}/approve`, { approvedFen: 60_000, version: 1 });
    expect(approved.json()).toMatchObject({ status: 'approved', approvedFen: 60_000 });
    expect((await district.post(`/api/mutual-aid/claims/${k.id}/approve`, { approvedFen: 60_000, version: 2 })).statusCode).toBe(409);
    const paid = await district.post(`/api/mutual-aid/claims/${k.id}/pay`, { paidOn: '2025-09-01', version: 2 });
    expect(paid.json()).toMatchObject({ status: 'paid', paidOn: '2025-09-01' });
    const r = (await chair.post('/api/mutual-aid/claims', claimBody(enrolmentId))).json();
    expect((await district.post(`/api/mutual-aid/claims/${r.id}/reject`, { reason: '', version: 1 })).statusCode).toBe(400);
    expect((await district.post(`/api/mutual-aid/claims/${r.id}/reject`, { reason: '非意外事故', version: 1 })).json()).toMatchObject({
      status: 'rejected',
      reason: '非意外事故',
    });
    expect(await actions(k.id)).toEqual(
      expect.arrayContaining([
        'mutual_aid.claim_file',
        'mutual_aid.document_add',
        'mutual_aid.claim_read',
        'mutual_aid.document_read',
        'mutual_aid.claim_approve',
        'mutual_aid.claim_pay',
      ]),
    );
    expect(await actions(r.id)).toContain('mutual_aid.claim_reject');
    const fig = (await district.get('/api/mutual-aid/dashboard')).json();
    expect(fig.paidFen).toBeGreaterThanOrEqual(60_000);
    expect(fig.claims.find((x: { status: string }) => x.status === 'rejected').n).toBeGreaterThanOrEqual(1);
  });
});

describe('the worker’s side', () => {
  it('a linked worker sees only their own cover and claims, files a claim with a document, and cannot claim on another’s cover', async () => {
    const p = await plan('accident', '2025-06-01');
    const idNumber = freshId('M');
    const mine = await addMember(admin, o.g1.id, idNumber, { name: '职工戊' });
    const other = await addMember(admin, o.g1.id, freshId('M'), { name: '职工己' });
    const e = await enrolOne(chair, p.id, mine, '2025-05-20');
    const eo = await enrolOne(chair, p.id, other, '2025-05-20');
    await chair.post('/api/mutual-aid/claims', claimBody(eo.id));
    const w = await signUpWorker(env, admin);
    expect((await w.p.send('GET', '/api/portal/mutual-aid')).json()).toEqual({ linked: false, covers: [], claims: [] });
    expect((await w.p.send('POST', '/api/portal/link', { name: '职工戊', idNumber })).statusCode).toBe(200);
    const before = (await w.p.send('GET', '/api/portal/mutual-aid')).json();
    expect(before.covers).toEqual([expect.objectContaining({ enrolmentId: e.id, coverFrom: '2025-06-01', coverTo: '2026-05-31', active: false })]);
    expect(before.claims).toEqual([]);
    const filed = await w.p.send(
      'POST',
      '/api/portal/mutual-aid/claims',
      { ...claimBody(e.id, { eventOn: '2026-03-02' }), document: { kind: 'diagnosis', fileName: '诊断证明.pdf', data: PDF } },
      { 'content-type': 'application/json' },
    );
    expect(filed.statusCode, filed.body).toBe(201);
    expect(filed.json()).toMatchObject({ status: 'submitted', eventOn: '2026-03-02' });
    const outside = await w.p.send('POST', '/api/portal/mutual-aid/claims', claimBody(e.id, { eventOn: '2026-06-01' }), { 'content-type': 'application/json' });
    expect(outside.statusCode).toBe(422);
    expect(outside.json().message).toContain('2025-06-01 至 2026-05-31');
    const theirs = await w.p.send('POST', '/api/portal/mutual-aid/claims', claimBody(eo.id), { 'content-type': 'application/json' });
    expect(theirs.statusCode).toBe(404);
    const after = (await w.p.send('GET', '/api/portal/mutual-aid')).json();
    expect(after.claims.map((c: { id: string }) => c.id)).toEqual([filed.json().id]);
    const k = (await district.get(`/api/mutual-aid/claims/${filed.json().id}`)).json();
    expect(k).toMatchObject({ filedBy: 'worker', documents: [{ fileName: '诊断证明.pdf' }] });
    expect(await actions(filed.json().id)).toEqual(expect.arrayContaining(['mutual_aid.claim_file', 'mutual_aid.document_add']));
  });
});

describe('demo data', () => {
  it('enrols about 30% of active members and has claims in every state, the demo workers’ among them', async () => {
    const q = <T>(s: ReturnType<typeof sql>) => env.services.database.query<T>(s);
    const [share] = await q<{ enrolled: number; active: number }>(
      sql`SELECT (SELECT count(DISTINCT member_id)::int FROM mutual_aid_enrolment WHERE is_demo) AS enrolled, (SELECT count(*)::int FROM member WHERE status = 'active') AS active`,
    );
    expect(share!.enrolled / share!.active).toBeGreaterThan(0.2);
    expect(share!.enrolled / share!.active).toBeLessThan(0.4);
    const states = await q<{ status: string }>(
      sql`SELECT DISTINCT k.status FROM mutual_aid_claim k JOIN worker_account w ON w.member_id = k.member_id WHERE k.is_demo AND w.id::text LIKE '00000000-0000-4000-8000-0000000a%' ORDER BY 1`,
    );
    expect(states.map((s) => s.status)).toEqual(['approved', 'paid', 'rejected', 'submitted']);
  });
});
