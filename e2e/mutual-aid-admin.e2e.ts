/**
 * Mutual aid, the cadre's side (1440×900): the demo grassroots chair opens 互助计划, opens the
 * city's accident plan (server/src/seed/demo-mutual-aid.ts), enrols one of their members not yet
 * in it by list (searched by name), confirms, reads the result, and finds the member at the top of
 * the plan's enrolments, cover not begun; the xlsx import offers its template.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2EEnv } from './harness';
import { prepare } from './ui';

const PORT = 3443;
let env: E2EEnv;

describe('mutual-aid plans for the cadre', () => {
  beforeAll(async () => {
    env = await startE2E(PORT);
  }, 480_000);
  afterAll(async () => {
    await env?.close();
  });

  it('the chair enrols a member in a plan by list and sees them in its enrolments', async () => {
    const page = prepare(
      await env.browser.newPage({ baseURL: env.baseUrl, viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' }),
    );
    await env.login(page, 'grassroots');
    await page.goto('/mutual-aid/plans');
    const plans = (await (await page.request.get('/api/mutual-aid/plans?kind=accident')).json()) as { items: { id: string; name: string }[] };
    const plan = plans.items[0]!;
    const row = page.getByTestId(`mutual-aid-plan-${plan.id}`);
    await row.waitFor();
    await env.shot(page, 'mutual-aid-plans-1440');
    await row.getByRole('link', { name: plan.name }).click();
    await page.getByTestId('mutual-aid-plan-terms').waitFor();

    // A member of the chair's union not yet in the plan, whose name finds only them.
    type Page = { items: { id: string; name: string }[]; total: number };
    const get = async <T>(url: string) => (await (await page.request.get(url)).json()) as T;
    const members = await get<Page>('/api/members?status=active&pageSize=60');
    let who: { id: string; name: string } | undefined;
    for (const m of members.items) {
      if ((await get<Page>(`/api/members?q=${encodeURIComponent(m.name)}`)).total !== 1) continue;
      if ((await get<Page>(`/api/mutual-aid/enrolments?planId=${plan.id}&memberId=${m.id}`)).items.length) continue;
      who = m;
      break;
    }
    expect(who, 'a member not yet enrolled').toBeTruthy();
    const before = (await get<Page>(`/api/mutual-aid/enrolments?planId=${plan.id}`)).total;

    await page.getByTestId('mutual-aid-enrol-list').click();
    await page.getByTestId('mutual-aid-enrol-form').waitFor();
    await page.getByTestId('mutual-aid-enrol-form-member').locator('input').fill(who!.name);
    await page.getByTestId(`member-option-${who!.name}`).click();
    await expect.poll(() => page.getByTestId('mutual-aid-enrol-form-picked').innerText()).toContain(who!.name);
    await env.shot(page, 'mutual-aid-enrol-form-1440');
    await page.getByTestId('mutual-aid-enrol-form-submit').click();
    await page.getByTestId('mutual-aid-enrol-form-confirm-ok').click();
    const result = page.getByTestId('mutual-aid-enrol-result');
    await result.waitFor();
    expect(await result.innerText()).toContain('成功参保 1 人');

    // Paid today, after the plan's start: cover from the 1st of next month, the newest at the top.
    const masked = [...who!.name].length === 2 ? `${[...who!.name][0]}*` : `${[...who!.name][0]}`;
    const first = page.locator('[data-testid^="mutual-aid-enrolment-"]').first();
    await expect.poll(() => first.innerText()).toContain('待生效');
    expect(await first.innerText()).toContain(masked);
    expect(await first.innerText()).not.toContain(who!.name);
    expect((await get<Page>(`/api/mutual-aid/enrolments?planId=${plan.id}`)).total).toBe(before + 1);
    await env.shot(page, 'mutual-aid-plan-1440');

    await page.getByTestId('mutual-aid-enrol-import').click();
    await page.getByTestId('mutual-aid-import-template').waitFor();
    await env.shot(page, 'mutual-aid-import-1440');
  });
});
