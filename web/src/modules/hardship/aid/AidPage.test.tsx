import { describe, expect, it } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { z } from 'zod';
import type { AidItem, BudgetItem } from '../../../../../common/src/contracts/hardship-aid';
import { renderApp, signedIn, where } from '../../../test/render';
import AidPage from './AidPage';

const B1 = '00000000-0000-7000-8000-0000000000b1';
const B2 = '00000000-0000-7000-8000-0000000000b2';
const budget = (id: string, over: Partial<BudgetItem> = {}): BudgetItem => ({ id, orgId: 'o1', orgName: '滨江区总工会', year: 2026, line: '送温暖', allocatedFen: 10_000_000, spentFen: 2_000_000, remainingFen: 8_000_000, note: null, version: 1, ...over });
const aid = (n: number, over: Partial<z.infer<typeof AidItem>> = {}): z.infer<typeof AidItem> => ({
  id: `00000000-0000-7000-8000-0000000000a${n}`, fileId: 'f1', fileNo: `KN202600000${n}`, name: `户主${n}`, orgId: 'o1', orgName: '顺达快递有限公司工会', kind: 'festival', amountFen: 50_000, method: 'cash', recipientKind: 'head', recipientRelation: '户主', proxyReason: null, receiptKind: 'signature', proofStatus: 'complete', proofPendingDays: null,
  paidOn: '2026-01-20', payer: '滨江区总工会', recipientName: `户主${n}`, causeKey: null, budgetId: B1, budgetLine: '送温暖', budgetOrgName: '滨江区总工会', campaignId: null, hasReceipt: n === 1, ...over,
});
const budgets = (items: BudgetItem[]) => ({ items, total: items.length, page: 1, pageSize: 50, totals: { allocatedFen: 0, spentFen: 0, remainingFen: 0 } });

describe('aid records and budgets', () => {
  it('sums every matching record in the footer, not just the page, and filters by a budget picked by name', async () => {
    const { sent } = renderApp(<AidPage />, {
      me: signedIn({}, ['hardship.read']), url: '/hardship/aid',
      routes: {
        'GET /api/hardship/aid': () => ({ items: [aid(1), aid(2, { proofStatus: 'pending', proofPendingDays: 12 })], total: 45, page: 1, pageSize: 20, totalFen: 1_234_500 }),
        'GET /api/hardship/campaigns': () => ({ items: [], total: 0, page: 1, pageSize: 200 }),
        'GET /api/hardship/budgets': (r) => budgets(r.url.searchParams.get('q') === '温暖' ? [budget(B1)] : [budget(B1), budget(B2, { line: '助学' })]),
      },
    });
    expect((await screen.findByTestId('hs-aid-total')).textContent).toBe('合计 ¥12,345.00（共 45 笔）');
    expect(within(screen.getByTestId(`hs-aid-row-${aid(2).id}`)).getByText('待补签领 · 12 天')).toBeTruthy(); // a payment without its proof is called out, with how long it has waited
    const box = within(screen.getByTestId('hs-aid-records-filter-budgetId').closest('.ant-select')!).getByRole('combobox');
    fireEvent.mouseDown(box);
    fireEvent.change(box, { target: { value: '温暖' } });
    await waitFor(() => expect(sent.some((s) => s.url.pathname === '/api/hardship/budgets' && s.url.searchParams.get('q') === '温暖')).toBe(true));
    fireEvent.click(await screen.findByTitle('滨江区总工会 · 2026 · 送温暖（余额 ¥80,000.00）'));
    await act(async () => fireEvent.click(screen.getByTestId('hs-aid-records-search')));
    await waitFor(() => expect(where.current).toBe(`/hardship/aid?budgetId=${B1}`));
  });

  it('names a budget from a copied link by looking it up, even when it is not among those listed', async () => {
    const { sent } = renderApp(<AidPage />, {
      me: signedIn({}, ['hardship.read']), url: `/hardship/aid?budgetId=${B2}`,
      routes: {
        'GET /api/hardship/aid': () => ({ items: [], total: 0, page: 1, pageSize: 20, totalFen: 0 }),
        'GET /api/hardship/campaigns': () => ({ items: [], total: 0, page: 1, pageSize: 200 }),
        'GET /api/hardship/budgets': (r) => budgets(r.url.searchParams.get('id') === B2 ? [budget(B2, { year: 2025, line: '助学' })] : [budget(B1)]),
      },
    });
    await waitFor(() => expect(screen.getByTestId('hs-aid-records-filters').textContent).toContain('滨江区总工会 · 2025 · 助学'));
    expect(sent.find((s) => s.url.pathname === '/api/hardship/aid')!.url.searchParams.get('budgetId')).toBe(B2);
  });

  it('shows budgets nearly spent in red, adjusts only with the permission and never below what is spent, and opens a budget’s history', async () => {
    const low = budget(B2, { allocatedFen: 1_000_000, spentFen: 950_000, remainingFen: 50_000 });
    const { sent } = renderApp(<AidPage />, {
      me: signedIn({}, ['hardship.read', 'budget.manage']), url: '/hardship/aid?tab=budgets',
      routes: {
        'GET /api/hardship/budgets': () => ({ ...budgets([budget(B1), low]), totals: { allocatedFen: 11_000_000, spentFen: 2_950_000, remainingFen: 8_050_000 } }),
        [`GET /api/hardship/budgets/${B2}/history`]: () => [{ seq: 7, at: '2026-03-01T02:00:00Z', actorName: '王会计', action: 'budget.update', changes: null, detail: '预算 ¥10,000.00' }],
      },
    });
    expect((await screen.findByTestId(`hs-budget-remaining-${B2}`)).dataset.nearlySpent).toBe('true');
    expect(screen.getByTestId(`hs-budget-remaining-${B1}`).dataset.nearlySpent).toBe('false');
    expect(screen.getByTestId('hs-budget-totals').textContent).toContain('¥80,500.00');
    fireEvent.click(screen.getByTestId(`hs-budget-edit-${B2}`));
    const money = await screen.findByTestId('hs-budget-form-allocatedFen');
    fireEvent.change(money, { target: { value: '9000' } });
    fireEvent.blur(money);
    await act(async () => fireEvent.click(screen.getByTestId('hs-budget-save')));
    expect(await screen.findByText('预算不能低于已支出的 ¥9,500.00')).toBeTruthy();
    expect(sent.some((s) => s.method === 'PUT')).toBe(false);
    fireEvent.click(screen.getByTestId(`hs-budget-history-${B2}`));
    const drawer = await screen.findByTestId('history-drawer');
    await waitFor(() => expect(drawer.textContent).toContain('王会计'));
    expect(document.querySelector('.ant-drawer-title')!.textContent).toBe('变更记录 · 滨江区总工会 · 2026 · 送温暖');
  });

  it('offers no budget changes without the permission', async () => {
    renderApp(<AidPage />, { me: signedIn({}, ['hardship.read']), url: '/hardship/aid?tab=budgets', routes: { 'GET /api/hardship/budgets': () => budgets([budget(B1)]) } });
    await screen.findByTestId(`hs-budget-row-${B1}`);
    expect(screen.queryByTestId('hs-budget-new')).toBeNull();
    expect(screen.queryByTestId(`hs-budget-edit-${B1}`)).toBeNull();
    expect(screen.getByTestId(`hs-budget-history-${B1}`)).toBeTruthy();
  });
});
