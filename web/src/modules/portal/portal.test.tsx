import { afterEach, describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { renderApp, where } from '../../test/render';
import PortalLoginPage from './PortalLoginPage';
import PortalHomePage, { CARD_STORAGE_KEY } from './PortalHomePage';

const linkedMe = {
  accountId: 'a1', mobileMasked: '138****0001', hasPassword: false, linked: true, firstSignIn: false, unreadCount: 1,
  member: { name: '欧阳明', idMasked: '4201**********1234', status: 'active', orgName: '江城机械厂工会', joinDate: '2024-03-01', cardNo: 'GH0000000001', employerName: '江城机械厂', consentToCollect: false, honors: [{ title: '劳动模范', level: 'city', year: 2025 }] },
};
const card = {
  cardNo: 'GH0000000001', name: '欧阳明', orgName: '江城机械厂工会', joinDate: '2024-03-01', status: 'active', token: 'abc.sig',
  verifyUrl: 'http://localhost/card/verify?token=abc.sig', qrDataUrl: 'data:image/png;base64,iVBORw0KGgo=', issuedAt: '2026-12-01T08:00:00.000Z',
};
const empty = { items: [], total: 0, page: 1, pageSize: 20 };

afterEach(() => localStorage.clear());

describe('/m/login', () => {
  it('sends a code to the mobile, signs in with it and opens 我的; a wrong code says so', async () => {
    let tries = 0;
    const { sent } = renderApp(<PortalLoginPage />, {
      url: '/m/login',
      routes: {
        'POST /api/portal/code': () => ({ ok: true, expiresInSeconds: 300 }),
        'POST /api/portal/session': () =>
          ++tries === 1 ? { status: 401, body: { code: 'SIGN_IN_FAILED', message: '手机号、验证码或密码不正确，或验证码已过期', messageEn: 'wrong' } } : { ...linkedMe, linked: false, member: null },
      },
    });
    expect((await screen.findByTestId('portal-demo-hint')).textContent).toContain('13800000001');
    fireEvent.change(screen.getByTestId('portal-mobile'), { target: { value: '13800000001' } });
    fireEvent.click(screen.getByTestId('portal-send-code'));
    await waitFor(() => expect(sent.some((s) => s.url.pathname === '/api/portal/code' && (s.body as { mobile: string }).mobile === '13800000001')).toBe(true));
    await waitFor(() => expect(screen.getByTestId('portal-send-code').textContent).toMatch(/秒后重发/));
    fireEvent.change(screen.getByTestId('portal-code'), { target: { value: '123456' } });
    fireEvent.click(screen.getByTestId('portal-sign-in'));
    expect((await screen.findByTestId('portal-login-error')).textContent).toContain('验证码');
    fireEvent.click(screen.getByTestId('portal-sign-in'));
    await waitFor(() => expect(where.current).toBe('/m'));
  });
});

describe('/m', () => {
  it('shows membership, the card as a QR code, my applications and messages; keeps the card for offline use', async () => {
    renderApp(<PortalHomePage />, {
      url: '/m',
      routes: {
        'GET /api/portal/me': () => linkedMe,
        'GET /api/portal/card': () => card,
        'GET /api/portal/applications': () => [{ kind: 'join', id: 'j1', ref: 'RH20260001', status: 'approved', orgName: '江城机械厂工会', submittedOn: '2026-11-01', deadline: null }],
        'GET /api/portal/notifications': () => ({ ...empty, total: 1, items: [{ id: 'n1', title: '入会申请已通过', body: '欢迎', link: '/m', readAt: null, createdAt: '2026-12-01T08:00:00.000Z' }] }),
        'GET /api/portal/events/mine': () => [{ status: 'confirmed', phase: 'open' }, { status: 'cancelled', phase: 'open' }],
      },
    });
    expect((await screen.findByTestId('portal-union')).textContent).toBe('江城机械厂工会');
    expect(screen.getByTestId('portal-honors').textContent).toContain('劳动模范');
    expect((await screen.findByTestId('portal-card-qr')).getAttribute('data-verify-url')).toContain('/card/verify?token=');
    expect(screen.getByTestId('portal-card-no').textContent).toBe('GH0000000001');
    expect((await screen.findByTestId('portal-app-join')).textContent).toContain('RH20260001');
    expect(screen.getByTestId('portal-app-join').textContent).toContain('已通过');
    expect((await screen.findByTestId('portal-message')).textContent).toContain('入会申请已通过');
    expect(screen.queryByTestId('portal-card-offline')).toBeNull();
    await waitFor(() => expect(JSON.parse(localStorage.getItem(CARD_STORAGE_KEY)!).cardNo).toBe('GH0000000001'));
    // The services, one tap each: events (with the count of mine still to come), benefits, rest stations, training.
    const tiles = screen.getByTestId('portal-services');
    expect([...tiles.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(['/m/events', '/m/benefits', '/m/stations', '/m/training']);
    await waitFor(() => expect(screen.getByTestId('portal-events-link').textContent).toContain('1'));
  });

  it('a member imported from a roster reads the notice and confirms it once', async () => {
    let confirmed: unknown = null;
    renderApp(<PortalHomePage />, {
      url: '/m',
      routes: {
        'GET /api/portal/me': () => (confirmed ? linkedMe : { ...linkedMe, member: { ...linkedMe.member, consentToCollect: true } }),
        'POST /api/portal/consent': (req: { body: unknown }) => {
          confirmed = req.body;
          return linkedMe;
        },
        'GET /api/portal/card': () => card,
        'GET /api/portal/applications': () => [],
        'GET /api/portal/notifications': () => empty,
      },
    });
    fireEvent.click(await screen.findByTestId('portal-consent-confirm'));
    await waitFor(() => expect(confirmed).toEqual({ version: '2026-01' }));
    await waitFor(() => expect(screen.queryByTestId('portal-consent')).toBeNull());
  });

  it('offline, shows the card kept from last time with the time it was issued', async () => {
    localStorage.setItem(CARD_STORAGE_KEY, JSON.stringify(card));
    renderApp(<PortalHomePage />, {
      url: '/m',
      routes: { 'GET /api/portal/me': () => { throw new TypeError('Failed to fetch'); } },
    });
    expect((await screen.findByTestId('portal-card-offline')).textContent).toContain('当前离线');
    expect(screen.getByTestId('portal-card-no').textContent).toBe('GH0000000001');
  });

  it('not linked: asks for name and ID number and shows the server’s refusal', async () => {
    renderApp(<PortalHomePage />, {
      url: '/m',
      routes: {
        'GET /api/portal/me': () => ({ ...linkedMe, linked: false, member: null, firstSignIn: true, unreadCount: 0 }),
        'GET /api/portal/applications': () => [],
        'GET /api/portal/notifications': () => empty,
        'POST /api/portal/link': () => ({ status: 400, body: { code: 'LINK_FAILED', message: '未能关联：姓名与身份证号须与工会会员名册一致。如确认无误，请联系所在工会', messageEn: 'no' } }),
      },
    });
    expect((await screen.findByTestId('portal-membership')).textContent).toContain('尚未关联');
    fireEvent.change(screen.getByTestId('portal-link-name'), { target: { value: '张三' } });
    fireEvent.change(screen.getByTestId('portal-link-id'), { target: { value: '110101199003077777' } });
    fireEvent.click(screen.getByTestId('portal-link-submit'));
    expect((await screen.findByTestId('portal-link-error')).textContent).toContain('未能关联');
    expect(screen.queryByTestId('portal-card')).toBeNull();
  });

  it('signed out: goes to the sign-in page', async () => {
    renderApp(<PortalHomePage />, { url: '/m', routes: { 'GET /api/portal/me': () => ({ status: 401, body: { code: 'UNAUTHENTICATED', message: '请先登录', messageEn: 'sign in' } }) } });
    await waitFor(() => expect(where.current).toBe('/m/login'));
  });
});
