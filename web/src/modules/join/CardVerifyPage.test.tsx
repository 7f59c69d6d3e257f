import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { renderApp } from '../../test/render';
import CardVerifyPage from './CardVerifyPage';

describe('verifying a membership card', () => {
  it('shows only the masked name, the union and the status of a valid card', async () => {
    const { sent } = renderApp(<CardVerifyPage />, { url: '/card/verify?token=abc.def', routes: { 'GET /api/cards/verify': () => ({ valid: true, reason: null, maskedName: '王*', unionName: '顺达快递有限公司工会', status: 'active' }) } });
    const result = await screen.findByTestId('card-verify-result');
    expect(result.dataset.valid).toBe('true');
    expect(result.textContent).toContain('会员卡有效');
    expect(screen.getByTestId('card-verify-name').textContent).toBe('王*');
    expect(result.textContent).toContain('顺达快递有限公司工会');
    expect(sent.find((s) => s.url.pathname === '/api/cards/verify')!.url.searchParams.get('token')).toBe('abc.def');
  });

  it('says why a card is not valid', async () => {
    renderApp(<CardVerifyPage />, { url: '/card/verify?token=x', routes: { 'GET /api/cards/verify': () => ({ valid: false, reason: 'left', maskedName: '王*', unionName: '顺达快递有限公司工会', status: 'left' }) } });
    const result = await screen.findByTestId('card-verify-result');
    expect(result.dataset.valid).toBe('false');
    expect(result.textContent).toContain('持卡人已退会，会员卡已失效');
  });

  it('asks for the QR code when the link carries none, without asking the server', async () => {
    const { sent } = renderApp(<CardVerifyPage />, { url: '/card/verify' });
    expect((await screen.findByTestId('card-verify-result')).textContent).toContain('缺少核验码，请扫描会员卡上的二维码');
    expect(sent.some((s) => s.url.pathname === '/api/cards/verify')).toBe(false);
  });
});
