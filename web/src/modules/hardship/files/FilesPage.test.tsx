import { describe, expect, it } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { FileListItem } from '../../../../../common/src/contracts/hardship-files';
import { renderApp, signedIn, where } from '../../../test/render';
import FilesPage from './FilesPage';

const row = (n: number, over: Partial<FileListItem> = {}): FileListItem => ({
  id: `00000000-0000-7000-8000-0000000000${n}0`, fileNo: `KN202600000${n}`, name: `户主${n}`, idMasked: '330106********002X', sex: 'F', orgId: 'o1', orgName: '顺达快递有限公司工会',
  status: 'filed', tier: 'relative', mainCause: 'illness', householdSize: 3, perCapitaMonthlyFen: 150_000, appliedOn: '2025-11-01', filedOn: '2025-11-20', nextReviewDue: '2026-11-20',
  reviewOverdue: true, exitOn: null, monitoringUntil: null, relapseCount: 0, migrantWorker: false, version: 1, ...over,
});
const overdue = row(1);
const exited = row(2, { status: 'exited', tier: null, nextReviewDue: null, reviewOverdue: false, exitOn: '2026-06-01', monitoringUntil: '2027-06-01', relapseCount: 1, migrantWorker: true });
const list = { 'GET /api/hardship/files': () => ({ items: [overdue, exited], total: 2, page: 1, pageSize: 20, totalExact: true }) };

describe('hardship files', () => {
  it('marks a re-assessment overdue, names the monitoring period and relapses, and filters by the flags in the URL', async () => {
    renderApp(<FilesPage />, { me: signedIn({}, ['hardship.read']), url: '/hardship/files', routes: list });
    expect((await screen.findByTestId(`hs-file-overdue-${overdue.fileNo}`)).textContent).toBe('2026-11-20');
    const out = screen.getByTestId(`hs-file-row-${exited.id}`);
    expect(out.textContent).toContain('监测至 2027-06-01');
    expect(out.textContent).toContain('返困 1 次');
    expect(within(screen.getByTestId(`hs-file-link-${overdue.fileNo}`)).getByText('户主1').closest('a')!.getAttribute('href')).toBe(`/hardship/files/${overdue.id}`);
    fireEvent.click(screen.getByText('仅复核逾期'));
    await act(async () => fireEvent.click(screen.getByTestId('hs-files-search')));
    await waitFor(() => expect(where.current).toBe('/hardship/files?reviewOverdue=true'));
  });

  it('offers a new file and the union filter only to who may use them', async () => {
    renderApp(<FilesPage />, { me: signedIn({}, ['hardship.read']), url: '/hardship/files', routes: list });
    await screen.findByTestId(`hs-file-row-${overdue.id}`);
    expect(screen.queryByTestId('hs-file-new')).toBeNull();
    expect(screen.queryByText('所属区域/工会')).toBeNull();
  });

  it('shows them with the permissions', async () => {
    renderApp(<FilesPage />, { me: signedIn({}, ['hardship.read', 'hardship.write', 'org.read']), url: '/hardship/files?reviewOverdue=true', routes: list });
    await screen.findByTestId(`hs-file-row-${overdue.id}`);
    expect(screen.getByTestId('hs-file-new')).toBeTruthy();
    expect(screen.getByText('所属区域/工会')).toBeTruthy();
    expect((screen.getByText('仅复核逾期').closest('label')!.querySelector('input') as HTMLInputElement).checked).toBe(true);
  });
});
