import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { renderApp, signedIn } from '../../test/render';
import OutboxPage from './OutboxPage';

describe('系统管理 → 短信发件箱', () => {
  it('lists the outbox with masked mobiles and filters by a full mobile', async () => {
    const { sent } = renderApp(<OutboxPage />, {
      url: '/system/sms-outbox',
      me: signedIn({}, ['settings.manage']),
      routes: {
        'GET /api/system/sms-outbox': () => ({
          items: [{ id: 'o1', mobileMasked: '138****0001', body: '【智慧工会】您的登录验证码是482913，5分钟内有效，请勿告诉他人。', purpose: 'sign_in_code', createdAt: '2026-12-01T08:00:00.000Z' }],
          total: 1, page: 1, pageSize: 20,
        }),
      },
    });
    expect((await screen.findByText(/482913/)).textContent).toContain('验证码');
    expect(screen.getByText('138****0001')).toBeTruthy();
    fireEvent.change(screen.getByTestId('sms-outbox-filter-mobile'), { target: { value: '13800000001' } });
    fireEvent.click(screen.getByTestId('sms-outbox-search'));
    await waitFor(() => expect(sent.some((s) => s.url.pathname === '/api/system/sms-outbox' && s.url.searchParams.get('mobile') === '13800000001')).toBe(true));
  });
});
