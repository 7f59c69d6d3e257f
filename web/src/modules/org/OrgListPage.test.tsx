import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import type { Org } from '../../../../common/src/contracts/org';
import { renderApp, signedIn } from '../../test/render';
import OrgListPage, { TermWarningsPage } from './OrgListPage';

const org = (code: string, over: Partial<Org> = {}): Org => ({
  id: `00000000-0000-7000-8000-0000000${code.slice(-5)}`, parentId: null, parentName: '滨江区总工会', depth: 3, level: 'grassroots', kind: 'enterprise', code, name: `${code}工会`, employerName: null,
  uscc: null, regionCode: null, industry: null, employeeCount: 1200, foundedOn: null, chairName: null, termStart: '2021-01-01', termYears: 5, termEnd: '2026-01-01', termStatus: 'expired',
  hasWomenCommittee: false, active: true, version: 1, updatedAt: '2026-01-01T00:00:00Z', ...over,
} as Org);
const page = { items: [org('G00001'), org('S00001', { level: 'street', kind: null, chairName: null, termStatus: 'ok', termEnd: '2028-01-01' })], total: 2, page: 1, pageSize: 20 };

describe('organisation list', () => {
  it('calls out a grassroots union without a chair and a term that has ended', async () => {
    renderApp(<OrgListPage />, { me: signedIn({}, ['org.read']), url: '/orgs', routes: { 'GET /api/orgs': () => page } });
    const row = await screen.findByTestId('org-row-G00001');
    expect(row.textContent).toContain('未配备主席');
    expect(within(row).getByTestId('term-tag-expired')).toBeTruthy();
    expect(screen.getByTestId('org-row-S00001').textContent).not.toContain('未配备主席');
    expect(screen.getByTestId('org-link-G00001').getAttribute('href')).toBe(`/orgs/${org('G00001').id}`);
  });

  it('pins the term warnings to terms due, soonest first, without a term filter of their own', async () => {
    const { sent } = renderApp(<TermWarningsPage />, { me: signedIn({}, ['org.read']), url: '/orgs/warnings', routes: { 'GET /api/orgs': () => page } });
    await screen.findByTestId('org-row-G00001');
    expect(screen.getByTestId('org-warnings-note').textContent).toContain('90天内到期');
    expect(Object.fromEntries(sent.find((s) => s.url.pathname === '/api/orgs')!.url.searchParams)).toMatchObject({ termStatus: 'due', sort: 'termEnd', order: 'asc' });
    expect(screen.queryByTestId('org-warnings-filter-termStatus')).toBeNull();
  });
});
