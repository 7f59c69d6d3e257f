/**
 * Work plans in the browser: the city's administrator pastes part of the plenary report, reviews
 * the proposed items and accepts them as a plan; the first task is deployed, reported, closed with
 * evidence and the closing approved — every step through the task's own buttons.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import type { Page } from 'playwright-core';
import { startE2E, type E2EEnv } from './harness';
import { closeContext, prepare } from './ui';

const PORT = 3409;
let env: E2EEnv;
/** The opening parts of the city federation's report (its first sections and their points). */
const SPEECH = fs.readFileSync(path.resolve(import.meta.dirname, '../server/src/seed/texts/speech-city-federation-plenary-2022.txt'), 'utf8').slice(0, 9000);

async function stepTask(
  page: Page,
  action: 'deploy' | 'report' | 'requestClose' | 'approveClose',
  fill: Record<string, string>,
  confirm: boolean,
  status: string,
) {
  await page.getByTestId(`task-step-${action}`).click();
  await page.getByTestId('task-step-modal').waitFor();
  for (const [k, v] of Object.entries(fill)) await page.getByTestId(`task-step-${k}`).fill(v);
  await page.getByTestId('task-step-submit').click();
  if (confirm) await page.getByTestId('task-step-confirm-ok').click();
  await expect.poll(() => page.getByTestId('task-detail').getAttribute('data-task-status'), { timeout: 30_000 }).toBe(status);
}

describe('work plans', () => {
  beforeAll(async () => {
    env = await startE2E(PORT);
  }, 480_000);
  afterAll(async () => {
    await env?.close();
  });

  it('pastes a speech, reviews and accepts the plan, and a task is deployed, reported and closed', async () => {
    const page = prepare(await env.newPage());
    onTestFailed(async () => {
      await env.shot(page, 'FAIL-plans').catch(() => undefined);
    });
    await env.login(page, 'admin');
    await page.getByTestId('menu-plans').click();
    await page.getByTestId('plans-new').click();
    await page.getByTestId('plan-new-title').fill('浏览器测试计划');
    await page.getByTestId('plan-new-text').fill(SPEECH);
    await page.getByTestId('plan-new-read').click();
    await page.getByTestId('plan-new-items').waitFor();
    expect(await page.getByTestId('plan-new-items').locator('tbody tr').count()).toBeGreaterThan(3);
    await env.shot(page, 'plans-review');
    await page.getByTestId('plan-new-accept').click();
    await page.getByTestId('plan-accept-ok').click();
    await page.getByTestId('plan-detail').waitFor();
    await expect.poll(() => page.getByTestId('plan-detail-tasks-table').locator('tbody tr a').count()).toBeGreaterThan(0);
    await env.shot(page, 'plans-detail');

    await page.getByTestId('plan-detail-tasks-table').locator('tbody tr a').first().click();
    await page.getByTestId('task-detail').waitFor();
    await stepTask(page, 'deploy', { note: '已召开专题会议部署' }, false, 'deployed');
    await stepTask(page, 'report', { note: '已完成阶段性工作', progress: '60' }, false, 'in_progress');
    await stepTask(page, 'requestClose', { note: '任务完成', evidence: '工作总结与现场照片' }, true, 'closing');
    await stepTask(page, 'approveClose', { note: '同意销号' }, true, 'closed');
    await expect.poll(() => page.getByTestId('task-reports').innerText()).toContain('工作总结与现场照片');
    await env.shot(page, 'plans-task-closed');
    await closeContext(page);
  }, 300_000);
});
