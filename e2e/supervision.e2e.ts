/**
 * Supervision in the browser: the city's administrator finds the demo city's escalations behind
 * the header bell and opens one to its task; then the yearly assessment of the districts, published
 * with its ranking, one district's entry and the appeal answered; a district sees only its own entry.
 */
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { startE2E, type E2EEnv } from './harness';
import { closeContext, prepare, waitForText } from './ui';

const PORT = 3451;
let env: E2EEnv;

describe('supervision: reminders and the yearly assessment', () => {
  beforeAll(async () => {
    env = await startE2E(PORT);
  }, 480_000);
  afterAll(async () => {
    await env?.close();
  });

  it('the bell shows the escalations; one opens its task and is read', async () => {
    const page = prepare(await env.newPage());
    onTestFailed(async () => {
      await env.shot(page, 'FAIL-supervision-bell').catch(() => undefined);
    });
    await env.login(page, 'admin');
    const badge = page.getByTestId('inbox-badge');
    await expect.poll(async () => Number(await badge.getAttribute('data-unread')), { timeout: 30_000 }).toBeGreaterThan(0);
    const before = Number(await badge.getAttribute('data-unread'));
    // From any page: the bell sits in the header.
    await page.getByTestId('menu-assessments').click();
    await page.getByTestId('inbox-bell').click();
    const list = page.getByTestId('inbox-list');
    await waitForText(list, '逾期督办');
    await env.shot(page, 'supervision-inbox');
    const first = list.locator('[data-testid^="inbox-item-"][data-read="false"]').first();
    const text = await first.innerText();
    await first.click();
    await page.getByTestId('task-detail').waitFor();
    expect(page.url()).toContain('/plans/tasks/');
    // The task opened is the one the message named.
    // (A long title is quoted up to 40 characters and an ellipsis.)
    const title = /「(.+?)」/.exec(text)?.[1]?.replace(/…$/, '');
    if (title) await waitForText(page.getByTestId('task-detail'), title);
    await expect.poll(async () => Number(await badge.getAttribute('data-unread')), { timeout: 30_000 }).toBe(before - 1);

    // A task with a live KPI draws its daily readings as a line against the target.
    const tasks = (await (await page.request.get('/api/plan-tasks?status=open&pageSize=200')).json()) as {
      items: { id: string; kpiMetric: string | null; kpiTarget: number | null }[];
    };
    const withKpi = tasks.items.find((x) => x.kpiMetric && x.kpiTarget) ?? tasks.items.find((x) => x.kpiMetric);
    expect(withKpi).toBeTruthy();
    await page.goto(`/plans/tasks/${withKpi!.id}`);
    await page.getByTestId('task-kpi-line').locator('canvas').waitFor();
    await env.shot(page, 'supervision-task-kpi');
    await closeContext(page);
  }, 240_000);

  it('the published assessment ranks the districts; an entry shows its indicators and the appeal answered; a district sees only its own', async () => {
    const page = prepare(await env.newPage());
    onTestFailed(async () => {
      await env.shot(page, 'FAIL-supervision-assessment').catch(() => undefined);
    });
    await env.login(page, 'admin');
    await page.getByTestId('menu-assessments').click();
    const link = page.locator('[data-testid^="assessment-link-"]').first();
    await waitForText(link, '年度县区工会工作考核');
    await link.click();
    await page.getByTestId('assessment-detail').waitFor();
    await page.getByTestId('assessment-status-published').waitFor();
    const ranking = page.getByTestId('assessment-ranking');
    await ranking.locator('tbody tr').first().waitFor();
    const rows = await ranking.locator('tbody tr').count();
    expect(rows).toBeGreaterThan(1);
    expect((await ranking.locator('tbody tr').first().innerText()).trim().startsWith('1')).toBe(true);
    await waitForText(page.getByTestId('assessment-appeals'), '已答复');
    await env.shot(page, 'supervision-assessment');
    await ranking.locator('tbody tr').first().locator('a').click();
    await page.getByTestId('entry-items').waitFor();
    expect(await page.getByTestId('entry-items').locator('tbody tr').count()).toBeGreaterThan(0);
    await env.shot(page, 'supervision-assessment-entry');
    await closeContext(page);

    const district = prepare(await env.newPage());
    await env.login(district, 'district');
    await district.getByTestId('menu-assessment-entries').click();
    const entries = district.locator('[data-testid^="assessment-entry-link-"]');
    await entries.first().waitFor();
    expect(await entries.count()).toBe(1);
    await closeContext(district);
  }, 240_000);
});
