import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { createTestEnv, type TestClient, type TestEnv } from '../../test/harness.js';
import { cityAndDistrict } from './test-env.js';
import { APPEAL_RULE, autoScore, rankByTotal, weightSum } from '../../../../common/src/assessment-vocab.js';
import { computeDeadline } from '../../../../common/src/deadlines.js';
import { addDays, todayInChina } from '../../../../common/src/dates.js';

/**
 * Yearly assessment (docs/plans.md, "Yearly assessment"): weights adding up to 100, automatic
 * scores capped at the weight, the flow self-assessment → review → ranking → publication through
 * the workflow helper, the appeal period's last day, the result sheet, and the scope of a district.
 */
let env: TestEnv;
let admin: TestClient;
let district: TestClient;
let ids: Record<string, string>;
const rows = async <T>(q: ReturnType<typeof sql>) => env.services.database.query<T>(q);
const one = async <T>(q: ReturnType<typeof sql>) => (await rows<T>(q))[0]!;

const SCHEME = [
  { name: '职工入会率', weight: 40, kind: 'auto', metric: 'member.coverage', target: 50 },
  { name: '集体协商建制', weight: 35, kind: 'manual' },
  { name: '职工之家建设', weight: 25, kind: 'manual' },
];

beforeAll(async () => {
  env = await createTestEnv({ members: 20 });
  ({ admin, district, ids } = await cityAndDistrict(env));
});
afterAll(() => env?.close());

describe('assessment rules', () => {
  it('adds weights, caps an automatic score at its weight and ranks ties alike', () => {
    expect(weightSum([40, 35, 25])).toBe(100);
    expect(weightSum([40, 35, 15])).toBe(90);
    expect(autoScore(45, 90, 30)).toBe(15);
    expect(autoScore(120, 90, 30)).toBe(30);
    expect(autoScore(5, 0, 30)).toBe(0);
    expect(
      rankByTotal([
        { name: '乙', total: 80 },
        { name: '甲', total: 90 },
        { name: '丙', total: 80 },
        { name: '丁', total: 70 },
      ]).map((r) => [r.name, r.rank]),
    ).toEqual([
      ['甲', 1],
      ['丙', 2],
      ['乙', 2],
      ['丁', 4],
    ]);
  });

  it('counts the appeal period in working days across the National Day holiday', () => {
    // Published on Wed 2026-09-30: Oct 1–7 off, Sat Oct 10 a make-up working day → the fifth working day is Tue Oct 13.
    expect(APPEAL_RULE).toEqual({ n: 5, unit: 'working_days' });
    expect(computeDeadline('2026-09-30', APPEAL_RULE).due).toBe('2026-10-13');
    // In calendar days the fifth day (Oct 5) falls in the holiday and moves to the first working day after it.
    expect(computeDeadline('2026-09-30', { n: 5, unit: 'calendar_days' }).due).toBe('2026-10-08');
  });
});

describe('yearly assessment', () => {
  it('has last year’s demo assessment of the districts: published, ranked, with one answered appeal', async () => {
    const list = (await admin.get('/api/assessments?pageSize=50')).json();
    const demo = list.items.find((a: { title: string }) => a.title.endsWith('县区工会工作考核'));
    expect(demo).toMatchObject({ status: 'published', orgId: ids.city, openAppeals: 0 });
    const a = (await admin.get(`/api/assessments/${demo.id}`)).json();
    expect(a.indicators.reduce((s: number, i: { weight: number }) => s + i.weight, 0)).toBe(100);
    expect(a.ranking.length).toBeGreaterThan(1);
    expect(a.ranking.every((e: { rank: number | null; status: string }) => e.rank !== null && e.status === 'reviewed')).toBe(true);
    expect(a.appeals).toHaveLength(1);
    expect(a.appeals[0]).toMatchObject({ status: 'answered', outcome: 'dismissed' });
    expect(a.appealOpen).toBe(false);
  });

  it('refuses a scheme whose weights do not add up to 100, saying the sum in zh and en', async () => {
    const res = await admin.post('/api/assessments', {
      orgId: ids.city,
      year: 2025,
      title: '权重不对的考核',
      indicators: SCHEME.map((i, n) => (n === 2 ? { ...i, weight: 15 } : i)),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('合计为90');
    expect(res.json().messageEn).toContain('add up to 90');
    const noSource = await admin.post('/api/assessments', {
      orgId: ids.city,
      year: 2025,
      title: '指标没有数据来源',
      indicators: [{ name: '困难职工帮扶', weight: 100, kind: 'auto', metric: 'hardship.nonexistent', target: 10 }],
    });
    expect(noSource.statusCode).toBe(400);
    expect(noSource.body).toContain('暂无实时数据来源');
  });

  it('runs self-assessment → review → ranking → publication, exports the sheet, takes one appeal in the period and records its answer', async () => {
    const created = await admin.post('/api/assessments', { orgId: ids.city, year: 2025, title: '2025年度考核（测试）', indicators: SCHEME });
    expect(created.statusCode, created.body).toBe(201);
    let a = created.json();
    ids.cityAssessment = a.id;
    expect(a.status).toBe('self_assessment');
    const children = await rows<{ id: string }>(sql`SELECT id FROM org WHERE parent_id = ${ids.city} AND active`);
    expect(a.ranking).toHaveLength(children.length);
    const [auto, contract, home] = a.indicators;

    // The district sees its own entry only, and self-assesses it.
    const mineRes = await district.get(`/api/assessment-entries?assessmentId=${a.id}`);
    expect(mineRes.statusCode, mineRes.body).toBe(200);
    const mine = mineRes.json();
    expect(mine.items.map((e: { orgId: string }) => e.orgId)).toEqual([ids.d01]);
    let entry = (await district.get(`/api/assessment-entries/${mine.items[0].id}`)).json();
    expect(entry.can.selfAssess).toBe(true);
    expect(entry.can.review).toBe(false);
    const noEvidence = await district.post(`/api/assessment-entries/${entry.id}/self`, {
      items: [
        { indicatorId: contract.id, score: 30 },
        { indicatorId: home.id, score: 20, evidence: '职工之家验收材料' },
      ],
      version: entry.version,
    });
    expect(noEvidence.statusCode).toBe(400);
    expect(noEvidence.json().message).toContain('佐证');
    const overWeight = await district.post(`/api/assessment-entries/${entry.id}/self`, {
      items: [
        { indicatorId: contract.id, score: 36, evidence: '集体合同文本' },
        { indicatorId: home.id, score: 20, evidence: '职工之家验收材料' },
      ],
      version: entry.version,
    });
    expect(overWeight.statusCode).toBe(400);
    expect(overWeight.json().messageEn).toContain('at most its weight 35');
    const self = await district.post(`/api/assessment-entries/${entry.id}/self`, {
      items: [
        { indicatorId: contract.id, score: 30, evidence: '集体合同文本' },
        { indicatorId: home.id, score: 20, evidence: '职工之家验收材料' },
      ],
      version: entry.version,
    });
    expect(self.statusCode, self.body).toBe(200);
    entry = self.json();
    expect(entry.status).toBe('submitted');
    const autoItem = entry.items.find((i: { indicatorId: string }) => i.indicatorId === auto.id);
    expect(autoItem.self).toBe(autoScore(autoItem.value, 50, 40));
    expect(entry.selfTotal).toBe(Math.round((autoItem.self + 50) * 100) / 100);

    // The district cannot review its own entry: the assessing union is above it.
    const notAbove = await district.post(`/api/assessment-entries/${entry.id}/review`, { items: [], version: entry.version });
    expect(notAbove.statusCode).toBe(404);

    a = (await admin.post(`/api/assessments/${a.id}/review`, { version: a.version })).json();
    expect(a.status).toBe('review');
    const lateSelf = await district.post(`/api/assessment-entries/${entry.id}/self`, {
      items: [
        { indicatorId: contract.id, score: 35, evidence: '集体合同文本' },
        { indicatorId: home.id, score: 25, evidence: '职工之家验收材料' },
      ],
      version: entry.version,
    });
    expect(lateSelf.statusCode).toBe(409);
    const early = await admin.post(`/api/assessments/${a.id}/rank`, { version: a.version });
    expect(early.statusCode).toBe(409);
    expect(early.json().message).toContain('未评审');

    for (const [n, e] of a.ranking.entries()) {
      const res = await admin.post(`/api/assessment-entries/${e.id}/review`, {
        items: [
          { indicatorId: contract.id, score: e.orgId === ids.d01 ? 28 : 35 - (n % 5) },
          { indicatorId: home.id, score: 20, note: '现场检查' },
        ],
        version: e.version,
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    a = (await admin.get(`/api/assessments/${a.id}`)).json();
    a = (await admin.post(`/api/assessments/${a.id}/rank`, { version: a.version })).json();
    expect(a.status).toBe('ranked');
    const totals = a.ranking.map((e: { total: number }) => e.total);
    expect(totals).toEqual([...totals].sort((x, y) => y - x));
    expect(a.ranking[0].rank).toBe(1);

    a = (await admin.post(`/api/assessments/${a.id}/publish`, { version: a.version })).json();
    expect(a.status).toBe('published');
    expect(a.publishedOn).toBe(todayInChina());
    const cal = await env.services.settings.calendar(env.services.database.db);
    expect(a.appealDue).toBe(computeDeadline(todayInChina(), APPEAL_RULE, cal).due);
    expect(a.appealOpen).toBe(true);

    const sheet = await admin.get(`/api/assessments/${a.id}/sheet`);
    expect(sheet.statusCode).toBe(200);
    expect(sheet.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(sheet.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(3).value).toBe('职工入会率（40）');
    expect(ws.rowCount).toBe(1 + children.length);
    expect(ws.getRow(2).getCell(1).value).toBe(1);

    // The appeal, once; answered and recorded.
    entry = (await district.get(`/api/assessment-entries/${entry.id}`)).json();
    expect(entry.can.appeal).toBe(true);
    const filed = await district.post(`/api/assessment-entries/${entry.id}/appeal`, { reason: '集体协商建制漏计一份合同', version: entry.version });
    expect(filed.statusCode, filed.body).toBe(201);
    const again = await district.post(`/api/assessment-entries/${entry.id}/appeal`, { reason: '再次申诉', version: filed.json().version });
    expect(again.statusCode).toBe(409);
    a = (await admin.get(`/api/assessments/${a.id}`)).json();
    const appeal = a.appeals[0];
    expect(appeal).toMatchObject({ status: 'open', orgName: expect.any(String), reason: '集体协商建制漏计一份合同' });
    const noAnswer = await admin.post(`/api/assessment-appeals/${appeal.id}/answer`, { answer: ' ', outcome: 'upheld', version: appeal.version });
    expect(noAnswer.statusCode).toBe(400);
    const answered = await admin.post(`/api/assessment-appeals/${appeal.id}/answer`, {
      answer: '经复核，合同已报备，予以计入',
      outcome: 'upheld',
      total: 100,
      version: appeal.version,
    });
    expect(answered.statusCode, answered.body).toBe(200);
    a = answered.json();
    expect(a.appeals[0]).toMatchObject({ status: 'answered', outcome: 'upheld', answeredOn: todayInChina() });
    expect(a.ranking[0]).toMatchObject({ orgId: ids.d01, total: 100, rank: 1 });

    const audit = await rows<{ action: string }>(sql`SELECT action FROM audit_log WHERE entity IN ('assessment', 'assessment_entry', 'assessment_appeal')`);
    const actions = audit.map((r) => r.action);
    for (const x of [
      'assessment.create',
      'assessment.self',
      'assessment.review',
      'assessment.entry.review',
      'assessment.rank',
      'assessment.publish',
      'assessment.sheet.export',
      'assessment.appeal',
      'assessment.appeal.answer',
    ]) {
      expect(actions).toContain(x);
    }
  });

  it('takes an appeal on the last day of the period and refuses it the day after', async () => {
    const today = todayInChina();
    const entry = (await admin.get(`/api/assessment-entries?assessmentId=${ids.cityAssessment}`))
      .json()
      .items.find((e: { orgId: string }) => e.orgId === ids.d02);
    await env.services.database.query(sql`UPDATE assessment SET appeal_due = ${addDays(today, -1)} WHERE id = ${ids.cityAssessment}`);
    const late = await admin.post(`/api/assessment-entries/${entry.id}/appeal`, { reason: '逾期申诉', version: entry.version });
    expect(late.statusCode).toBe(409);
    expect(late.json().message).toContain(`申诉期已于${addDays(today, -1)}届满`);
    expect(late.json().messageEn).toContain('5 working days');
    await env.services.database.query(sql`UPDATE assessment SET appeal_due = ${today} WHERE id = ${ids.cityAssessment}`);
    const lastDay = await admin.post(`/api/assessment-entries/${entry.id}/appeal`, { reason: '最后一天申诉', version: entry.version });
    expect(lastDay.statusCode, lastDay.body).toBe(201);
  });

  it('a district’s ranking holds only its own children, and the city’s assessment is out of its scope', async () => {
    const created = await district.post('/api/assessments', { orgId: ids.d01, year: 2025, title: '区对基层工会考核', indicators: SCHEME });
    expect(created.statusCode, created.body).toBe(201);
    const a = created.json();
    const children = await rows<{ id: string }>(sql`SELECT id FROM org WHERE parent_id = ${ids.d01} AND active`);
    expect(a.ranking.map((e: { orgId: string }) => e.orgId).sort()).toEqual(children.map((c) => c.id).sort());
    const outside = await one<{ n: number }>(sql`SELECT count(*)::int AS n FROM assessment_entry e JOIN org o ON o.id = e.org_id
      WHERE e.assessment_id = ${a.id} AND o.parent_id <> ${ids.d01}`);
    expect(outside.n).toBe(0);
    expect((await district.get(`/api/assessments/${ids.cityAssessment}`)).statusCode).toBe(404);
    expect((await district.get(`/api/assessments/${ids.cityAssessment}/sheet`)).statusCode).toBe(404);
    const list = (await district.get('/api/assessments')).json();
    expect(list.items.map((x: { id: string }) => x.id)).toEqual([a.id]);
    const d02 = await admin.post('/api/assessments', { orgId: ids.d02, year: 2025, title: '兄弟区的考核', indicators: SCHEME });
    expect((await district.get(`/api/assessments/${d02.json().id}`)).statusCode).toBe(404);
    expect((await district.post('/api/assessments', { orgId: ids.d02, year: 2025, title: '越权', indicators: SCHEME })).statusCode).toBe(404);
  });
});
