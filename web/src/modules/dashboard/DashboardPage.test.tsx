import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import { renderApp, signedIn } from '../../test/render';
import DashboardPage from './DashboardPage';

const orgFigures = { totalOrgs: 299, grassroots: 290, withoutChair: 8, termExpiring: 19, termExpired: 7, employees: 131594, termReminderDays: 60, byLevel: [], byKind: [], byChild: [] };
const memberFigures = {
  asOf: '2026-12-04', totals: { holding: 37, active: 35, retained: 2, transferring: 0, left: 0 },
  byEmploymentForm: { standard: 14, gig: 23, unknown: 0, otherEmployees: 0, migrantWorkers: 11, forms: [] }, membershipRate: { overall: 0.094, lowest: [] },
  withoutMembers: { count: 0, first: [] }, applications: { pending: 0, dueSoon: 0, overdue: 0 }, monthly: [],
};
const ownUnion = { id: '00000000-0000-7000-8000-000000000002', parentId: null, parentName: '滨江区总工会', depth: 3, level: 'grassroots', kind: 'enterprise', code: 'G00001', name: '滨江高新技术产业园区联合工会委员会', employerName: null, uscc: null, regionCode: null, industry: null, employeeCount: 392, foundedOn: null, chairName: null, termStart: '2022-01-10', termYears: 5, termEnd: '2027-01-10', termStatus: 'expiring', hasWomenCommittee: true, active: true, version: 1, updatedAt: '2026-01-01T00:00:00Z', can: {}, counts: {} };

describe('the dashboard shows the widgets of the user’s level', () => {
  it('a federation (district) sees the unions below it, the re-election window of the rule in force', async () => {
    const { sent } = renderApp(<DashboardPage />, { me: signedIn(), routes: { 'GET /api/dashboard/orgs': () => orgFigures, 'GET /api/dashboard/members': () => memberFigures } });
    await waitFor(() => expect(screen.getByTestId('dashboard-card-termExpiring').textContent).toContain('60天内换届到期'));
    expect(screen.getByTestId('dashboard-chart-child')).toBeTruthy();
    expect(screen.queryByTestId('dashboard-own-union')).toBeNull();
    await waitFor(() => expect(screen.getByTestId('dashboard-member-card-withoutMembers')).toBeTruthy());
    expect(sent.some((s) => s.url.pathname === '/api/dashboard/orgs')).toBe(true);
  });

  it('a grassroots chair sees their own union instead: no subordinate unions, no coverage by union', async () => {
    const me = signedIn({ orgId: ownUnion.id, orgName: ownUnion.name, orgLevel: 'grassroots' });
    const { sent } = renderApp(<DashboardPage />, { me, routes: { [`GET /api/orgs/${ownUnion.id}`]: () => ownUnion, 'GET /api/dashboard/members': () => memberFigures } });
    await waitFor(() => expect(screen.getByTestId('dashboard-own-union').textContent).toContain('滨江高新技术产业园区联合工会委员会'));
    expect(screen.getByTestId('dashboard-own-union').textContent).toContain('392');
    expect(screen.queryByTestId('dashboard-card-totalOrgs')).toBeNull();
    expect(screen.queryByTestId('dashboard-chart-child')).toBeNull();
    await waitFor(() => expect(screen.getByTestId('dashboard-member-card-holding').textContent).toContain('37'));
    expect(screen.queryByTestId('dashboard-member-card-withoutMembers')).toBeNull();
    expect(screen.queryByTestId('dashboard-member-rate-table')).toBeNull();
    expect(sent.some((s) => s.url.pathname === '/api/dashboard/orgs')).toBe(false);
  });
});
