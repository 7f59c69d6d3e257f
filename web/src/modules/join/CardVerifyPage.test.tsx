import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { renderApp, where } from '../../test/render';
import CardVerifyPage from './CardVerifyPage';

describe('/card/verify', () => {
  it('without a code, says what the page is for and how to scan a card, and checks a pasted link', async () => {
    const { sent } = renderApp(<CardVerifyPage />, {
      url: '/card/verify',
      routes: { 'GET /api/cards/verify': () => ({ valid: true, reason: null, maskedName: '欧**明', unionName: '江城机械厂工会', status: 'active' }) },
    });
    const help = await screen.findByTestId('card-verify-help');
    expect(help.textContent).toContain('核验职工出示的电子会员卡');
    expect(help.textContent).toContain('扫一扫');
    expect(help.textContent).toContain('不显示身份证号');
    expect(sent.some((s) => s.url.pathname.includes('verify'))).toBe(false);
    // Something that is no link or code is refused on the spot.
    fireEvent.change(screen.getByTestId('card-verify-paste'), { target: { value: 'abc' } });
    fireEvent.click(screen.getByTestId('card-verify-paste-submit'));
    expect((await screen.findByTestId('card-verify-paste-error')).textContent).toContain('不是会员卡的核验链接');
    // A copied link is checked like a scan.
    fireEvent.change(screen.getByTestId('card-verify-paste'), { target: { value: 'https://gh.example.cn/card/verify?token=eyJjYXJkIjoiR0gx.sig' } });
    fireEvent.click(screen.getByTestId('card-verify-paste-submit'));
    await waitFor(() => expect(where.current).toContain('token=eyJjYXJkIjoiR0gx.sig'));
  });
});
