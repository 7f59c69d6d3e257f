import { describe, expect, it } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { JoinDetailT, JoinListItemT } from '../../../../common/src/contracts/join';
import { renderApp, signedIn, where } from '../../test/render';
import ApplicationsPage from './ApplicationsPage';

const item = (appNo: string, over: Partial<JoinListItemT> = {}): JoinListItemT => ({
  id: `00000000-0000-7000-8000-0000000${appNo.slice(-5)}`, appNo, name: '李强', idMasked: '110101********001X', mobileMasked: '138****5678', orgId: 'o1', orgName: '顺达快递有限公司工会',
  employerName: '顺达快递有限公司', viaTerritorial: false, status: 'pending', submittedOn: '2026-11-20', dueOn: '2099-12-11', decidedAt: null, overdue: false, workingDaysLeft: 3, provisional: false, ...over,
});
const detail = (a: JoinListItemT, over: Partial<JoinDetailT> = {}): JoinDetailT => ({
  ...a, sex: 'M', birthDate: '1990-03-07', idKind: 'resident', employerUscc: null, ethnicity: '汉族', education: null, politicalStatus: null, employmentForm: 'courier',
  migrantWorker: true, occupation: '快递员', consentVersion: 'v1', consentAt: '2026-11-20T02:00:00Z', rejectReason: null, memberId: null, cardNo: null, ...over,
});
const pending = item('RH20261120000001');
const late = item('RH20261101000002', { name: '张伟', dueOn: '2026-11-21', overdue: true, workingDaysLeft: -9 });
const approved = item('RH20261001000003', { name: '赵敏', status: 'approved', decidedAt: '2026-10-08T02:00:00Z', workingDaysLeft: null });
const summary = { pending: 2, overdue: 1, dueSoon: 1, overdueBelow: 4 };
const routes = (extra = {}) => ({
  'GET /api/join/applications': () => ({ items: [pending, late, approved], total: 3, page: 1, pageSize: 20 }),
  'GET /api/join/applications/summary': () => summary,
  [`GET /api/join/applications/${pending.id}/history`]: () => [],
  [`GET /api/join/applications/${approved.id}/history`]: () => [],
  ...extra,
});

describe('join applications', () => {
  it('lists the pending applications first, each with the working days left or overdue; the cards open the overdue ones', async () => {
    const { sent } = renderApp(<ApplicationsPage />, { me: signedIn({}, ['join.review']), url: '/members/applications', routes: routes() });
    const row = await screen.findByTestId(`application-row-${pending.appNo}`);
    expect(sent.find((s) => s.url.pathname === '/api/join/applications')!.url.searchParams.get('status')).toBe('pending');
    expect(within(row).getByTestId('join-deadline').textContent).toBe('剩余 3 个工作日');
    expect(within(screen.getByTestId(`application-row-${late.appNo}`)).getByTestId('join-deadline').textContent).toBe('已逾期 9 个工作日');
    expect(within(screen.getByTestId(`application-row-${approved.appNo}`)).queryByTestId('join-deadline')).toBeNull();
    expect(screen.getByTestId(`application-view-${pending.appNo}`).textContent).toBe('办 理');
    expect(screen.getByTestId(`application-view-${approved.appNo}`).textContent).toBe('查 看');
    await waitFor(() => expect(screen.getByTestId('applications-card-overdueBelow').textContent).toContain('4'));
    fireEvent.click(screen.getByTestId('applications-card-overdue'));
    await waitFor(() => expect(where.current).toBe('/members/applications?status=all&overdue=true'));
  });

  it('approves or rejects only a pending application, a rejection with its reason', async () => {
    const { sent } = renderApp(<ApplicationsPage />, {
      me: signedIn({}, ['join.review']), url: '/members/applications',
      routes: routes({
        [`GET /api/join/applications/${pending.id}`]: () => detail(pending),
        [`GET /api/join/applications/${approved.id}`]: () => detail(approved, { memberId: 'm1', cardNo: 'GH2026000123' }),
        [`POST /api/join/applications/${pending.id}/reject`]: () => ({ id: pending.id, status: 'rejected', memberId: null, cardNo: null }),
      }),
    });
    fireEvent.click(await screen.findByTestId(`application-view-${approved.appNo}`));
    expect((await screen.findByTestId('application-approved')).textContent).toContain('GH2026000123');
    expect(screen.queryByTestId('application-approve-btn')).toBeNull();
    expect(screen.queryByTestId('application-reject-btn')).toBeNull();
    fireEvent.click(screen.getByTestId(`application-view-${pending.appNo}`));
    await waitFor(() => expect(screen.getByTestId('application-detail').dataset.status).toBe('pending'));
    expect(screen.getByTestId('application-approve-btn')).toBeTruthy();
    fireEvent.click(screen.getByTestId('application-reject-btn'));
    await screen.findByTestId('application-reject-reason'); // the form is open before it is sent
    await act(async () => fireEvent.click(screen.getByTestId('application-reject-submit')));
    expect(await screen.findByText('请填写驳回理由（至少2个字）')).toBeTruthy();
    fireEvent.change(screen.getByTestId('application-reject-reason'), { target: { value: '非本单位职工' } });
    await act(async () => fireEvent.click(screen.getByTestId('application-reject-submit')));
    await waitFor(() => expect(sent.find((s) => s.method === 'POST')?.body).toEqual({ reason: '非本单位职工' }));
  });
});
