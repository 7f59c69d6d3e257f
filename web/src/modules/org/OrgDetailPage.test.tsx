import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import type { OrgDetail } from '../../../../common/src/contracts/org';
import { renderApp, signedIn } from '../../test/render';
import OrgDetailPage from './OrgDetailPage';

const CITY = '00000000-0000-7000-8000-0000000000c0';
const DISTRICT = '00000000-0000-7000-8000-000000000001'; // the tester's own federation (signedIn())
const STREET = '00000000-0000-7000-8000-0000000000d1';
const UNION = '00000000-0000-7000-8000-0000000000e1';
const org = (over: Partial<OrgDetail> = {}): OrgDetail => ({
  id: UNION, parentId: STREET, parentName: '长河街道总工会', depth: 4, level: 'grassroots', kind: 'enterprise', code: 'G00001', name: '顺达快递有限公司工会', employerName: '顺达快递有限公司',
  uscc: null, regionCode: '330108', industry: null, employeeCount: 392, foundedOn: null, chairName: null, termStart: '2022-01-10', termYears: 5, termEnd: '2027-01-10', termStatus: 'ok',
  hasWomenCommittee: true, active: true, version: 2, updatedAt: '2026-01-01T00:00:00Z',
  ancestors: [{ id: CITY, name: '杭州市总工会', level: 'city' }, { id: DISTRICT, name: '滨江区总工会', level: 'county' }, { id: STREET, name: '长河街道总工会', level: 'street' }],
  childCount: 0, activeChildCount: 0, userCount: 3, can: { edit: true, move: false, deactivate: false, addChild: true },
  ...over,
});
const open = (o: OrgDetail, me = signedIn({}, ['org.read', 'org.write'])) =>
  renderApp(<OrgDetailPage />, { me, url: `/orgs/${o.id}`, path: '/orgs/:id', routes: { [`GET /api/orgs/${o.id}`]: () => o, [`GET /api/orgs/${o.id}/history`]: () => [] } });

describe('organisation detail', () => {
  it('links the way up only inside the user’s scope, and offers the actions the server allows', async () => {
    open(org());
    await screen.findByTestId('org-detail');
    const crumbs = screen.getByTestId('page-breadcrumb');
    expect(within(crumbs).queryByRole('link', { name: '杭州市总工会' })).toBeNull();
    expect(within(crumbs).getByText('杭州市总工会')).toBeTruthy();
    expect(within(crumbs).getByRole('link', { name: '滨江区总工会' }).getAttribute('href')).toBe(`/orgs/${DISTRICT}`);
    expect(within(screen.getByTestId('org-descriptions')).getByRole('link', { name: '长河街道总工会' }).getAttribute('href')).toBe(`/orgs/${STREET}`);
    expect(screen.getByTestId('org-descriptions').textContent).toContain('未配备主席');
    expect(screen.getByTestId('org-edit-btn')).toBeTruthy();
    expect(screen.getByTestId('org-add-child-btn')).toBeTruthy();
    expect(screen.queryByTestId('org-move-btn')).toBeNull();
    expect(screen.queryByTestId('org-deactivate-btn')).toBeNull();
    expect(screen.queryByTestId('org-subtree-link')).toBeNull();
  });

  it('names a parent above the user’s own organisation without a link, and offers reactivation of an inactive one', async () => {
    open(org({ active: false, can: { edit: true, move: false, deactivate: false, addChild: false } }), signedIn({ orgId: UNION, orgLevel: 'grassroots' }, ['org.read', 'org.write']));
    await screen.findByTestId('org-detail');
    const descriptions = screen.getByTestId('org-descriptions');
    expect(descriptions.textContent).toContain('长河街道总工会');
    expect(within(descriptions).queryByRole('link', { name: '长河街道总工会' })).toBeNull();
    expect(within(screen.getByTestId('page-breadcrumb')).queryAllByRole('link')).toHaveLength(0);
    expect(screen.getByTestId('org-reactivate-btn')).toBeTruthy();
    expect(screen.queryByTestId('org-add-child-btn')).toBeNull();
  });

  it('says an organisation outside the scope does not exist', async () => {
    renderApp(<OrgDetailPage />, { me: signedIn({}, ['org.read']), url: `/orgs/${UNION}`, path: '/orgs/:id', routes: { [`GET /api/orgs/${UNION}`]: () => ({ status: 404, body: { code: 'NOT_FOUND', message: '记录不存在', messageEn: 'Not found' } }) } });
    expect((await screen.findByTestId('org-detail-error')).textContent).toContain('组织不存在或不在您的管辖范围内');
  });
});
