import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import QRCode from 'qrcode';
import { createTestEnv, type TestClient, type TestEnv } from '../../test/harness.js';
import { addDays, todayInChina } from '../../../../common/src/dates.js';
import { computeDeadline } from '../../../../common/src/deadlines.js';
import { breachSince, milestoneDues } from '../../../../common/src/dispute-records.js';
import { findCjkFont } from '../hardship/roster.js';

/** Evidence, the agreement (schedule, signatures, PDF), payments, breach and referral (Art. 15), arbitration milestones, and the dashboard's rights counters. */
let env: TestEnv;
let district: TestClient;
let admin: TestClient;
let d01: string;
let png: string;
const q = <T>(s: ReturnType<typeof sql>) => env.services.database.query<T>(s);
const today = todayInChina();
const PDF = Buffer.from('%PDF-1.4\n%test\n').toString('base64');

const intake = (over: Record<string, unknown> = {}) => ({
  orgId: d01,
  channel: 'walk_in',
  type: 'wage_arrears',
  employerName: '江城测试建材有限公司',
  amountClaimedFen: 900_000,
  receivedOn: addDays(today, -20),
  facts: '被申请人拖欠申请人两个月工资。',
  outcomeSought: '支付拖欠工资九千元。',
  workerCount: 1,
  applicants: [{ name: '王五', mobile: '13912345678' }],
  ...over,
});

/** A case received 20 days ago, assigned, agreed 10 days ago for 9,000 yuan. */
async function agreedCase(amountFen = 900_000) {
  const made = (await district.post('/api/disputes', intake())).json();
  expect((await district.post(`/api/disputes/${made.id}/assign`, {})).statusCode).toBe(200);
  const agreed = await district.post(`/api/disputes/${made.id}/agree`, {
    terms: '被申请人分两期支付拖欠工资九千元。',
    amountFen,
    effectiveOn: addDays(today, -10),
  });
  expect(agreed.statusCode, agreed.body).toBe(200);
  return made.id as string;
}

beforeAll(async () => {
  env = await createTestEnv({ disputes: 120 });
  district = await env.login('district');
  [{ id: d01 }] = (await q<{ id: string }>(sql`SELECT id FROM org WHERE code = 'D01'`)) as [{ id: string }];
  png = (await QRCode.toBuffer('签名', { type: 'png', width: 64 })).toString('base64');
  admin = await env.login('admin');
}, 600_000);
afterAll(async () => {
  await env?.close();
});

describe('pure rules', () => {
  it('a missed instalment is a breach from its due day; one paid or not yet due is not', () => {
    const list = [
      { seq: 1, dueOn: '2026-03-01', amountFen: 1, paidOn: '2026-03-01' },
      { seq: 2, dueOn: '2026-04-01', amountFen: 1, paidOn: null },
    ];
    expect(breachSince(list, '2026-04-01')).toBeNull();
    expect(breachSince(list, '2026-04-02')).toBe('2026-04-01');
  });
  it('arbitration days follow the milestones: acceptance 5, award 45 or 45 + 15, suit 15 (Arts. 29, 43, 48)', () => {
    const ms = [
      { kind: 'application', onDate: '2026-03-02' },
      { kind: 'acceptance', onDate: '2026-03-06' },
    ];
    const d = milestoneDues(ms);
    expect(d.acceptanceDue).toBe(computeDeadline('2026-03-02', { n: 5, unit: 'calendar_days' }).due);
    expect(d.awardDue).toBe(computeDeadline('2026-03-06', { n: 45, unit: 'calendar_days' }).due);
    expect(milestoneDues([...ms, { kind: 'extension', onDate: '2026-04-01' }]).awardDue).toBe(
      computeDeadline('2026-03-06', { n: 60, unit: 'calendar_days' }).due,
    );
    expect(milestoneDues([...ms, { kind: 'award', onDate: '2026-04-10' }]).suitDue).toBe(computeDeadline('2026-04-10', { n: 15, unit: 'calendar_days' }).due);
    expect(milestoneDues([])).toEqual({ acceptanceDue: null, awardDue: null, suitDue: null });
  });
});

describe('evidence', () => {
  it('uploads a PDF, lists it, downloads it (audited) and deletes it', async () => {
    const id = (await district.post('/api/disputes', intake())).json().id;
    const up = await district.post(`/api/disputes/${id}/evidence`, { kind: 'payslip', fileName: '工资条.pdf', data: PDF });
    expect(up.statusCode, up.body).toBe(201);
    expect(up.json()).toMatchObject({ kind: 'payslip', mime: 'application/pdf', fileName: '工资条.pdf' });
    const rec = (await district.get(`/api/disputes/${id}/records`)).json();
    expect(rec.evidence).toHaveLength(1);
    expect(rec.can.evidence).toBe(true);
    const dl = await district.get(`/api/dispute-evidence/${up.json().id}`);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toContain('application/pdf');
    expect(dl.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const [audit] = await q<{ n: number }>(sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'dispute.evidence_read' AND entity_id = ${id}`);
    expect(audit!.n).toBe(1);
    expect((await district.del(`/api/dispute-evidence/${up.json().id}`)).statusCode).toBe(200);
    expect((await district.get(`/api/disputes/${id}/records`)).json().evidence).toHaveLength(0);
  });

  it('refuses a file whose content is not PDF/JPEG/PNG (415) and a path in the name (400), in Chinese', async () => {
    const id = (await district.post('/api/disputes', intake())).json().id;
    const exe = await district.post(`/api/disputes/${id}/evidence`, {
      kind: 'other',
      fileName: '证据.pdf',
      data: Buffer.from('MZ\x90\x00 not a pdf').toString('base64'),
    });
    expect(exe.statusCode).toBe(415);
    expect(exe.json().message).toContain('只接受');
    const path = await district.post(`/api/disputes/${id}/evidence`, { kind: 'other', fileName: '../../etc/passwd', data: PDF });
    expect(path.statusCode).toBe(400);
    expect(path.body).toContain('文件名不能包含路径');
    const [n] = await q<{ n: number }>(sql`SELECT count(*)::int AS n FROM dispute_evidence WHERE dispute_id = ${id}`);
    expect(n!.n).toBe(0);
  });
});

describe('the agreement, its payments and a breach', () => {
  it('a schedule must add up to the agreed amount and not fall due before the agreement', async () => {
    const id = await agreedCase();
    const short = await district.put(`/api/disputes/${id}/schedule`, { instalments: [{ dueOn: addDays(today, 5), amountFen: 400_000 }] });
    expect(short.statusCode).toBe(400);
    expect(short.json().message).toContain('应等于协议金额');
    const early = await district.put(`/api/disputes/${id}/schedule`, { instalments: [{ dueOn: addDays(today, -30), amountFen: 900_000 }] });
    expect(early.statusCode).toBe(400);
    expect(early.json().message).toContain('早于协议生效日期');
    const neg = await district.put(`/api/disputes/${id}/schedule`, { instalments: [{ dueOn: addDays(today, 5), amountFen: -1 }] });
    expect(neg.statusCode).toBe(400);
    expect(neg.json().message).toMatch(/金额/);
  });

  it('signed by both parties and the mediator, the agreement prints as a PDF; paid on time, no breach', async () => {
    const id = await agreedCase();
    expect(
      (
        await district.put(`/api/disputes/${id}/schedule`, {
          instalments: [
            { dueOn: addDays(today, -5), amountFen: 400_000 },
            { dueOn: addDays(today, 20), amountFen: 500_000 },
          ],
        })
      ).statusCode,
    ).toBe(200);
    for (const [role, name] of [
      ['applicant', '王五'],
      ['employer', '江城测试建材有限公司 张经理'],
      ['mediator', '调解员'],
    ] as const) {
      const s = await district.post(`/api/disputes/${id}/signatures`, { role, signerName: name, method: 'on_screen', image: png });
      expect(s.statusCode, s.body).toBe(201);
    }
    const again = await district.post(`/api/disputes/${id}/signatures`, { role: 'applicant', signerName: '王五', method: 'on_screen', image: png });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toContain('已签署');
    const noImage = await district.post(`/api/disputes/${id}/signatures`, { role: 'employer', signerName: 'x', method: 'upload' });
    expect(noImage.statusCode).toBe(400);
    let rec = (await district.get(`/api/disputes/${id}/records`)).json();
    expect(rec.agreement).toMatchObject({ signedByAll: true, amountFen: 900_000 });
    expect(rec.breachSince).toBe(addDays(today, -5));
    expect(rec.can.refer).toBe(true);
    expect((await district.post(`/api/disputes/${id}/payments`, { seq: 1, paidOn: addDays(today, -5) })).statusCode).toBe(200);
    rec = (await district.get(`/api/disputes/${id}/records`)).json();
    expect(rec).toMatchObject({ breachSince: null, paidFen: 400_000 });
    expect(rec.can.refer).toBe(false);
    expect(rec.can.schedule).toBe(false);
    const twice = await district.post(`/api/disputes/${id}/payments`, { seq: 1, paidOn: today });
    expect(twice.statusCode).toBe(409);
    if (findCjkFont()) {
      const pdf = await district.get(`/api/disputes/${id}/agreement.pdf`);
      expect(pdf.statusCode, pdf.body.slice(0, 200)).toBe(200);
      expect(pdf.headers['content-type']).toContain('application/pdf');
      expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdf.rawPayload.length).toBeGreaterThan(5000);
    }
  });

  it('a missed instalment marks the breach; the referral to arbitration stores the file, once', async () => {
    const id = await agreedCase(300_000);
    await district.post(`/api/disputes/${id}/evidence`, { kind: 'contract', fileName: '劳动合同.pdf', data: PDF });
    await district.put(`/api/disputes/${id}/schedule`, { instalments: [{ dueOn: addDays(today, -3), amountFen: 300_000 }] });
    const rec = (await district.get(`/api/disputes/${id}/records`)).json();
    expect(rec.instalments[0]).toMatchObject({ seq: 1, missed: true });
    expect(rec.breachSince).toBe(addDays(today, -3));
    const bad = await district.post(`/api/disputes/${id}/referral`, { commission: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('仲裁委员会');
    const refer = await district.post(`/api/disputes/${id}/referral`, { commission: '江城市劳动人事争议仲裁委员会', note: '用人单位未按期支付' });
    expect(refer.statusCode, refer.body).toBe(201);
    const after = (await district.get(`/api/disputes/${id}/records`)).json();
    expect(after.referral).toMatchObject({ ground: 'breach', missed: 1, evidence: 1, commission: '江城市劳动人事争议仲裁委员会' });
    expect(after.can.milestone).toBe(true);
    expect((await district.post(`/api/disputes/${id}/referral`, { commission: '江城市劳动人事争议仲裁委员会' })).statusCode).toBe(409);
    // The evidence went with the file: it stays.
    expect((await district.del(`/api/dispute-evidence/${after.evidence[0].id}`)).statusCode).toBe(409);
  });

  it('an agreement paid or not yet due cannot be referred', async () => {
    const id = await agreedCase(100_000);
    await district.put(`/api/disputes/${id}/schedule`, { instalments: [{ dueOn: addDays(today, 10), amountFen: 100_000 }] });
    const r = await district.post(`/api/disputes/${id}/referral`, { commission: '江城市劳动人事争议仲裁委员会' });
    expect(r.statusCode).toBe(409);
    expect(r.json().message).toContain('不履行调解协议');
  });
});

describe('arbitration milestones', () => {
  it('are recorded in order on a failed case, with their statutory days', async () => {
    const made = (await district.post('/api/disputes', intake())).json();
    const early = await district.post(`/api/disputes/${made.id}/milestones`, { kind: 'application', onDate: addDays(today, -8) });
    expect(early.statusCode).toBe(409);
    await district.post(`/api/disputes/${made.id}/fail`, { reason: '用人单位拒绝调解' });
    const outOfOrder = await district.post(`/api/disputes/${made.id}/milestones`, { kind: 'award', onDate: addDays(today, -1) });
    expect(outOfOrder.statusCode).toBe(409);
    expect(outOfOrder.json().message).toContain('请先登记“仲裁受理”');
    expect(
      (await district.post(`/api/disputes/${made.id}/milestones`, { kind: 'application', onDate: addDays(today, -8), reference: '江劳人仲案字〔2026〕1号' }))
        .statusCode,
    ).toBe(201);
    const before = await district.post(`/api/disputes/${made.id}/milestones`, { kind: 'acceptance', onDate: addDays(today, -9) });
    expect(before.statusCode).toBe(400);
    expect((await district.post(`/api/disputes/${made.id}/milestones`, { kind: 'acceptance', onDate: addDays(today, -6) })).statusCode).toBe(201);
    expect((await district.post(`/api/disputes/${made.id}/milestones`, { kind: 'hearing', onDate: addDays(today, -2) })).statusCode).toBe(201);
    const future = await district.post(`/api/disputes/${made.id}/milestones`, { kind: 'hearing', onDate: addDays(today, 2) });
    expect(future.statusCode).toBe(400);
    expect(future.json().message).toContain('不能晚于今天');
    const rec = (await district.get(`/api/disputes/${made.id}/records`)).json();
    expect(rec.milestones.map((m: { kind: string }) => m.kind)).toEqual(['application', 'acceptance', 'hearing']);
    expect(rec.dues.acceptanceDue).toBe(computeDeadline(addDays(today, -8), { n: 5, unit: 'calendar_days' }).due);
    expect(rec.dues.awardDue).toBe(computeDeadline(addDays(today, -6), { n: 45, unit: 'calendar_days' }).due);
    const hist = (await district.get(`/api/disputes/${made.id}/history`)).json();
    expect(hist.some((h: { action: string }) => h.action === 'dispute.milestone')).toBe(true);
  });
});

describe('the dashboard', () => {
  it('counts breached agreements among the overdue clocks and the money recovered this year', async () => {
    const before = (await district.get('/api/disputes/dashboard')).json();
    const id = await agreedCase(250_000);
    await district.put(`/api/disputes/${id}/schedule`, {
      instalments: [
        { dueOn: addDays(today, -2), amountFen: 50_000 },
        { dueOn: addDays(today, -1), amountFen: 200_000 },
      ],
    });
    await district.post(`/api/disputes/${id}/payments`, { seq: 1, paidOn: addDays(today, -2) });
    const after = (await district.get('/api/disputes/dashboard')).json();
    expect(after.breached).toBe(before.breached + 1);
    expect(after.overdueClocks).toBe(after.overdue + after.breached);
    const sameYear = addDays(today, -2).slice(0, 4) === today.slice(0, 4);
    expect(after.recoveredThisYearFen).toBe(before.recoveredThisYearFen + (sameYear ? 50_000 : 0));
  });
});

describe('scope', () => {
  it('a cadre of a sibling district sees neither the records, the evidence nor the PDF, and cannot add any', async () => {
    const [d02] = await q<{ id: string }>(sql`SELECT id FROM org WHERE code = 'D02'`);
    const id = (await admin.post('/api/disputes', intake({ orgId: d02!.id }))).json().id;
    const ev = (await admin.post(`/api/disputes/${id}/evidence`, { kind: 'chat', fileName: '聊天记录.png', data: png })).json();
    expect((await district.get(`/api/disputes/${id}/records`)).statusCode).toBe(404);
    expect((await district.get(`/api/dispute-evidence/${ev.id}`)).statusCode).toBe(404);
    expect((await district.del(`/api/dispute-evidence/${ev.id}`)).statusCode).toBe(404);
    expect((await district.get(`/api/disputes/${id}/agreement.pdf`)).statusCode).toBe(404);
    expect((await district.post(`/api/disputes/${id}/evidence`, { kind: 'chat', fileName: 'x.png', data: png })).statusCode).toBe(404);
    const [n] = await q<{ n: number }>(sql`SELECT count(*)::int AS n FROM dispute_evidence WHERE dispute_id = ${id}`);
    expect(n!.n).toBe(1);
  });
  it('the evidence goes with a transferred case: the sender no longer reaches it', async () => {
    const [d02] = await q<{ id: string }>(sql`SELECT id FROM org WHERE code = 'D02'`);
    const id = (await district.post('/api/disputes', intake())).json().id;
    const ev = (await district.post(`/api/disputes/${id}/evidence`, { kind: 'contract', fileName: '劳动合同.pdf', data: PDF })).json();
    expect((await district.post(`/api/disputes/${id}/transfer`, { toOrgId: d02!.id, reason: '用人单位注册地在河西区' })).statusCode).toBe(200);
    expect((await district.get(`/api/dispute-evidence/${ev.id}`)).statusCode).toBe(404);
    const seen = (await admin.get(`/api/disputes/${id}/records`)).json();
    expect(seen.evidence.map((e: { fileName: string }) => e.fileName)).toEqual(['劳动合同.pdf']);
    expect((await admin.get(`/api/dispute-evidence/${ev.id}`)).statusCode).toBe(200);
  });
});
