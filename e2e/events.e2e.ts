/**
 * Union events on a phone (390×844): the demo worker (linked to a member of the demo grassroots
 * union) signs up for an event of their union from 我的 → 工会活动, shows the check-in code, the
 * union's chair checks them in on the event page, and the worker then sees “已签到”.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2EEnv } from './harness';
import { closeContext, prepare } from './ui';
import { addDays, todayInChina } from '../common/src/dates';

const PORT = 3141;
let env: E2EEnv;

describe('union events', () => {
  beforeAll(async () => {
    env = await startE2E(PORT);
  }, 480_000);
  afterAll(async () => {
    await env?.close();
  });

  it('a linked worker signs up, the organiser checks them in by their code, the worker sees attended', async () => {
    const today = todayInChina();
    // The grassroots chair publishes an event of their union, under way today with sign-up open.
    const cadre = prepare(await env.newPage());
    await env.login(cadre, 'grassroots');
    const me = (await (await cadre.request.get('/api/auth/me')).json()) as { user: { orgId: string }; csrfToken: string };
    const created = await cadre.request.post('/api/events', {
      headers: { 'X-CSRF-Token': me.csrfToken },
      data: {
        orgId: me.user.orgId,
        title: '职工读书分享会（浏览器测试）',
        kind: 'culture',
        audience: 'members',
        capacity: 30,
        place: '职工书屋',
        signupFrom: addDays(today, -2),
        signupUntil: today,
        startsOn: today,
        endsOn: addDays(today, 1),
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    const eventId = ((await created.json()) as { id: string }).id;

    // The worker signs in on the phone with the demo password and goes to 工会活动 from 我的.
    const phone = prepare(
      await env.browser.newPage({ baseURL: env.baseUrl, viewport: { width: 390, height: 844 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' }),
    );
    await phone.goto('/m/login');
    await phone.getByTestId('portal-toggle-password').click();
    await phone.getByTestId('portal-mobile').fill('13800000001');
    await phone.getByTestId('portal-password').fill('Worker@2026');
    await phone.getByTestId('portal-sign-in').click();
    await phone.waitForURL((u) => u.pathname === '/m');
    await phone.getByTestId('portal-events-link').click();
    await phone.waitForURL((u) => u.pathname === '/m/events');
    await phone.getByTestId(`portal-event-${eventId}`).waitFor();
    await env.shot(phone, 'events-open-390');
    await phone.getByTestId(`portal-event-signup-${eventId}`).click();
    // Signed up: my events show the check-in code.
    const tokenEl = phone.getByTestId(`portal-myevent-token-${eventId}`);
    await tokenEl.waitFor();
    const token = (await tokenEl.innerText()).trim();
    expect(token).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(await phone.locator('.ant-layout-sider').count()).toBe(0);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await env.shot(phone, 'events-mine-code-390');

    // The organiser scans (types) the code on the event page.
    await cadre.goto(`/events/${eventId}`);
    await cadre.getByTestId('event-checkin-token').fill(token);
    await cadre.getByTestId('event-checkin-submit').click();
    await expect.poll(() => cadre.getByTestId('event-attended').innerText()).toContain('1');
    // A second scan is refused.
    await cadre.getByTestId('event-checkin-token').fill(token);
    await cadre.getByTestId('event-checkin-submit').click();
    await expect.poll(() => cadre.locator('.ant-message, .ant-notification').innerText()).toContain('只能签到一次');
    await env.shot(cadre, 'events-checked-in');

    // The worker sees attended.
    await phone.reload();
    await phone.getByText('我的活动').first().click();
    await phone.getByTestId(`portal-myevent-attended-${eventId}`).waitFor();
    expect(await phone.getByTestId(`portal-myevent-${eventId}`).innerText()).toContain('已签到');
    await env.shot(phone, 'events-attended-390');

    await closeContext(phone);
    await closeContext(cadre);
  });
});
