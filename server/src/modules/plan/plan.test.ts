import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestEnv, type TestClient, type TestEnv } from '../../test/harness.js';
import { computeIdCheck } from '../../../../common/src/id-number.js';

/**
 * Work plans (docs/plans.md): a speech proposed as a plan and accepted, tasks through 13710 with
 * their reports, escalation of overdue tasks to the level above, a task split to districts rolling
 * up, a live KPI that moves with the data, and the scope of each level.
 */
const SPEECH = fs.readFileSync(path.resolve(import.meta.dirname, '../../seed/texts/speech-city-federation-plenary-2022.txt'), 'utf8');
const idFor = (birth: string, seq: string) => {
  const first17 = '110105' + birth.replaceAll('-', '') + seq;
  return first17 + computeIdCheck(first17);
};

let env: TestEnv;
let admin: TestClient;
let district: TestClient;
let chair: TestClient;
const ids: Record<string, string> = {};

const one = async <T>(q: ReturnType<typeof sql>) => (await env.services.database.query<T>(q))[0]!;

beforeAll(async () => {
  env = await createTestEnv({ members: 300, hardship: 10 });
  [admin, district, chair] = await Promise.all([env.login('admin'), env.login('district'), env.login('grassroots')]);
  ids.city = (await admin.get('/api/auth/me')).json().user.orgId;
  ids.d01 = (await district.get('/api/auth/me')).json().user.orgId;
  ids.chairOrg = (await chair.get('/api/auth/me')).json().user.orgId;
  ids.d02 = (await one<{ id: string }>(sql`SELECT id FROM org WHERE code = 'D02'`)).id;
});
afterAll(() => env?.close());

describe('the demo city', () => {
  it('has this year’s plan from its plenary report, with tasks in every state, some overdue, split to the districts', async () => {
    const plans = (await admin.get('/api/plans')).json();
    expect(plans.total).toBe(1);
    expect(plans.items[0].tasks).toBeGreaterThan(15);
    const byStatus = await env.services.database.query<{ status: string }>(sql`SELECT DISTINCT status FROM plan_task`);
    expect(byStatus.map((r) => r.status).sort()).toEqual(['assigned', 'closed', 'closing', 'deployed', 'in_progress']);
    const board = (await admin.get('/api/plan-tasks/board')).json();
    expect(board.rag.red).toBeGreaterThan(0);
    expect(board.byOwner.length).toBeGreaterThan(1);
  });
});

describe('from the speech to a plan', () => {
  it('proposes the sections and items of a pasted speech, and refuses what it cannot read, in zh and en', async () => {
    const res = await admin.post('/api/plans/extract', { text: SPEECH });
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json();
    expect(p.sections.length).toBeGreaterThanOrEqual(3);
    expect(p.sections.flatMap((s: { items: unknown[] }) => s.items).length).toBeGreaterThan(20);
    const empty = await admin.post('/api/plans/extract', { text: '   ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().message).toContain('请粘贴讲话稿');
    const binary = await admin.post('/api/plans/extract', { fileName: 'x.txt', data: Buffer.from([0, 1, 2, 0, 255]).toString('base64') });
    expect(binary.statusCode).toBe(400);
    expect(binary.json()).toMatchObject({ message: '不是文本文件（请上传.txt或.docx）', messageEn: 'not a text file (upload .txt or .docx)' });
    const docx = await admin.post('/api/plans/extract', { fileName: 'broken.docx', data: Buffer.from('PK not really a zip').toString('base64') });
    expect(docx.statusCode).toBe(400);
    expect(docx.json().message).toContain('无法读取该Word文件');
    expect((await chair.post('/api/plans/extract', { text: SPEECH })).statusCode).toBe(403);
  });

  it('accepts a reviewed proposal into a plan whose tasks carry the 13710 deadlines; a KPI without a live source is refused with the reason', async () => {
    const refused = await admin.post('/api/plans', {
      orgId: ids.city,
      year: 2026,
      title: '测试',
      tasks: [{ title: '合理化建议采纳', kpiMetric: 'proposal.adopted', kpiTarget: 10 }],
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('暂无实时数据来源');
    const res = await admin.post('/api/plans', {
      orgId: ids.city,
      year: 2026,
      title: '2026年重点工作',
      source: '全委会工作报告',
      tasks: [
        {
          section: '一、建会入会',
          title: '新就业形态劳动者入会',
          kind: 'target',
          modules: ['member'],
          triggers: [{ module: 'member', phrase: '入会' }],
          kpiMetric: 'member.count',
          kpiTarget: 100000,
        },
        { section: '二、帮扶', title: '困难职工解困脱困', modules: ['hardship'], major: true },
        { section: '三、维权', title: '推进劳动争议联调', orgId: ids.d01 },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    const plan = res.json();
    expect(plan).toMatchObject({ title: '2026年重点工作', tasks: 3, orgName: expect.stringContaining('总工会') });
    ids.plan = plan.id;
    const list = (await admin.get(`/api/plan-tasks?planId=${plan.id}`)).json();
    expect(list.total).toBe(3);
    const t = list.items.find((x: { title: string }) => x.title === '新就业形态劳动者入会');
    expect(t).toMatchObject({ status: 'assigned', profile: '13710', rag: expect.any(String) });
    expect(t.deployDue <= t.reportDue && t.reportDue <= t.closeDue).toBe(true);
    ids.kpiTask = t.id;
    ids.districtTask = list.items.find((x: { orgId: string }) => x.orgId === ids.d01).id;
    ids.majorTask = list.items.find((x: { title: string }) => x.title === '困难职工解困脱困').id;
    const audit = await one<{ n: number }>(sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'plan.create' AND entity_id = ${plan.id}`);
    expect(audit.n).toBe(1);
  });
});

describe('supervising a task (13710)', () => {
  it('is deployed, reported and, with evidence, closed by the level above; the owner cannot approve its own closing', async () => {
    let t = (await district.get(`/api/plan-tasks/${ids.districtTask}`)).json();
    expect(t.actions).toEqual(['deploy']);
    const noNote = await district.post(`/api/plan-tasks/${t.id}/deploy`, { version: t.version });
    expect(noNote.statusCode).toBe(400);
    t = (await district.post(`/api/plan-tasks/${t.id}/deploy`, { note: '已召开专题会部署', version: t.version })).json();
    expect(t).toMatchObject({ status: 'deployed', deployDue: null });
    t = (await district.post(`/api/plan-tasks/${t.id}/report`, { note: '已建立联调中心', progress: 60, version: t.version })).json();
    expect(t).toMatchObject({ status: 'in_progress', progress: 60, reportDue: null });
    const noEvidence = await district.post(`/api/plan-tasks/${t.id}/request-close`, { note: '已完成', version: t.version });
    expect(noEvidence.statusCode).toBe(400);
    expect(noEvidence.json().message).toContain('evidence');
    t = (await district.post(`/api/plan-tasks/${t.id}/request-close`, { note: '已完成', evidence: '联调中心挂牌照片、制度文件', version: t.version })).json();
    expect(t.status).toBe('closing');
    // The district administrator holds plan.supervise for its own subtree; a chair cannot see it at all.
    expect((await chair.post(`/api/plan-tasks/${t.id}/approve-close`, { version: t.version })).statusCode).toBe(403);
    t = (await admin.post(`/api/plan-tasks/${t.id}/approve-close`, { note: '同意销号', version: t.version })).json();
    expect(t).toMatchObject({ status: 'closed', progress: 100, rag: 'done', closeDue: null });
    expect(t.reports.map((r: { kind: string }) => r.kind)).toEqual(['deploy', 'progress', 'close_request', 'closed']);
    const history = (await admin.get(`/api/plan-tasks/${t.id}/history`)).json();
    expect(history.map((h: { action: string }) => h.action)).toEqual(
      expect.arrayContaining(['plan.task.deploy', 'plan.task.report', 'plan.task.request_close', 'plan.task.close']),
    );
  });

  it('an overdue task turns red and is escalated to the union above its owner, on the board', async () => {
    const t = await one<{ id: string }>(sql`INSERT INTO plan_task (id, plan_id, org_id, title, status, assigned_on, deploy_due, report_due, close_due)
      VALUES (gen_random_uuid(), ${ids.plan}, ${ids.chairOrg}, '逾期任务', 'assigned', '2026-01-05', '2026-01-06', '2026-01-08', '2026-01-14') RETURNING id`);
    const parent = await one<{ name: string }>(sql`SELECT p.name FROM org o JOIN org p ON p.id = o.parent_id WHERE o.id = ${ids.chairOrg}`);
    const got = (await district.get(`/api/plan-tasks/${t.id}`)).json();
    expect(got).toMatchObject({ rag: 'red', escalatedTo: parent.name, next: { field: 'deployDue', due: '2026-01-06' } });
    expect(got.next.days).toBeLessThan(0);
    const b = await district.get('/api/plan-tasks/board');
    expect(b.statusCode, b.body).toBe(200);
    const board = b.json();
    expect(board.escalated).toBeGreaterThanOrEqual(1);
    expect(board.byOwner.find((r: { orgId: string }) => r.orgId === ids.chairOrg)).toMatchObject({ red: 1 });
    const red = (await district.get('/api/plan-tasks?rag=red')).json();
    expect(red.items.map((x: { id: string }) => x.id)).toContain(t.id);
  });

  it('splits a city task to two districts; their progress rolls up; a union outside the owner is refused', async () => {
    let t = (await admin.get(`/api/plan-tasks/${ids.majorTask}`)).json();
    const outside = await district.post(`/api/plan-tasks/${t.id}/split`, { orgIds: [ids.d01], version: t.version });
    expect(outside.statusCode).toBe(404); // the district does not see the city's task
    t = (await admin.post(`/api/plan-tasks/${t.id}/split`, { orgIds: [ids.d01, ids.d02], kpiTarget: 50, version: t.version })).json();
    expect(t.childTasks).toHaveLength(2);
    const mine = t.childTasks.find((c: { orgId: string }) => c.orgId === ids.d01);
    let c = (await district.post(`/api/plan-tasks/${mine.id}/deploy`, { note: '部署', version: mine.version })).json();
    c = (await district.post(`/api/plan-tasks/${c.id}/report`, { note: '完成一半', progress: 50, version: c.version })).json();
    t = (await admin.get(`/api/plan-tasks/${t.id}`)).json();
    expect(t.progress).toBe(25); // (50 + 0) / 2
    const notBelow = await admin.post(`/api/plan-tasks/${mine.id}/split`, { orgIds: [ids.d02], version: c.version });
    expect(notBelow.statusCode).toBe(400);
    expect(notBelow.json().message).toContain('不是责任单位的下级工会');
  });
});

describe('a live KPI', () => {
  it('moves when the data moves: a member registered in scope raises the count', async () => {
    const before = (await admin.get(`/api/plan-tasks/${ids.kpiTask}`)).json().kpi;
    expect(before).toMatchObject({ metric: 'member.count', target: 100000, unit: '人' });
    const res = await chair.post('/api/members', {
      orgId: ids.chairOrg,
      consent: { version: '2026-01', method: 'paper' },
      fields: { name: '计划测试', idNumber: idFor('1990-05-05', '357'), joinDate: '2026-01-02' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const after = (await admin.get(`/api/plan-tasks/${ids.kpiTask}`)).json().kpi;
    expect(after.value).toBe(before.value + 1);
  });
});

describe('scope', () => {
  it('a district sees its own tasks and those below it, never the city’s plan or a sibling’s task', async () => {
    const plans = (await district.get('/api/plans')).json();
    expect(plans.items.map((p: { id: string }) => p.id)).not.toContain(ids.plan);
    expect((await district.get(`/api/plans/${ids.plan}`)).statusCode).toBe(404);
    const tasks = (await district.get('/api/plan-tasks?pageSize=100')).json();
    const owners = new Set(tasks.items.map((t: { orgId: string }) => t.orgId));
    expect(owners.has(ids.d02)).toBe(false);
    expect(owners.has(ids.city)).toBe(false);
    const sibling = await one<{ id: string }>(sql`SELECT id FROM plan_task WHERE org_id = ${ids.d02} LIMIT 1`);
    expect((await district.get(`/api/plan-tasks/${sibling.id}`)).statusCode).toBe(404);
  });

  it('the ledger exports the tasks in scope as xlsx, audited', async () => {
    const res = await admin.request('GET', `/api/plan-tasks/ledger?planId=${ids.plan}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const a = await one<{ n: number }>(sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'plan.ledger.export'`);
    expect(a.n).toBe(1);
  });
});
