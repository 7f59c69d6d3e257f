import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestEnv, type TestClient, type TestEnv } from '../../test/harness.js';

/**
 * Practical projects (docs/plans.md, "Practical projects"): budget and spending, overdue milestones,
 * the scope of a district, the audit trail, and the public progress page.
 */
let env: TestEnv;
let admin: TestClient;
let district: TestClient;
const ids: Record<string, string> = {};
const one = async <T>(q: ReturnType<typeof sql>) => (await env.services.database.query<T>(q))[0]!;

beforeAll(async () => {
  env = await createTestEnv({ members: 20 });
  [admin, district] = await Promise.all([env.login('admin'), env.login('district')]);
  ids.city = (await admin.get('/api/auth/me')).json().user.orgId;
  ids.d01 = (await district.get('/api/auth/me')).json().user.orgId;
  ids.d02 = (await one<{ id: string }>(sql`SELECT id FROM org WHERE code = 'D02'`)).id;
});
afterAll(() => env?.close());

describe('practical projects', () => {
  it('has the demo city’s projects of the year: one over budget with its reason, one with an overdue milestone, one done', async () => {
    const all = (await admin.get('/api/projects?pageSize=50')).json();
    expect(all.total).toBeGreaterThanOrEqual(5);
    expect(all.items.some((p: { overBudget: boolean }) => p.overBudget)).toBe(true);
    expect(all.items.some((p: { overdueMilestones: number }) => p.overdueMilestones > 0)).toBe(true);
    expect(all.items.some((p: { status: string; progress: number }) => p.status === 'done' && p.progress === 100)).toBe(true);
  });

  it('keeps spending within the budget unless a reason is given, flags overdue milestones and audits every write', async () => {
    const created = await district.post('/api/projects', {
      orgId: ids.d01,
      year: 2026,
      title: '新建职工驿站10个',
      budgetFen: 100_000_00,
      milestones: [
        { title: '完成选址', due: '2025-03-31' },
        { title: '全部建成', due: '2030-12-31' },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
    const p = created.json();
    expect(p.overdueMilestones).toBe(1);
    expect(p.milestones[0].overdue).toBe(true);

    const ok = await district.post(`/api/projects/${p.id}/spend`, { spentOn: '2026-04-01', amountFen: 80_000_00, note: '驿站装修', version: p.version });
    expect(ok.statusCode, ok.body).toBe(201);
    const over = await district.post(`/api/projects/${p.id}/spend`, {
      spentOn: '2026-05-01',
      amountFen: 30_000_00,
      note: '设备采购',
      version: ok.json().version,
    });
    expect(over.statusCode).toBe(400);
    expect(over.json().message).toContain('超出预算');
    expect(over.json().messageEn).toContain('over-budget reason');
    const withReason = await district.post(`/api/projects/${p.id}/spend`, {
      spentOn: '2026-05-01',
      amountFen: 30_000_00,
      note: '设备采购',
      overBudgetReason: '经党组会研究追加',
      version: ok.json().version,
    });
    expect(withReason.statusCode, withReason.body).toBe(201);
    expect(withReason.json()).toMatchObject({ spentFen: 110_000_00, overBudget: true });
    expect(withReason.json().spends[1].overBudgetReason).toBe('经党组会研究追加');

    const badBudget = await district.put(`/api/projects/${p.id}`, { budgetFen: 1, version: withReason.json().version });
    expect(badBudget.statusCode).toBe(400);
    expect(badBudget.json().message).toContain('预算不能低于已支出金额');
    const done = await district.put(`/api/projects/${p.id}`, {
      status: 'in_progress',
      progress: 60,
      milestones: [
        { title: '完成选址', due: '2025-03-31', doneOn: '2025-03-20' },
        { title: '全部建成', due: '2030-12-31' },
      ],
      version: withReason.json().version,
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ progress: 60, overdueMilestones: 0 });

    const history = (await district.get(`/api/projects/${p.id}/history`)).json();
    expect(history.map((h: { action: string }) => h.action).sort()).toEqual(['project.create', 'project.spend', 'project.spend', 'project.update']);
    const overdue = (await district.get('/api/projects?overdue=true')).json();
    expect(overdue.items.map((x: { id: string }) => x.id)).not.toContain(p.id);
  });

  it('refuses bad input in zh and en', async () => {
    const res = await admin.post('/api/projects', { orgId: ids.city, year: 2026, title: '', budgetFen: -1 });
    expect(res.statusCode).toBe(400);
    expect(res.body).toMatch(/请填写项目名称|金额不能为负/);
  });

  it('lets a district see its subtree only', async () => {
    const other = await admin.post('/api/projects', {
      orgId: ids.d02,
      year: 2026,
      title: '河西区困难职工送温暖',
      budgetFen: 50_000_00,
      milestones: [{ title: '春节前发放', due: '2026-01-20' }],
    });
    expect(other.statusCode, other.body).toBe(201);
    expect((await district.get(`/api/projects/${other.json().id}`)).statusCode).toBe(404);
    const list = (await district.get('/api/projects?year=2026')).json();
    expect(list.items.map((x: { title: string }) => x.title)).not.toContain('河西区困难职工送温暖');
    expect((await admin.get('/api/projects?year=2026&overdue=true')).json().items.map((x: { title: string }) => x.title)).toContain('河西区困难职工送温暖');
    const forbidden = await district.post('/api/projects', { orgId: ids.d02, year: 2026, title: '越权', budgetFen: 1 });
    expect(forbidden.statusCode).toBe(404);
  });

  it('shows the year’s projects and their progress to anyone, without personal data', async () => {
    const anon = env.anonymous();
    const res = await anon.get(`/api/public/projects?orgId=${ids.city}&year=2026`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.projects.map((x: { title: string }) => x.title)).toEqual(expect.arrayContaining(['新建职工驿站10个', '河西区困难职工送温暖']));
    expect(res.body).not.toContain('actorName');
    expect(res.body).not.toContain('district');
    expect(res.body).not.toContain('经党组会研究追加');
    const bad = await anon.get(`/api/public/projects?orgId=x&year=2026`);
    expect(bad.statusCode).toBe(400);
  });

  it('a link without a federation or a year shows the city federation’s projects of this year', async () => {
    const anon = env.anonymous();
    const plain = (await anon.get('/api/public/projects')).json();
    const explicit = (await anon.get(`/api/public/projects?orgId=${ids.city}&year=${plain.year}`)).json();
    expect(plain.federation).toBe(explicit.federation);
    expect(plain.projects).toEqual(explicit.projects);
    expect(plain.year).toBe(Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date())));
  });
});
