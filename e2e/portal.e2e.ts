/**
 * The worker portal on a phone (390×844): a worker signs up with the code the SMS outbox holds (read
 * by an administrator through the outbox API), links to the member record the union registered,
 * sees the electronic card, and the card's QR link passes the public card check. Then the worker asks
 * to change their address on 我的, the union approves it on 会员管理 → 职工信息变更, and the phone
 * shows it approved.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2EEnv } from './harness';
import { choose, closeContext, prepare, waitForText } from './ui';
import { computeIdCheck } from '../common/src/id-number';

const PORT = 3114;
let env: E2EEnv;

const first17 = '42010219920315' + '461';
const WORKER = { name: '上官晓岚', id: first17 + computeIdCheck(first17), mobile: '13977770014' };

describe('worker portal', () => {
  beforeAll(async () => {
    env = await startE2E(PORT);
  }, 480_000);
  afterAll(async () => {
    await env?.close();
  });

  it('signs up with the outbox code, links to the member record and shows a card the check accepts', async () => {
    // The union registers the worker (the grassroots chair, through the API as the member form would).
    const cadre = prepare(await env.newPage());
    await env.login(cadre, 'grassroots');
    const me = (await (await cadre.request.get('/api/auth/me')).json()) as { user: { orgId: string }; csrfToken: string };
    const created = await cadre.request.post('/api/members', {
      headers: { 'X-CSRF-Token': me.csrfToken },
      data: {
        orgId: me.user.orgId,
        fields: { name: WORKER.name, idNumber: WORKER.id, mobile: '13977770015', employmentForm: '快递员', joinDate: '2025-05-01' },
        consent: { version: '2026-01', method: 'paper' },
      },
    });
    expect(created.status(), await created.text()).toBe(201);

    const page = prepare(
      await env.browser.newPage({ baseURL: env.baseUrl, viewport: { width: 390, height: 844 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' }),
    );
    await page.goto('/m');
    await page.waitForURL((u) => u.pathname === '/m/login');
    await page.getByTestId('portal-mobile').fill(WORKER.mobile);
    await page.getByTestId('portal-send-code').click();
    await expect.poll(() => page.getByTestId('portal-send-code').innerText()).toMatch(/秒后重发/);

    // The administrator reads the code in the outbox.
    const admin = prepare(await env.newPage());
    await env.login(admin, 'admin');
    const outbox = (await (await admin.request.get(`/api/system/sms-outbox?mobile=${WORKER.mobile}`)).json()) as {
      items: { body: string; mobileMasked: string }[];
    };
    expect(outbox.items[0]!.mobileMasked).toBe('139****0014');
    const code = /(\d{6})/.exec(outbox.items[0]!.body)![1]!;
    await admin.goto('/system/sms-outbox');
    await admin.getByTestId('sms-outbox-table').getByText('139****0014').first().waitFor();
    await closeContext(admin);

    await page.getByTestId('portal-code').fill(code);
    await page.getByTestId('portal-sign-in').click();
    await page.waitForURL((u) => u.pathname === '/m');
    await page.getByTestId('portal-link').waitFor();
    await env.shot(page, 'portal-link-390');
    // A wrong name is refused without saying whether the ID is on the registry.
    await page.getByTestId('portal-link-name').fill('上官晓兰');
    await page.getByTestId('portal-link-id').fill(WORKER.id);
    await page.getByTestId('portal-link-submit').click();
    await expect.poll(() => page.getByTestId('portal-link-error').innerText()).toContain('未能关联');
    await page.getByTestId('portal-link-name').fill(WORKER.name);
    await page.getByTestId('portal-link-submit').click();
    await page.getByTestId('portal-card-qr').waitFor();
    expect(await page.getByTestId('portal-status').innerText()).toBe('在册');
    // No admin side menu on the worker's pages, and nothing wider than the phone.
    expect(await page.locator('.ant-layout-sider').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await env.shot(page, 'portal-card-390');

    const verifyUrl = (await page.getByTestId('portal-card-qr').getAttribute('data-verify-url'))!;
    const check = prepare(await env.browser.newPage({ baseURL: env.baseUrl, viewport: { width: 390, height: 844 } }));
    await check.goto(new URL(verifyUrl).pathname + new URL(verifyUrl).search);
    await expect.poll(() => check.getByTestId('card-verify-result').getAttribute('data-valid')).toBe('true');
    expect(await check.getByTestId('card-verify-name').innerText()).toContain('上**岚');
    await closeContext(check);

    // 我的 → 信息变更: a new address, still a phone page.
    await page.getByTestId('portal-change-new').click();
    await choose(page, 'portal-change-field', '住址');
    await page.getByTestId('portal-change-value').fill('江城市滨江区长江路88号3栋1201室');
    await page.getByTestId('portal-change-submit').click();
    await waitForText(page.getByTestId('portal-change-address'), '待审核');
    expect(await page.getByTestId('portal-change-address').innerText()).toContain('江城市滨江区****');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await env.shot(page, 'portal-change-390');

    // The union approves it in its list of workers' change requests.
    await cadre.goto('/members/change-requests');
    const table = cadre.getByTestId('change-requests-table');
    await waitForText(table, WORKER.name);
    await table.locator('[data-testid^="change-approve-"]').first().click();
    await cadre.locator('.ant-modal-confirm .ant-btn-primary').click();
    await waitForText(table, '已通过');

    await page.reload();
    await waitForText(page.getByTestId('portal-change-address'), '已通过');
    await waitForText(page.getByTestId('portal-inbox'), '信息变更已通过');

    await closeContext(cadre);
  });
});
