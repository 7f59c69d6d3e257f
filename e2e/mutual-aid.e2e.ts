/**
 * Mutual aid on a phone (390×844): a demo worker linked to a member enrolled in the accident plan
 * (server/src/seed/demo-mutual-aid.ts) opens 我的, sees the cover and the claims of every state,
 * files a claim with a document, and sees it at the top of the list as submitted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2EEnv } from './harness';
import { prepare } from './ui';

const PORT = 3131;
let env: E2EEnv;

describe('mutual aid on the worker portal', () => {
  beforeAll(async () => {
    env = await startE2E(PORT);
  }, 480_000);
  afterAll(async () => {
    await env?.close();
  });

  it('a linked worker files a mutual-aid claim and sees it', async () => {
    const page = prepare(
      await env.browser.newPage({ baseURL: env.baseUrl, viewport: { width: 390, height: 844 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' }),
    );
    const signIn = await page.request.post('/api/portal/session', { data: { mobile: '13800000001', password: 'Worker@2026' } });
    expect(signIn.status(), await signIn.text()).toBe(200);
    const mine = (await (await page.request.get('/api/portal/mutual-aid')).json()) as {
      covers: { coverFrom: string; coverTo: string; active: boolean }[];
      claims: unknown[];
    };
    const cover = mine.covers[0]!;
    await page.goto('/m');
    await page.getByTestId('portal-mutual-aid-cover').first().waitFor();
    expect(await page.getByTestId('portal-mutual-aid-cover').first().innerText()).toContain(`${cover.coverFrom} 至 ${cover.coverTo}`);
    expect(await page.getByTestId('portal-mutual-aid-claim').count()).toBe(mine.claims.length);
    await page.getByTestId('portal-mutual-aid-file').click();
    await page.getByTestId('portal-mutual-aid-form').waitFor();
    await page.getByTestId('portal-mutual-aid-benefit').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '意外医疗' }).click();
    // The event: the first day of the cover (the demo's covers have started by the demo date).
    const event = page.getByTestId('portal-mutual-aid-event');
    await event.click();
    await event.fill(cover.coverFrom);
    await event.press('Enter');
    await page.getByTestId('portal-mutual-aid-amount').fill('1234.5');
    await page.getByTestId('portal-mutual-aid-description').fill('下班途中骑车摔伤，门诊处理');
    await page.locator('input[type=file]').setInputFiles({ name: '门诊发票.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% e2e\n') });
    await env.shot(page, 'mutual-aid-claim-form-390');
    await page.getByTestId('portal-mutual-aid-submit').click();
    await expect.poll(() => page.getByTestId('portal-mutual-aid-claim').count()).toBe(mine.claims.length + 1);
    const top = await page.getByTestId('portal-mutual-aid-claim').first().innerText();
    expect(top).toContain('待审核');
    expect(top).toContain('¥1,234.50');
    expect(top).toContain(cover.coverFrom);
    expect(await page.locator('.ant-layout-sider').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await env.shot(page, 'mutual-aid-claims-390');
  });
});
