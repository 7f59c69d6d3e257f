import { describe, expect, it } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Role } from '../../../../common/src/contracts/user';
import { renderApp, signedIn } from '../../test/render';
import RoleListPage from './RoleListPage';

const role = (code: string, over: Partial<Role> = {}): Role => ({
  id: `id-${code}`, code, name: code, description: null, permissions: ['member.read', 'member.write'], scopeKind: 'subtree', scopeOrgs: [], builtIn: false, ownerOrgName: '滨江区总工会',
  userCount: 0, grantable: true, editable: true, version: 1, ...over,
});
const builtIn = role('platform_admin', { name: '平台管理员', builtIn: true, editable: false, ownerOrgName: null, userCount: 2 });
const inUse = role('street_clerk', { name: '街道干事', userCount: 3 });
const meta = () => ({
  permissions: [], orgLevels: [], orgKinds: [], employmentForms: [], memberStatuses: [], eventKinds: [], educationLevels: [], politicalStatuses: [], ethnicities: [], consentVersion: 'v1',
  scopeKinds: [{ code: 'subtree', zh: '本组织及下级', en: 'Subtree' }, { code: 'orgs', zh: '指定组织', en: 'Chosen organisations' }],
});
const routes = (extra = {}) => ({ 'GET /api/meta': meta, 'GET /api/roles': () => [builtIn, inUse], ...extra });

describe('roles', () => {
  it('opens a built-in role read-only, says why, and says how many accounts hold a role before deleting it', async () => {
    const { sent } = renderApp(<RoleListPage />, { me: signedIn({}, ['user.read', 'role.manage']), url: '/system/roles', routes: routes({ [`DELETE /api/roles/${inUse.id}`]: () => ({ status: 409, body: { code: 'ROLE_IN_USE', message: '该角色仍有 3 个账号在使用', messageEn: 'In use' } }) }) });
    const row = await screen.findByTestId('role-row-platform_admin');
    expect(within(row).queryByTestId('role-edit-btn-platform_admin')).toBeNull();
    expect(within(row).queryByTestId('role-delete-btn-platform_admin')).toBeNull();
    expect(row.textContent).toContain('本组织及下级');
    fireEvent.click(within(row).getByTestId('role-view-btn-platform_admin'));
    expect(await screen.findByText('内置角色由系统维护，不能修改或删除。')).toBeTruthy();
    expect((screen.getByTestId('role-form-name') as HTMLInputElement).disabled).toBe(true);
    fireEvent.click(screen.getByTestId('role-delete-btn-street_clerk'));
    expect(await screen.findByText('该角色仍有 3 个账号在使用，需先从这些账号移除该角色。')).toBeTruthy();
    await act(async () => fireEvent.click(screen.getByTestId('role-delete-btn-street_clerk-ok')));
    await waitFor(() => expect(sent.some((s) => s.method === 'DELETE')).toBe(true));
  });

  it('asks for at least one organisation when a new role’s scope is “chosen organisations”', async () => {
    const { sent } = renderApp(<RoleListPage />, { me: signedIn({}, ['user.read', 'role.manage']), url: '/system/roles', routes: routes() });
    fireEvent.click(await screen.findByTestId('role-create-btn'));
    fireEvent.change(await screen.findByTestId('role-form-code'), { target: { value: 'street_helper' } });
    fireEvent.change(screen.getByTestId('role-form-name'), { target: { value: '街道协理员' } });
    fireEvent.click(within(screen.getByTestId('role-form-scopeKind')).getByText('指定组织'));
    await waitFor(() => expect(screen.getByTestId('role-form-scopeOrgs')).toBeTruthy());
    await act(async () => fireEvent.click(screen.getByTestId('role-form-submit')));
    expect(await screen.findByText('“指定组织”数据范围须至少选择一个组织')).toBeTruthy();
    expect(sent.some((s) => s.method === 'POST')).toBe(false);
  });

  it('offers a reader no changes', async () => {
    renderApp(<RoleListPage />, { me: signedIn({}, ['user.read']), url: '/system/roles', routes: routes() });
    await screen.findByTestId('role-row-street_clerk');
    expect(screen.queryByTestId('role-create-btn')).toBeNull();
    expect(screen.queryByTestId('role-edit-btn-street_clerk')).toBeNull();
    expect(screen.getByTestId('role-view-btn-street_clerk')).toBeTruthy();
  });
});
