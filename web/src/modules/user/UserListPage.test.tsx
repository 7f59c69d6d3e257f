import { describe, expect, it } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Role, User } from '../../../../common/src/contracts/user';
import { renderApp, signedIn } from '../../test/render';
import UserListPage from './UserListPage';

const user = (username: string, over: Partial<User> = {}): User => ({
  id: `id-${username}`, username, displayName: '王五', orgId: '00000000-0000-7000-8000-000000000001', orgName: '滨江区总工会', roles: [{ id: 'r1', name: '区总工会管理员' }],
  active: true, locked: false, totpEnabled: false, mustChangePassword: false, lastLoginAt: null, createdAt: '2026-01-01T00:00:00Z', version: 1, ...over,
});
const self = user('tester', { id: 'u1' });
const locked = user('clerk01', { locked: true });
const role = (id: string, name: string, grantable: boolean): Role => ({ id, code: id, name, description: null, permissions: [], scopeKind: 'subtree', scopeOrgs: [], builtIn: false, ownerOrgName: null, userCount: 0, grantable, editable: true, version: 1 });
const routes = (extra = {}) => ({
  'GET /api/users': () => ({ items: [self, locked], total: 2, page: 1, pageSize: 20, totalExact: true }),
  'GET /api/roles': () => [role('r1', '区总工会管理员', true), role('r2', '平台管理员', false)],
  ...extra,
});

describe('accounts', () => {
  it('shows a reader only each account’s history, titled with the account', async () => {
    renderApp(<UserListPage />, {
      me: signedIn({}, ['user.read']), url: '/system/users',
      routes: routes({ [`GET /api/users/${locked.id}/history`]: () => [{ seq: 3, at: '2026-11-30T01:00:00Z', actorName: '管理员', action: 'user.update', changes: null, detail: null }] }),
    });
    const row = await screen.findByTestId('user-row-clerk01');
    expect(within(row).queryByTestId('user-edit-btn-clerk01')).toBeNull();
    expect(within(row).queryByTestId('user-unlock-btn-clerk01')).toBeNull();
    expect(screen.queryByTestId('user-create-btn')).toBeNull();
    fireEvent.click(within(row).getByTestId('user-history-btn-clerk01'));
    await waitFor(() => expect(screen.getByTestId('history-drawer').textContent).toContain('修改账号'));
    expect(document.querySelector('.ant-drawer-title')!.textContent).toBe('变更记录 · clerk01');
  });

  it('lets a manager unlock only a locked account, not reset their own password, and shows a reset’s temporary password once', async () => {
    const { sent } = renderApp(<UserListPage />, {
      me: signedIn({}, ['user.read', 'user.manage']), url: '/system/users',
      routes: routes({ [`POST /api/users/${locked.id}/reset-password`]: () => ({ temporaryPassword: 'Tmp-8x2Q-77ab' }) }),
    });
    await screen.findByTestId('user-row-clerk01');
    expect(screen.queryByTestId('user-unlock-btn-tester')).toBeNull();
    expect(screen.getByTestId('user-unlock-btn-clerk01')).toBeTruthy();
    expect((screen.getByTestId('user-reset-btn-tester') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByTestId('user-reset-btn-clerk01'));
    expect(await screen.findByText('将为 clerk01 生成新的临时密码，并使其已登录的会话失效。')).toBeTruthy();
    await act(async () => fireEvent.click(screen.getByTestId('user-reset-btn-clerk01-ok')));
    expect((await screen.findByTestId('temp-password-value')).textContent).toBe('Tmp-8x2Q-77ab');
    expect(sent.filter((s) => s.method === 'POST')).toHaveLength(1);
  });

  it('checks a new username, offers only grantable roles, and shows the new account’s temporary password', async () => {
    const { sent } = renderApp(<UserListPage />, {
      me: signedIn({}, ['user.read', 'user.manage']), url: '/system/users',
      routes: routes({ 'POST /api/users': (r: { body: unknown }) => ({ status: 201, body: { ...user('li.si'), ...(r.body as object), temporaryPassword: 'Tmp-1234-abcd' } }) }),
    });
    fireEvent.click(await screen.findByTestId('user-create-btn'));
    fireEvent.change(await screen.findByTestId('user-form-username'), { target: { value: '李四' } });
    fireEvent.change(screen.getByTestId('user-form-displayName'), { target: { value: '李四' } });
    await act(async () => fireEvent.click(screen.getByTestId('user-form-submit')));
    expect(await screen.findByText('用户名为3-32位字母、数字、下划线、点或短横线')).toBeTruthy();
    fireEvent.mouseDown(within(screen.getByTestId('user-form-roles').closest('.ant-select')!).getByRole('combobox'));
    await waitFor(() => expect(document.querySelector('.ant-select-item-option[title="平台管理员"]')!.className).toContain('disabled'));
    fireEvent.click(document.querySelector('.ant-select-item-option[title="区总工会管理员"]')!);
    fireEvent.change(screen.getByTestId('user-form-username'), { target: { value: 'li.si' } });
    await act(async () => fireEvent.click(screen.getByTestId('user-form-submit')));
    expect((await screen.findByTestId('temp-password-value')).textContent).toBe('Tmp-1234-abcd');
    expect(sent.find((s) => s.method === 'POST')!.body).toEqual({ username: 'li.si', displayName: '李四', orgId: '00000000-0000-7000-8000-000000000001', roleIds: ['r1'] });
  });
});
