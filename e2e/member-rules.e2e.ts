import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startE2E, type E2EEnv } from './harness';

/** What a worker meets on a phone (390×844): the card check without a code, joining by area with no default form, the self-check's region by name. */
const PORT = 3104;
let env: E2EEnv;

async function phone(): Promise<Page> {
  const page = await env.newPage();
  await page.setViewportSize({ width: 390, height: 844 });
  return page;
}

describe('worker pages on a phone', () => {
  beforeAll(async () => {
    env = await startE2E(PORT);
  }, 480_000);
  afterAll(async () => {
    await env?.close();
  });

  it('the card check opened without a code explains how to scan a card', async () => {
    const page = await phone();
    await page.goto('/card/verify');
    const help = page.getByTestId('card-verify-help');
    await help.waitFor();
    expect(await help.innerText()).toContain('扫一扫');
    await env.shot(page, 'card-verify-help-390');
    await page.context().close();
  }, 120_000);

  it('a worker whose employer is not on file picks the area; the employment form has no default, new forms first', async () => {
    const page = await phone();
    await page.goto('/join');
    await page.getByTestId('join-mode-territorial').click();
    await page.getByTestId('join-area').click();
    // The first district, then its first street or park union.
    await page.locator('.ant-cascader-menu').first().locator('.ant-cascader-menu-item').first().click();
    await page.locator('.ant-cascader-menu').nth(1).locator('.ant-cascader-menu-item').first().click();
    await env.shot(page, 'join-area-390');
    await page.getByTestId('join-next').click();
    await page.getByTestId('join-form').waitFor();
    await page.getByTestId('join-submit').click();
    // Nothing chosen: the form says so on the field.
    await page.getByText('请选择用工形式').first().waitFor();
    await page.getByTestId('join-employmentForm').click();
    const firstGroup = await page.locator('.ant-select-item-group').first().innerText();
    expect(firstGroup).toContain('新就业形态');
    await env.shot(page, 'join-employment-form-390');
    await page.context().close();
  }, 180_000);

  it('the self-check asks for the region by name', async () => {
    const page = await phone();
    await page.goto('/hardship/self-check');
    await page.getByTestId('hs-selfcheck-region').click();
    const first = page.locator('.ant-cascader-menu').first().locator('.ant-cascader-menu-item').first();
    expect(await first.innerText()).not.toMatch(/\d{6}/);
    await env.shot(page, 'selfcheck-region-390');
    await page.context().close();
  }, 120_000);
});
