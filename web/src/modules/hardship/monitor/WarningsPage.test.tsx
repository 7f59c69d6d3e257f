import { describe, expect, it } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { WarningItem } from '../../../../../common/src/contracts/hardship-warnings';
import { renderApp, signedIn, where } from '../../../test/render';
import WarningsPage from './WarningsPage';

const w = (n: number, over: Partial<WarningItem> = {}): WarningItem => ({
  id: `00000000-0000-7000-8000-0000000000e${n}`, rule: 'serious_illness', level: 'red', fileId: 'f1', fileNo: 'KN2026000001', name: '陈红', orgId: 'o1', orgName: '顺达快递有限公司工会',
  explanation: '家庭成员新发大病，医疗支出占年收入 62%', figures: {}, provisional: false, raisedOn: '2026-11-20', dueOn: '2099-12-01', overdue: false, status: 'open', actionTaken: null, closedAt: null, closedByName: null, ...over,
});
const due = w(1);
const late = w(2, { level: 'orange', rule: 'visit_overdue', dueOn: '2026-11-25', overdue: true });
const area = w(3, { level: 'yellow', rule: 'area_relapse', fileId: null, fileNo: null, name: null, orgName: '长河街道总工会' });
const closed = w(4, { status: 'closed', actionTaken: '已发放临时救助 2000 元', closedAt: '2026-11-28T02:00:00Z', closedByName: '王干事' });
const counts: Record<string, number> = { red: 5, orange: 2, yellow: 1, overdue: 3 };
const routes = (extra = {}) => ({
  'GET /api/hardship/warnings': (r: { url: URL }) => {
    const q = r.url.searchParams;
    if (q.get('pageSize') === '1') return { items: [], total: counts[q.get('overdue') === 'true' ? 'overdue' : q.get('level')!] ?? 0, page: 1, pageSize: 1 };
    return { items: [due, late, area, closed], total: 4, page: 1, pageSize: 20 };
  },
  ...extra,
});

describe('monitoring warnings', () => {
  it('shows how long each open warning has left or how overdue it is, the area warnings, and the action taken on a closed one', async () => {
    renderApp(<WarningsPage />, { me: signedIn({}, ['hardship.read']), url: '/hardship/warnings', routes: routes() });
    expect((await screen.findByTestId(`hs-warning-due-${late.id}`)).dataset.overdue).toBe('true');
    expect(screen.getByTestId(`hs-warning-due-${late.id}`).textContent).toMatch(/^已逾期 \d+ 天$/);
    expect(screen.getByTestId(`hs-warning-due-${due.id}`).textContent).toMatch(/^剩余 \d+ 天$/);
    expect(screen.queryByTestId(`hs-warning-due-${closed.id}`)).toBeNull();
    expect(screen.getByTestId(`hs-warning-row-${area.id}`).textContent).toContain('区域预警');
    expect(screen.getByTestId(`hs-warning-closed-${closed.id}`).textContent).toContain('采取的措施：已发放临时救助 2000 元');
    expect(screen.getByTestId(`hs-warning-closed-${closed.id}`).textContent).toContain('王干事 于 2026-11-28 10:00:00 销号');
    expect(screen.queryByTestId('hs-warning-scan')).toBeNull();
    expect(screen.queryByTestId(`hs-warning-close-${due.id}`)).toBeNull();
  });

  it('counts the open warnings by level and the overdue ones; a card filters the list', async () => {
    renderApp(<WarningsPage />, { me: signedIn({}, ['hardship.read']), url: '/hardship/warnings', routes: routes() });
    await waitFor(() => expect(screen.getByTestId('hs-warning-card-overdue').textContent).toContain('3'));
    expect(screen.getByTestId('hs-warning-card-red').textContent).toContain('5');
    fireEvent.click(screen.getByTestId('hs-warning-card-overdue'));
    await waitFor(() => expect(where.current).toBe('/hardship/warnings?overdue=true'));
  });

  it('closes a warning only with the action taken, and runs the scan, saying how many it raised', async () => {
    const { sent } = renderApp(<WarningsPage />, {
      me: signedIn({}, ['hardship.read', 'warning.handle']), url: '/hardship/warnings',
      routes: routes({
        [`POST /api/hardship/warnings/${due.id}/close`]: () => ({ ok: true }),
        'POST /api/hardship/warnings/scan': () => ({ raised: 2, byRule: { near_line: 2, job_loss: 0 }, reevaluated: 40, ms: 35 }),
      }),
    });
    fireEvent.click(await screen.findByTestId(`hs-warning-close-${due.id}`));
    expect(screen.queryByTestId(`hs-warning-close-${closed.id}`)).toBeNull();
    fireEvent.change(await screen.findByTestId('hs-warning-action'), { target: { value: '已走访' } });
    await act(async () => fireEvent.click(screen.getByTestId('hs-warning-close-submit')));
    expect(await screen.findByText('请写明采取的措施（至少4个字）')).toBeTruthy();
    fireEvent.change(screen.getByTestId('hs-warning-action'), { target: { value: '已走访并申请临时救助' } });
    await act(async () => fireEvent.click(screen.getByTestId('hs-warning-close-submit')));
    await waitFor(() => expect(sent.find((s) => s.url.pathname.endsWith('/close'))?.body).toEqual({ action: '已走访并申请临时救助' }));

    await act(async () => fireEvent.click(screen.getByTestId('hs-warning-scan')));
    const result = await screen.findByTestId('hs-warning-scan-result');
    expect(result.textContent).toMatch(/新产生 2 条预警/);
    expect(within(result).getByTestId('hs-warning-scan-rule-near_line').textContent).toBe('2');
    expect(within(result).queryByTestId('hs-warning-scan-rule-job_loss')).toBeNull();
  });
});
