import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestEnv, type TestClient, type TestEnv } from '../../test/harness.js';
import { addDays, todayInChina } from '../../../../common/src/dates.js';
import { usccCheckChar } from '../../../../common/src/uscc.js';
import { findCjkFont } from '../hardship/roster.js';
import { runBreachJob } from './records.service.js';

/**
 * The worker's side of rights protection and what follows an agreement: partial payments against
 * each instalment, a breach (劳动争议调解仲裁法 Art. 15) told to the worker's portal inbox and opening
 * the referral with its file as a PDF; legal aid requested online and followed by number and mobile;
 * the portal's own cases, only the worker's own.
 */
let env: TestEnv;
let district: TestClient;
let admin: TestClient;
let d01: string;
const q = <T>(s: ReturnType<typeof sql>) => env.services.database.query<T>(s);
const today = todayInChina();
const WORKER = '13912340001';
const OTHER = '13912340002';
const uscc = (n: number) => {
  const first17 = '91439900MA' + String(1000000 + n).slice(-7);
  return first17 + usccCheckChar(first17);
};
const EMPLOYER = uscc(77);

let ipSeq = 0;
/** A worker's phone: keeps the worker cookie, comes from one address. */
function phone(ip = `10.77.${Math.floor(++ipSeq / 250)}.${ipSeq % 250}`) {
  let cookie = '';
  const send = async (method: 'GET' | 'POST', url: string, payload?: object) => {
    const res = await env.app.inject({
      method,
      url,
      remoteAddress: ip,
      headers: cookie ? { cookie } : {},
      ...(method === 'POST' ? { payload: payload ?? {} } : {}),
    });
    const set = res.cookies.find((c) => c.name === 'gh_wsid');
    if (set) cookie = set.value ? `gh_wsid=${set.value}` : '';
    return res;
  };
  return { send };
}
async function signUp(mobile: string) {
  const p = phone();
  expect((await p.send('POST', '/api/portal/code', { mobile })).statusCode).toBe(200);
  const box = await admin.get(`/api/system/sms-outbox?mobile=${mobile}`);
  const code = /(\d{6})/.exec(box.json().items[0]?.body as string)![1]!;
  expect((await p.send('POST', '/api/portal/session', { mobile, code })).statusCode).toBe(200);
  return p;
}

/** A case agreed 10 days ago for 9,000 yuan, with the worker's mobile, and a schedule: 4,000 due 5 days ago, 5,000 due in 5 days. */
async function agreedWithSchedule(mobile = WORKER) {
  const made = await district.post('/api/disputes', {
    orgId: d01,
    channel: 'walk_in',
    type: 'wage_arrears',
    employerName: '江城履行测试有限公司',
    amountClaimedFen: 900_000,
    receivedOn: addDays(today, -20),
    facts: '被申请人拖欠申请人两个月工资。',
    outcomeSought: '支付拖欠工资九千元。',
    workerCount: 1,
    applicants: [{ name: '钱八', mobile }],
  });
  expect(made.statusCode, made.body).toBe(201);
  const id = made.json().id as string;
  expect((await district.post(`/api/disputes/${id}/assign`, {})).statusCode).toBe(200);
  const agreed = await district.post(`/api/disputes/${id}/agree`, { terms: '分两期支付九千元。', amountFen: 900_000, effectiveOn: addDays(today, -10) });
  expect(agreed.statusCode, agreed.body).toBe(200);
  const sched = await district.put(`/api/disputes/${id}/schedule`, {
    instalments: [
      { dueOn: addDays(today, -5), amountFen: 400_000 },
      { dueOn: addDays(today, 5), amountFen: 500_000 },
    ],
  });
  expect(sched.statusCode, sched.body).toBe(200);
  return id;
}
const records = async (id: string) => (await district.get(`/api/disputes/${id}/records`)).json();

beforeAll(async () => {
  env = await createTestEnv({ disputes: 60 });
  district = await env.login('district');
  admin = await env.login('admin');
  [{ id: d01 }] = (await q<{ id: string }>(sql`SELECT id FROM org WHERE code = 'D01'`)) as [{ id: string }];
}, 600_000);
afterAll(async () => {
  await env?.close();
});

describe('partial payments against the schedule', () => {
  it('records part of an instalment, keeps what is outstanding, refuses more than that, and pays it off', async () => {
    const id = await agreedWithSchedule(OTHER);
    const part = await district.post(`/api/disputes/${id}/payments`, { seq: 1, paidOn: addDays(today, -4), amountFen: 100_000 });
    expect(part.statusCode, part.body).toBe(200);
    let r = await records(id);
    expect(r.instalments[0]).toMatchObject({ paidFen: 100_000, outstandingFen: 300_000, paidOn: null, missed: true });
    expect(r.instalments[0].payments).toEqual([{ amountFen: 100_000, paidOn: addDays(today, -4), note: null }]);
    expect(r).toMatchObject({ paidFen: 100_000, outstandingFen: 800_000, breachSince: addDays(today, -5) });
    // The schedule can no longer change once money came in.
    expect((await district.put(`/api/disputes/${id}/schedule`, { instalments: [{ dueOn: today, amountFen: 900_000 }] })).statusCode).toBe(409);
    const over = await district.post(`/api/disputes/${id}/payments`, { seq: 1, paidOn: today, amountFen: 300_001 });
    expect(over.statusCode).toBe(400);
    expect(over.json().message).toContain('尚欠');
    // Left without an amount, the payment is what is outstanding.
    expect((await district.post(`/api/disputes/${id}/payments`, { seq: 1, paidOn: today })).statusCode).toBe(200);
    r = await records(id);
    expect(r.instalments[0]).toMatchObject({ paidFen: 400_000, outstandingFen: 0, paidOn: today, missed: false });
    expect(r.breachSince).toBeNull();
    expect(r.can.refer).toBe(false);
    expect((await district.post(`/api/disputes/${id}/payments`, { seq: 1, paidOn: today, amountFen: 1 })).statusCode).toBe(409);
    const [a] = await q<{ n: number }>(sql`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = ${id} AND action = 'dispute.payment'`);
    expect(a!.n).toBe(2);
  });
});

describe('a breach opens the referral with the file assembled', () => {
  it('tells the worker in the portal inbox once, records it on the case, and the referral’s file downloads as one PDF', async () => {
    const worker = await signUp(WORKER);
    const id = await agreedWithSchedule(WORKER);
    expect((await district.post(`/api/disputes/${id}/payments`, { seq: 1, paidOn: addDays(today, -5), amountFen: 150_000 })).statusCode).toBe(200);
    await q(sql`UPDATE dispute_instalment SET breach_notice_on = due_on WHERE paid_on IS NULL AND due_on < ${today} AND dispute_id <> ${id}`);

    const run = await runBreachJob(env.services, today);
    expect(run.cases).toBe(1);
    expect(run.notified).toBe(1);
    expect((await runBreachJob(env.services, today)).cases).toBe(0);
    const inbox = (await worker.send('GET', '/api/portal/notifications')).json();
    expect(inbox.items[0].title).toBe('用人单位未按调解协议履行');
    expect(inbox.items[0].body).toContain('2500.00');
    expect(inbox.items[0].link).toBe(`/m/cases/dispute/${id}`);
    const history = (await district.get(`/api/disputes/${id}/history`)).json();
    expect(JSON.stringify(history)).toContain('dispute.breach');

    const r = await records(id);
    expect(r.can.refer).toBe(true);
    expect(r.can.bundle).toBe(false);
    const slip = Buffer.from('%PDF-1.4\n% 工资条\n%%EOF\n');
    const up = await district.post(`/api/disputes/${id}/evidence`, { kind: 'payslip', fileName: '工资条.pdf', data: slip.toString('base64') });
    expect(up.statusCode, up.body).toBe(201);
    const ref = await district.post(`/api/disputes/${id}/referral`, { commission: '江城市劳动人事争议仲裁委员会' });
    expect(ref.statusCode, ref.body).toBe(201);
    const [file] = await q<{ file: { missed: { seq: number; paidFen: number }[] } }>(sql`SELECT file FROM dispute_referral WHERE dispute_id = ${id}`);
    expect(file!.file.missed).toEqual([{ seq: 1, dueOn: addDays(today, -5), amountFen: 400_000, paidFen: 150_000 }]);
    expect((await records(id)).can.bundle).toBe(true);
    const inbox2 = (await worker.send('GET', '/api/portal/notifications')).json();
    expect(inbox2.items[0].title).toBe('案件已转仲裁');

    const pdf = await district.get(`/api/disputes/${id}/referral.pdf`);
    if (findCjkFont()) {
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers['content-type']).toContain('application/pdf');
      expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      const [a] = await q<{ n: number }>(sql`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = ${id} AND action = 'dispute.referral_pdf'`);
      expect(a!.n).toBe(1);
      // The package for the commission: the file and the evidence itself, byte for byte.
      const zip = await district.get(`/api/disputes/${id}/referral.zip`);
      expect(zip.statusCode).toBe(200);
      expect(zip.headers['content-type']).toContain('application/zip');
      const entries = unzipSync(new Uint8Array(zip.rawPayload));
      const names = Object.keys(entries);
      expect(names.some((n) => n.startsWith('仲裁移送卷宗-') && n.endsWith('.pdf'))).toBe(true);
      expect(Buffer.from(entries['证据/01-工资条.pdf']!)).toEqual(slip);
      const [z] = await q<{ n: number }>(sql`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = ${id} AND action = 'dispute.referral_zip'`);
      expect(z!.n).toBe(1);
    } else expect(pdf.statusCode).toBe(503);
  });
  it('a case not referred has no file to download (409), and a sibling district cannot reach it (404)', async () => {
    const id = await agreedWithSchedule(OTHER);
    expect((await district.get(`/api/disputes/${id}/referral.pdf`)).statusCode).toBe(409);
    const [sib] = await q<{ id: string }>(sql`SELECT id FROM org WHERE code = 'D02'`);
    const made = (await q<{ id: string }>(sql`SELECT id FROM dispute_case WHERE org_id = ${sib!.id} LIMIT 1`))[0];
    if (made) expect((await district.get(`/api/disputes/${made.id}/referral.pdf`)).statusCode).toBe(404);
  });
});

describe('legal aid requested online', () => {
  const body = (over: Record<string, unknown> = {}) => ({
    orgId: d01,
    kind: 'consultation',
    type: 'wage_arrears',
    applicantName: '孙九',
    mobile: '13700007777',
    employerName: '江城冲突测试有限公司',
    employerUscc: EMPLOYER,
    summary: '公司拖欠三个月工资，想咨询如何维权。',
    consent: { version: '2026-01', accepted: true },
    ...over,
  });
  it('from the public page: a number to follow with the mobile; one answer for a wrong number or mobile; the centre assigns with the conflict check', async () => {
    const p = phone();
    const made = await p.send('POST', '/api/legal-aid/apply', body());
    expect(made.statusCode, made.body).toBe(201);
    const { requestNo } = made.json();
    expect(requestNo).toMatch(/^FY\d{10}$/);
    const ok = await p.send('GET', `/api/legal-aid/follow?requestNo=${requestNo}&mobile=137-0000-7777`);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ requestNo, status: 'requested', kind: 'consultation', lawyerName: null });
    const wrongMobile = await p.send('GET', `/api/legal-aid/follow?requestNo=${requestNo}&mobile=13700008888`);
    const wrongNo = await p.send('GET', `/api/legal-aid/follow?requestNo=FY2000999999&mobile=13700007777`);
    expect(wrongMobile.statusCode).toBe(404);
    expect(wrongNo.statusCode).toBe(404);
    expect(wrongMobile.json().message).toBe(wrongNo.json().message);
    // Bad input is a 400 in Chinese: no consent, a negative-free but wrong credit code.
    expect((await p.send('POST', '/api/legal-aid/apply', body({ consent: { version: '2026-01', accepted: false } }))).statusCode).toBe(400);
    expect((await p.send('POST', '/api/legal-aid/apply', body({ employerUscc: '91439900MA00000000' }))).statusCode).toBe(400);

    // The centre sees it (channel online, mobile masked) and assigns it: the lawyer who acted for the employer is refused.
    const [row] = await q<{ id: string }>(sql`SELECT id FROM legal_aid_request WHERE request_no = ${requestNo}`);
    const item = (await district.get(`/api/legal-aid/${row!.id}`)).json();
    expect(item).toMatchObject({ channel: 'online', mobileMasked: '137****7777' });
    await q(sql`UPDATE lawyer SET active = false WHERE org_id = ${d01}`);
    for (const [name, conflicts] of [
      ['丙律师', [EMPLOYER]],
      ['丁律师', []],
    ] as const)
      expect(
        (await district.post('/api/lawyers', { orgId: d01, name, firm: '江城测试律师事务所', specialties: [], capacity: 5, conflictUsccs: conflicts }))
          .statusCode,
      ).toBe(201);
    const [conflicted] = await q<{ id: string }>(sql`SELECT id FROM lawyer WHERE name = '丙律师'`);
    expect((await district.post(`/api/legal-aid/${row!.id}/assign`, { lawyerId: conflicted!.id })).statusCode).toBe(409);
    expect((await district.post(`/api/legal-aid/${row!.id}/assign`, {})).statusCode).toBe(200);
    const after = (await p.send('GET', `/api/legal-aid/follow?requestNo=${requestNo}&mobile=13700007777`)).json();
    expect(after).toMatchObject({ status: 'assigned', lawyerName: '丁律师' });
  });
  it('following is rate-limited per address like the join status (30 in 10 minutes)', async () => {
    const p = phone();
    let last = 0;
    for (let i = 0; i < 31; i++) last = (await p.send('GET', `/api/legal-aid/follow?requestNo=FY2000000001&mobile=13700007777`)).statusCode;
    expect(last).toBe(429);
  });
  it('from the portal: the worker’s own mobile is the request’s and it shows among their cases', async () => {
    const worker = await signUp('13912340003');
    const { consent: _c, mobile: _m, ...rest } = body();
    const made = await worker.send('POST', '/api/portal/legal-aid', { ...rest, kind: 'drafting' });
    expect(made.statusCode, made.body).toBe(201);
    const mine = (await worker.send('GET', '/api/portal/applications')).json() as { kind: string; ref: string; id: string }[];
    const aid = mine.find((a) => a.kind === 'legal_aid');
    expect(aid?.ref).toBe(made.json().requestNo);
    const detail = await worker.send('GET', `/api/portal/cases/legal_aid/${aid!.id}`);
    expect(detail.statusCode, detail.body).toBe(200);
    expect(detail.json()).toMatchObject({ kind: 'legal_aid', status: 'requested', handler: null });
    expect(detail.json().nextSteps[0]).toContain('指派援助律师');
  });
});

describe('the portal’s own cases', () => {
  it('a worker opens their own dispute with its clocks and next steps; another worker, a stranger and a cadre get nothing', async () => {
    const mine = await signUp('13912340004');
    const other = await signUp('13912340005');
    const id = await agreedWithSchedule('13912340004');
    const list = (await mine.send('GET', '/api/portal/applications')).json() as { kind: string; id: string }[];
    expect(list.some((a) => a.kind === 'dispute' && a.id === id)).toBe(true);
    const res = await mine.send('GET', `/api/portal/cases/dispute/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    expect(d).toMatchObject({ kind: 'dispute', status: 'agreed' });
    expect(d.clocks.map((c: { key: string }) => c.key)).toEqual(expect.arrayContaining(['confirmation', 'instalment']));
    expect(d.clocks.every((c: { unit: string }) => c.unit === 'calendar_days')).toBe(true);
    expect(d.payments).toMatchObject({ amountFen: 900_000, paidFen: 0, outstandingFen: 900_000, breachSince: addDays(today, -5) });
    expect(d.nextSteps.join('')).toContain('第十五条');

    const theirs = (await other.send('GET', '/api/portal/applications')).json() as { id: string }[];
    expect(theirs.some((a) => a.id === id)).toBe(false);
    expect((await other.send('GET', `/api/portal/cases/dispute/${id}`)).statusCode).toBe(404);
    expect((await phone().send('GET', `/api/portal/cases/dispute/${id}`)).statusCode).toBe(401);
    expect((await district.get(`/api/portal/cases/dispute/${id}`)).statusCode).toBe(401);
    // Someone else's demo case, and a legal-aid request filed with another mobile: 404 too.
    const [demo] = await q<{ id: string }>(sql`SELECT id FROM dispute_case WHERE id <> ${id} LIMIT 1`);
    expect((await mine.send('GET', `/api/portal/cases/dispute/${demo!.id}`)).statusCode).toBe(404);
    const [aid] = await q<{ id: string }>(sql`SELECT id FROM legal_aid_request LIMIT 1`);
    expect((await mine.send('GET', `/api/portal/cases/legal_aid/${aid!.id}`)).statusCode).toBe(404);
    expect((await mine.send('GET', `/api/portal/cases/members/${id}`)).statusCode).toBe(400);
  });
});
