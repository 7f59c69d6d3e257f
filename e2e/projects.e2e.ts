/**
 * Practical projects in the browser (docs/plans.md, "Practical projects"): the city's administrator
 * adds a project with a budget and milestones, sees the overdue milestone flagged, records spending
 * — refused past the budget until a reason is given — and the project shows on the public page.
 */
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { startE2E, type E2EEnv } from './harness';
import { choose, closeContext, prepare } from './ui';

const PORT = 3417;
let env: E2EEnv;
const TITLE = '浏览器测试：新建职工书屋5个';

describe('practical projects', () => {
  beforeAll(async () => {
    env = await startE2E(PORT);
  }, 480_000);
  afterAll(async () => {
    await env?.close();
  });

  it('adds a project, flags its overdue milestone, keeps spending within the budget unless a reason is given, and shows it publicly', async () => {
    const page = prepare(await env.newPage());
    onTestFailed(async () => {
      await env.shot(page, 'FAIL-projects').catch(() => undefined);
    });
    await env.login(page, 'admin');
    await page.getByTestId('menu-projects').click();
    await page.getByTestId('project-new').click();
    await choose(page, 'project-form-orgId', '江城市总工会', '江城市总工会');
    await page.getByTestId('project-form-title').fill(TITLE);
    await page.getByTestId('project-form-budgetFen').fill('1000');
    await page.getByTestId('project-form-milestones').fill('2025-03-31 完成选址\n2099-12-31 全部建成');
    await page.getByTestId('project-save').click();
    await page.getByTestId('project-detail').waitFor();
    await expect.poll(() => page.getByTestId('project-milestones').innerText(), { timeout: 30_000 }).toContain('已逾期');
    await env.shot(page, 'project-detail');

    await page.getByTestId('project-spend').click();
    await page.getByTestId('project-spend-form-amountFen').fill('1200');
    await page.getByTestId('project-spend-form-note').fill('书架采购');
    await page.getByTestId('project-spend-save').click();
    await page
      .getByText(/超出预算/)
      .first()
      .waitFor();
    await page.getByTestId('project-spend-form-overBudgetReason').fill('经研究追加图书采购');
    await page.getByTestId('project-spend-save').click();
    await page.getByTestId('project-over-budget').waitFor();
    await expect.poll(() => page.getByTestId('project-spends').innerText()).toContain('经研究追加图书采购');
    await expect.poll(() => page.getByTestId('project-spent').innerText()).toContain('1,200.00');

    const me = await page.evaluate(async () => (await (await fetch('/api/auth/me')).json()) as { user: { orgId: string } });
    const year = new Date().getFullYear();
    await page.goto(`/projects/public?orgId=${me.user.orgId}&year=${year}`);
    await page.getByTestId('public-projects').waitFor();
    await expect.poll(() => page.getByTestId('public-projects').innerText(), { timeout: 30_000 }).toContain(TITLE);
    expect(await page.getByTestId('public-projects').innerText()).not.toContain('经研究追加图书采购');
    await env.shot(page, 'projects-public');
    await closeContext(page);
  }, 300_000);
});
