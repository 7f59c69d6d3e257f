import { describe, expect, it } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { OrgDetail, OrgTreeNode } from '../../../../common/src/contracts/org';
import { renderApp, signedIn, where } from '../../test/render';
import OrgTreePage from './OrgTreePage';

const DISTRICT = '00000000-0000-7000-8000-000000000001';
const STREET = '00000000-0000-7000-8000-0000000000d1';
const UNION = '00000000-0000-7000-8000-0000000000e1';
const node = (id: string, code: string, name: string, level: string, childCount: number): OrgTreeNode => ({ id, code, name, level, kind: null, active: true, childCount });
const detail = (id: string, name: string, ancestors: OrgDetail['ancestors']): OrgDetail => ({
  id, parentId: ancestors.at(-1)?.id ?? null, parentName: ancestors.at(-1)?.name ?? null, depth: ancestors.length + 1, level: 'county', kind: null, code: 'X', name, employerName: null, uscc: null,
  regionCode: null, industry: null, employeeCount: null, foundedOn: null, chairName: '张三', termStart: null, termYears: null, termEnd: null, termStatus: 'unknown', hasWomenCommittee: false,
  active: true, version: 1, updatedAt: '2026-01-01T00:00:00Z', ancestors, childCount: 1, activeChildCount: 1, userCount: 0, can: { edit: false, move: false, deactivate: false, addChild: false },
});
const routes = {
  'GET /api/orgs/tree': (r: { url: URL }) => {
    const parent = r.url.searchParams.get('parentId');
    if (!parent) return [node(DISTRICT, 'D001', '滨江区总工会', 'county', 1)];
    if (parent === DISTRICT) return [node(STREET, 'S001', '长河街道总工会', 'street', 1)];
    return [node(UNION, 'G001', '顺达快递有限公司工会', 'grassroots', 0)];
  },
  'GET /api/orgs/tree/search': () => [{ ...node(UNION, 'G001', '顺达快递有限公司工会', 'grassroots', 0), ancestorIds: [DISTRICT, STREET], pathNames: ['滨江区总工会', '长河街道总工会'] }],
  [`GET /api/orgs/${DISTRICT}`]: () => detail(DISTRICT, '滨江区总工会', []),
  [`GET /api/orgs/${UNION}`]: () => detail(UNION, '顺达快递有限公司工会', [{ id: DISTRICT, name: '滨江区总工会', level: 'county' }, { id: STREET, name: '长河街道总工会', level: 'street' }]),
  [`GET /api/orgs/${DISTRICT}/history`]: () => [],
  [`GET /api/orgs/${UNION}/history`]: () => [],
};

describe('organisation tree', () => {
  it('opens the user’s own federation with its children and shows it on the right', async () => {
    renderApp(<OrgTreePage />, { me: signedIn({}, ['org.read']), url: '/orgs/tree', routes });
    expect(await screen.findByTestId('org-tree-node-S001')).toBeTruthy();
    await waitFor(() => expect(where.current).toBe(`/orgs/tree?id=${DISTRICT}`));
    await waitFor(() => expect(screen.getByTestId('org-detail-name').textContent).toBe('滨江区总工会'));
  });

  it('finds a union by name, shows where it sits, and opens the path down to it', async () => {
    const { sent } = renderApp(<OrgTreePage />, { me: signedIn({}, ['org.read']), url: '/orgs/tree', routes });
    await screen.findByTestId('org-tree-node-S001');
    const box = within(screen.getByTestId('org-tree-search').closest('.ant-input-search')!).getByRole('searchbox');
    fireEvent.change(box, { target: { value: '顺达' } });
    await act(async () => fireEvent.keyDown(box, { key: 'Enter', code: 'Enter', keyCode: 13 }));
    const hit = await screen.findByTestId('org-tree-search-result-G001');
    expect(hit.textContent).toContain('滨江区总工会 / 长河街道总工会');
    expect(sent.find((s) => s.url.pathname === '/api/orgs/tree/search')!.url.searchParams.get('q')).toBe('顺达');
    await act(async () => fireEvent.click(hit));
    expect(await screen.findByTestId('org-tree-node-G001')).toBeTruthy();
    await waitFor(() => expect(where.current).toBe(`/orgs/tree?id=${UNION}`));
    await waitFor(() => expect(screen.getByTestId('org-detail-name').textContent).toBe('顺达快递有限公司工会'));
  });
});
