import { describe, expect, it } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Transfer } from '../../../../common/src/contracts/transfer';
import { renderApp, signedIn } from '../../test/render';
import TransfersPage from './TransfersPage';

const tr = (n: number, over: Partial<Transfer> = {}): Transfer => ({
  id: `00000000-0000-7000-8000-0000000000${String(n).padStart(2, '0')}`, memberId: 'm1', memberName: '王芳', idMasked: '330106********002X',
  fromOrgId: 'o1', fromUnionName: '顺达快递有限公司工会', toOrgId: 'o2', toUnionName: '长河街道总工会', initiatedBy: 'from', status: 'pending', reason: '工作调动',
  closeReason: null, fromConfirmedAt: '2026-11-30T02:00:00Z', toConfirmedAt: null, completedOn: null, createdAt: '2026-11-30T02:00:00Z', updatedAt: '2026-11-30T02:00:00Z',
  awaiting: ['to'], mySides: ['to'], can: { confirm: true, reject: true, cancel: false }, ...over,
});
const incoming = tr(1);
const outgoing = tr(2, { memberName: '刘*', memberId: null, mySides: ['from'], can: { confirm: false, reject: false, cancel: true } });
const done = tr(3, { status: 'completed', awaiting: [], toConfirmedAt: '2026-12-01T02:00:00Z', completedOn: '2026-12-01', can: { confirm: false, reject: false, cancel: false } });
const routes = (extra = {}) => ({ 'GET /api/transfers': () => ({ items: [incoming, outgoing, done], total: 3, page: 1, pageSize: 20 }), ...extra });

describe('member transfers', () => {
  it('shows each side’s confirmation and offers only the actions the server allows for the user’s side', async () => {
    renderApp(<TransfersPage />, { me: signedIn({}, ['member.transfer']), url: '/members/transfers', routes: routes() });
    const row = await screen.findByTestId(`transfer-row-${incoming.id}`);
    expect(row.textContent).toContain('2026-11-30 已确认');
    expect(row.textContent).toContain('待确认');
    expect(within(row).getByTestId(`transfer-confirm-${incoming.id}`)).toBeTruthy();
    expect(within(row).getByTestId(`transfer-reject-${incoming.id}`)).toBeTruthy();
    expect(within(row).queryByTestId(`transfer-cancel-${incoming.id}`)).toBeNull();
    const out = screen.getByTestId(`transfer-row-${outgoing.id}`);
    expect(within(out).getByTestId(`transfer-cancel-${outgoing.id}`)).toBeTruthy();
    expect(within(out).queryByTestId(`transfer-confirm-${outgoing.id}`)).toBeNull();
    expect(within(out).queryByRole('link')).toBeNull(); // a member of a union outside the scope: no link to the record
    expect(within(screen.getByTestId(`transfer-row-${done.id}`)).queryAllByRole('button')).toHaveLength(0);
  });

  const decision = (id: string, status: string) => ({ id, status, awaiting: [], completedOn: null });
  const decide = () => renderApp(<TransfersPage />, {
    me: signedIn({}, ['member.transfer']), url: '/members/transfers',
    routes: routes({
      [`POST /api/transfers/${incoming.id}/confirm`]: () => decision(incoming.id, 'completed'),
      [`POST /api/transfers/${incoming.id}/reject`]: () => decision(incoming.id, 'rejected'),
      [`POST /api/transfers/${outgoing.id}/cancel`]: () => decision(outgoing.id, 'cancelled'),
    }),
  });

  it('confirms after naming both unions', async () => {
    const { sent } = decide();
    fireEvent.click(await screen.findByTestId(`transfer-confirm-${incoming.id}`));
    expect(await screen.findByText(/从“顺达快递有限公司工会”转入“长河街道总工会”/)).toBeTruthy();
    await act(async () => fireEvent.click(screen.getByTestId('transfer-confirm-ok')));
    await waitFor(() => expect(sent.some((s) => s.url.pathname.endsWith('/confirm'))).toBe(true));
  });

  it('asks the reason of a rejection, and cancels without one', async () => {
    const { sent } = decide();
    fireEvent.click(await screen.findByTestId(`transfer-reject-${incoming.id}`));
    await act(async () => fireEvent.click(await screen.findByTestId('transfer-reason-submit')));
    expect(await screen.findByText('请填写原因（至少2个字）')).toBeTruthy();
    expect(sent.some((s) => s.url.pathname.endsWith('/reject'))).toBe(false);
    fireEvent.change(screen.getByTestId('transfer-reason-reason'), { target: { value: '本人未到岗' } });
    await act(async () => fireEvent.click(screen.getByTestId('transfer-reason-submit')));
    await waitFor(() => expect(sent.find((s) => s.url.pathname.endsWith('/reject'))?.body).toEqual({ reason: '本人未到岗' }));

    fireEvent.click(screen.getByTestId(`transfer-cancel-${outgoing.id}`));
    await act(async () => fireEvent.click(await screen.findByTestId('transfer-reason-submit')));
    await waitFor(() => expect(sent.find((s) => s.url.pathname.endsWith('/cancel'))?.body).toEqual({}));
  });
});
