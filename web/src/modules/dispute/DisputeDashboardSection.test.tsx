import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import type { DisputeFiguresT } from '../../../../common/src/contracts/dispute';
import { renderApp, signedIn } from '../../test/render';
import { DisputeDashboardSection } from './DisputeDashboardSection';

const figures: DisputeFiguresT = {
  total: 120, open: 14, overdue: 3, byStatus: [], byType: [{ key: 'wage_arrears', n: 40 }], byArea: [], agreementRatePermille: 650, medianDaysToClose: 12,
  agreedAmountFen: 12_000_000, mediators: [], breached: 2, overdueClocks: 5, recoveredThisYearFen: 3_456_700,
};

describe('the rights section of the dashboard', () => {
  it('counts breached agreements among the overdue clocks and shows what was recovered this year', async () => {
    renderApp(<DisputeDashboardSection />, { me: signedIn({}, ['dispute.read']), routes: { 'GET /api/disputes/dashboard': () => figures } });
    expect((await screen.findByTestId('dispute-dash-overdueClocks')).textContent).toContain('5');
    expect(screen.getByTestId('dispute-dash-overdueClocks').textContent).toContain('逾期时限');
    expect(screen.getByTestId('dispute-dash-breached').textContent).toContain('2');
    expect(screen.getByTestId('dispute-dash-recovered').textContent).toContain('34,567');
    expect(screen.getByTestId('dispute-dash-open').textContent).toContain('14');
  });
});
