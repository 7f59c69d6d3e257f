import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderApp, signedIn, type Sent } from '../../test/render';
import CalendarPage from './CalendarPage';
import DashboardPage from '../dashboard/DashboardPage';
import ApplicationsPage from '../member/ApplicationsPage';

const STATUTORY_2027 = ['2027-01-01', '2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-04-05', '2027-05-01', '2027-05-02', '2027-06-09', '2027-09-15', '2027-10-01', '2027-10-02', '2027-10-03'];
const years = [
  { year: 2027, source: 'weekdays_only', holidays: STATUTORY_2027, workdays: [], provisional: true },
  { year: 2026, source: 'package', holidays: ['2026-01-01', '2026-01-02', '2026-01-03', '2026-02-15', '2026-02-16'], workdays: ['2026-01-04', '2026-02-14'], provisional: false },
];
/** The machine running the tests may be busy: give the page time to load. */
const slow = { timeout: 10_000 };
const admin = signedIn({ orgLevel: 'city', orgName: '江城市总工会' }, ['settings.manage', 'dashboard.read', 'audit.read']);

afterEach(() => {
  vi.useRealTimers();
});

describe('the holiday calendar page', () => {
  it('lists the years with their days off and make-up days, says which are provisional, and reminds to enter next year', async () => {
    renderApp(<CalendarPage />, { me: admin, routes: { 'GET /api/settings/calendar/years': () => years, 'GET /api/settings/calendar/reminder': () => ({ year: 2027, late: false, from: '11-01' }) } });
    await waitFor(() => expect(screen.getByTestId('calendar-source-2027').textContent).toBe('待录入 · 期限暂定'), slow);
    expect(screen.getByTestId('calendar-source-2026').textContent).toBe('国务院通知（日历包）');
    expect(screen.getByTestId('calendar-holidays-2026').textContent).toContain('01-01~01-03、02-15~02-16');
    expect(screen.getByTestId('calendar-workdays-2026').textContent).toBe('01-04、02-14');
    expect(screen.getByTestId('calendar-holidays-2027').textContent).toContain('仅知法定节日：01-01、02-05~02-08');
    expect(screen.getByTestId('calendar-edit-2027').textContent).toContain('录入');
    expect(screen.getByTestId('calendar-edit-2026').textContent).toContain('更正');
    // Who changed the calendar, and when: the audit log, filtered.
    expect(screen.getByTestId('calendar-history').getAttribute('href')).toBe('/system/audit?action=settings.calendar');
    await waitFor(() => expect(screen.getByTestId('calendar-reminder').textContent).toContain('请录入 2027 年的节假日安排'), slow);
  });

  it('enters 2027: checks the dates as typed, asks before recomputing deadlines, sends the days and says what moved', async () => {
    let saved: Sent | undefined;
    renderApp(<CalendarPage />, {
      me: admin,
      routes: {
        'GET /api/settings/calendar/years': () => years,
        'GET /api/settings/calendar/reminder': () => ({ year: 2027, late: false, from: '11-01' }),
        'PUT /api/settings/calendar/years/2027': (req) => {
          saved = req;
          return { year: { ...years[0], source: 'override', provisional: false }, recomputed: [{ entity: 'join_application', checked: 12, changed: 3 }, { entity: 'hardship_warning', checked: 5, changed: 1 }] };
        },
      },
    });
    fireEvent.click(await screen.findByTestId('calendar-edit-2027', {}, slow));
    const modal = await screen.findByTestId('calendar-form-modal', {}, slow);
    expect(within(modal).getByText(/法律规定的节日（必须包含）：01-01、02-05~02-08/)).toBeTruthy();
    const holidays = screen.getByTestId('calendar-form-holidays') as HTMLTextAreaElement;
    expect(holidays.value.split('\n')[0]).toBe('2027-01-01');
    // A typing error is named before anything is sent.
    fireEvent.change(holidays, { target: { value: '2027-01-01~2027-01-03\n2027-02-5' } });
    await act(async () => fireEvent.click(screen.getByTestId('calendar-form-submit')));
    await waitFor(() => expect(modal.textContent).toContain('无法识别：2027-02-5'), slow);
    expect(saved).toBeUndefined();
    fireEvent.change(holidays, { target: { value: '2027-01-01~2027-01-03\n2027-02-05~2027-02-11' } });
    fireEvent.change(screen.getByTestId('calendar-form-workdays'), { target: { value: '2027-02-20' } });
    await act(async () => fireEvent.click(screen.getByTestId('calendar-form-submit')));
    const ok = await screen.findByTestId('calendar-form-confirm-ok', {}, slow);
    expect(document.body.textContent).toContain('所有未办结、按工作日计算的期限');
    await act(async () => fireEvent.click(ok));
    await waitFor(() => expect(saved).toBeDefined(), slow);
    expect(saved!.body).toEqual({
      holidays: ['2027-01-01', '2027-01-02', '2027-01-03', '2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11'],
      workdays: ['2027-02-20'],
    });
    await waitFor(() => expect(document.body.textContent).toContain('已保存 2027 年安排；重算期限 17 项，其中 4 项到期日变更'), slow);
  });

  it('puts the server’s refusal on the field it concerns', async () => {
    renderApp(<CalendarPage />, {
      me: admin,
      routes: {
        'GET /api/settings/calendar/years': () => years,
        'GET /api/settings/calendar/reminder': () => ({ year: null, late: false, from: '11-01' }),
        'PUT /api/settings/calendar/years/2027': () => ({
          status: 400,
          body: { code: 'INVALID_CALENDAR', message: '2027 年的节假日安排有误：缺少法定节假日 2027-10-01', messageEn: 'missing 2027-10-01', details: { fields: [{ path: 'body.holidays', message: '缺少法定节假日 2027-10-01（全国年节及纪念日放假办法）', messageEn: 'The statutory holiday 2027-10-01 is missing' }] } },
        }),
      },
    });
    fireEvent.click(await screen.findByTestId('calendar-edit-2027', {}, slow));
    fireEvent.click(await screen.findByTestId('calendar-form-submit', {}, slow));
    fireEvent.click(await screen.findByTestId('calendar-form-confirm-ok', {}, slow));
    await waitFor(() => expect(screen.getByTestId('calendar-form-modal').textContent).toContain('缺少法定节假日 2027-10-01（全国年节及纪念日放假办法）'), slow);
    expect(screen.queryByTestId('calendar-reminder')).toBeNull();
  });
});

describe('the reminder on the dashboard', () => {
  const memberFigures = {
    asOf: '2026-11-02', totals: { holding: 0, active: 0, retained: 0, transferring: 0, left: 0 },
    byEmploymentForm: { standard: 0, gig: 0, unknown: 0, migrantWorkers: 0, forms: [] }, membershipRate: { overall: 0, lowest: [] },
    withoutMembers: { count: 0, first: [] }, applications: { pending: 0, dueSoon: 0, overdue: 0 }, monthly: [],
  };
  const orgFigures = { totalOrgs: 1, grassroots: 0, withoutChair: 0, termExpiring: 0, termExpired: 0, employees: 0, termReminderDays: 60, byLevel: [], byKind: [], byChild: [] };

  it('asks an administrator for next year’s arrangement and leads to the page; others are not asked', async () => {
    const routes = { 'GET /api/dashboard/orgs': () => orgFigures, 'GET /api/dashboard/members': () => memberFigures, 'GET /api/settings/calendar/reminder': () => ({ year: 2027, late: false, from: '11-01' }) };
    const first = renderApp(<DashboardPage />, { me: admin, routes });
    await waitFor(() => expect(screen.getByTestId('calendar-reminder').textContent).toContain('请录入 2027 年的节假日安排'), slow);
    expect(screen.getByTestId('calendar-reminder-go').getAttribute('href')).toBe('/system/calendar');
    first.unmount();
    const { sent } = renderApp(<DashboardPage />, { me: signedIn({}, ['dashboard.read']), routes });
    await waitFor(() => expect(screen.getByTestId('dashboard-page')).toBeTruthy(), slow);
    await waitFor(() => expect(sent.some((s) => s.url.pathname === '/api/dashboard/members')).toBe(true), slow);
    expect(screen.queryByTestId('calendar-reminder')).toBeNull();
    expect(sent.some((s) => s.url.pathname === '/api/settings/calendar/reminder')).toBe(false);
  });
});

describe('a deadline in a year the calendar lacks', () => {
  it('is marked 暂定 on the applications list, with the reason on hover', async () => {
    vi.useFakeTimers({ now: new Date('2026-12-18T04:00:00Z'), toFake: ['Date'] });
    const item = {
      id: '00000000-0000-7000-8000-0000000000a1', appNo: 'RH20261218000001', name: '李冬梅', idMasked: '110101********1234', mobileMasked: '138****0000', orgId: 'o1', orgName: '宏达物流工会',
      employerName: '江城宏达物流有限公司', viaTerritorial: false, status: 'pending', submittedOn: '2026-12-18', dueOn: '2027-01-11', decidedAt: null, overdue: false, workingDaysLeft: 15, provisional: true,
    };
    renderApp(<ApplicationsPage />, {
      me: signedIn({}, ['join.review']),
      url: '/members/applications',
      routes: {
        'GET /api/join/applications': () => ({ items: [item], total: 1, page: 1, pageSize: 20 }),
        'GET /api/join/applications/summary': () => ({ pending: 1, overdue: 0, dueSoon: 0, overdueBelow: 0 }),
      },
    });
    const badge = await screen.findByTestId('join-deadline', {}, slow);
    expect(badge.textContent).toBe('剩余 15 个工作日 (暂定)');
    await act(async () => fireEvent.mouseEnter(badge));
    await waitFor(() => expect(document.body.textContent).toContain('该年度的法定节假日安排尚未录入，期限暂按周末和法定节日计算，录入后将自动重算'), slow);
  });
});
