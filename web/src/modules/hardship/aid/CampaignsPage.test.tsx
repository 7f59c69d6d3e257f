import { describe, expect, it } from 'vitest';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import type { CampaignItem } from '../../../../../common/src/contracts/hardship-aid';
import { renderApp, signedIn } from '../../../test/render';
import CampaignsPage from './CampaignsPage';

const C = '00000000-0000-7000-8000-0000000000c1';
const campaign: CampaignItem = {
  id: C, orgId: 'o1', orgName: '滨江区总工会', name: '2026年春节送温暖', kind: 'festival', amountFen: 80_000, paidOn: '2026-01-20', budgetId: 'b1', budgetLine: '送温暖',
  households: 120, totalFen: 9_600_000, skippedCount: 3, createdAt: '2026-01-18T02:00:00Z', method: 'cash', pendingProofs: 0,
};
const routes = (extra = {}) => ({ 'GET /api/hardship/campaigns': () => ({ items: [campaign], total: 1, page: 1, pageSize: 20 }), ...extra });

describe('aid campaigns', () => {
  it('shows a campaign’s households with those skipped, links to its payments, and says plainly when the PDF roster cannot be made', async () => {
    const { sent } = renderApp(<CampaignsPage />, {
      me: signedIn({}, ['hardship.read']), url: '/hardship/campaigns',
      routes: routes({ [`GET /api/hardship/campaigns/${C}/roster`]: () => ({ status: 503, body: { code: 'PDF_FONT_MISSING', message: '服务器缺少中文字体，无法生成PDF，请下载Excel签领表', messageEn: 'No CJK font' } }) }),
    });
    const row = await screen.findByTestId(`hs-campaign-row-${C}`);
    expect(row.textContent).toContain('跳过 3 户');
    expect(row.textContent).toContain('¥96,000.00');
    expect(row.textContent).toContain('滨江区总工会 · 送温暖');
    expect(screen.getByTestId(`hs-campaign-records-${C}`).getAttribute('href')).toBe(`/hardship/aid?campaignId=${C}`);
    expect(screen.queryByTestId('hs-campaign-new')).toBeNull();
    await act(async () => fireEvent.click(screen.getByTestId(`hs-roster-pdf-${C}`)));
    expect((await screen.findByTestId('hs-roster-pdf-error')).textContent).toBe('服务器缺少中文字体，无法生成PDF，请下载Excel签领表');
    expect(screen.getAllByText('PDF 签领表暂不可用').length).toBeGreaterThan(0);
    expect(sent.find((s) => s.url.pathname.endsWith('/roster'))!.url.searchParams.get('format')).toBe('pdf');
  });

  it('offers a new campaign to who may record aid, and opens a campaign’s history titled with its name', async () => {
    renderApp(<CampaignsPage />, {
      me: signedIn({}, ['hardship.read', 'aid.write']), url: '/hardship/campaigns',
      routes: routes({ [`GET /api/hardship/campaigns/${C}/history`]: () => [{ seq: 1, at: '2026-01-18T02:00:00Z', actorName: '李干事', action: 'aid.campaign', changes: null, detail: null }] }),
    });
    expect(await screen.findByTestId('hs-campaign-new')).toBeTruthy();
    fireEvent.click(await screen.findByTestId(`hs-campaign-history-${C}`));
    await waitFor(() => expect(screen.getByTestId('history-drawer').textContent).toContain('李干事'));
    expect(document.querySelector('.ant-drawer-title')!.textContent).toBe('变更记录 · 2026年春节送温暖');
  });
});
