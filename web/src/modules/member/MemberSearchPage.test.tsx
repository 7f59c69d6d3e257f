import { describe, expect, it } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { z } from 'zod';
import type { MemberListItem, MemberPage } from '../../../../common/src/contracts/member';
import type { TreeSearchResult } from '../../../../common/src/contracts/org';
import { renderApp, signedIn, where } from '../../test/render';
import MemberSearchPage from './MemberSearchPage';

const UNION = '00000000-0000-7000-8000-00000000000a';
const member = (i: number, over: Partial<z.infer<typeof MemberListItem>> = {}): z.infer<typeof MemberListItem> => ({
  id: `00000000-0000-7000-8000-0000000001${String(i).padStart(2, '0')}`, name: `会员${i}`, idMasked: '3301**********123X', mobileMasked: '138****0001', sex: 'F', age: 30 + i,
  orgId: UNION, orgName: '滨江高新园区联合工会', employmentForm: 'courier', migrantWorker: i % 2 === 0, status: 'active', joinDate: '2026-03-01', cardNo: `GH00000${i}`, version: 1, ...over,
});
const page = (n: number): z.infer<typeof MemberPage> => ({ items: Array.from({ length: n }, (_, i) => member(i + 1)), total: n, page: 1, pageSize: 20, totalExact: true });
const union = { id: UNION, name: '滨江高新园区联合工会' };

describe('member search', () => {
  it('opens a copied link as it was: the union named in its picker, the join dates in their boxes, the same query asked of the server', async () => {
    const { sent } = renderApp(<MemberSearchPage />, {
      me: signedIn({}, ['member.read']),
      url: `/members?orgId=${UNION}&joinFrom=2026-01-01&joinTo=2026-06-30&status=active&q=%E7%8E%8B`,
      routes: { 'GET /api/members': () => page(2), [`GET /api/orgs/${UNION}`]: () => union },
    });
    await screen.findByTestId('member-row-GH000001');
    const req = sent.find((s) => s.url.pathname === '/api/members')!;
    expect(Object.fromEntries(req.url.searchParams)).toMatchObject({ orgId: UNION, joinFrom: '2026-01-01', joinTo: '2026-06-30', status: 'active', q: '王' });
    await waitFor(() => expect(screen.getByTestId('member-search-filters').textContent).toContain('滨江高新园区联合工会'));
    const dates = within(screen.getByTestId('member-search-filters')).getAllByPlaceholderText(/日期/).map((i) => (i as HTMLInputElement).value);
    expect(dates).toEqual(['2026-01-01', '2026-06-30']);
    expect((screen.getByTestId('member-filter-q') as HTMLInputElement).value).toBe('王');
  });

  it('sorts by age as the youngest first, asking the server for the latest birth dates first', async () => {
    renderApp(<MemberSearchPage />, { me: signedIn({}, ['member.read']), url: '/members', routes: { 'GET /api/members': () => page(2) } });
    await screen.findByTestId('member-row-GH000001');
    const ageHeader = screen.getAllByRole('columnheader').find((h) => h.textContent?.includes('年龄'))!;
    await act(async () => fireEvent.click(ageHeader));
    await waitFor(() => expect(where.current).toBe('/members?sort=birthDate&order=desc'));
    await waitFor(() => expect(screen.getAllByRole('columnheader').find((h) => h.textContent?.includes('年龄'))!.getAttribute('aria-sort')).toBe('ascending'));
  });

  it('offers the export and the register button only to who may use them', async () => {
    renderApp(<MemberSearchPage />, { me: signedIn({}, ['member.read']), url: '/members', routes: { 'GET /api/members': () => page(1) } });
    await screen.findByTestId('member-row-GH000001');
    expect(screen.queryByTestId('member-search-export')).toBeNull();
    expect(screen.queryByTestId('member-create-btn')).toBeNull();
  });

  it('shows the export and the register button with the permissions for them', async () => {
    renderApp(<MemberSearchPage />, { me: signedIn({}, ['member.read', 'member.export', 'member.write']), url: '/members', routes: { 'GET /api/members': () => page(1) } });
    await screen.findByTestId('member-row-GH000001');
    expect(screen.getByTestId('member-search-export')).toBeTruthy();
    expect(screen.getByTestId('member-create-btn')).toBeTruthy();
  });

  it('searches a union found by name in the picker and puts it in the URL', async () => {
    const hit: z.infer<typeof TreeSearchResult>[number] = { id: UNION, name: '滨江高新园区联合工会', code: 'G001', level: 'grassroots', kind: 'enterprise', active: true, childCount: 0, ancestorIds: [], pathNames: ['滨江区总工会'] };
    const { sent } = renderApp(<MemberSearchPage />, {
      me: signedIn({}, ['member.read']), url: '/members',
      routes: { 'GET /api/members': () => page(1), 'GET /api/orgs/tree': () => [], 'GET /api/orgs/tree/search': () => [hit], [`GET /api/orgs/${UNION}`]: () => union },
    });
    await screen.findByTestId('member-row-GH000001');
    const box = within(screen.getByTestId('member-filter-org')).getByRole('combobox');
    fireEvent.mouseDown(box);
    fireEvent.change(box, { target: { value: '高新' } });
    const option = await screen.findByTestId('org-option-滨江高新园区联合工会');
    expect(option.textContent).toContain('滨江区总工会');
    expect(sent.find((s) => s.url.pathname === '/api/orgs/tree/search')!.url.searchParams.get('q')).toBe('高新');
    fireEvent.click(option);
    await act(async () => fireEvent.click(screen.getByTestId('member-search-submit')));
    await waitFor(() => expect(where.current).toBe(`/members?orgId=${UNION}`));
  });
});
