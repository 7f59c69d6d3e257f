import { useState } from 'react';
import { App, Button, Space, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { roleApi, userApi, type User, type UserCreated } from '../../../../common/src/contracts/user';
import { call } from '../../api/client';
import { useRequest } from '../../app/use-request';
import { useApiError } from '../../app/use-api-error';
import { useAccess, useAuth } from '../../app/auth-context';
import { useI18n } from '../../i18n';
import { Actions, formatDateTime, HistoryDrawer, inUiLanguage, ListPage, StatusTag } from '../../kit';
import { ACCOUNT_STATE, ACTIVE_FILTER } from './vocab';
import { UserFormModal, type UserFormTarget } from './components/UserFormModal';
import { TempPasswordModal } from './components/TempPasswordModal';

/** 账号管理: accounts in the caller's scope, with create, edit, reset password, unlock and history. */
export default function UserListPage() {
  const { t } = useI18n();
  const access = useAccess();
  const { me } = useAuth();
  const { message } = App.useApp();
  const { showError } = useApiError();
  const { data: roles } = useRequest(() => call(roleApi.list), [], showError);
  const [form, setForm] = useState<UserFormTarget | null>(null);
  const [temp, setTemp] = useState<{ password: string; username: string } | null>(null);
  const [history, setHistory] = useState<User | null>(null);
  const [changed, setChanged] = useState(0);
  const reload = () => setChanged((n) => n + 1);

  const act = (f: () => Promise<void>) => async () => {
    try {
      await f();
      reload();
    } catch (e) {
      showError(e);
    }
  };
  const resetPassword = (u: User) => act(async () => setTemp({ password: (await call(userApi.resetPassword, { params: { id: u.id } })).temporaryPassword, username: u.username }));
  const unlock = (u: User) => act(async () => {
    await call(userApi.unlock, { params: { id: u.id } });
    void message.success(t('user.unlocked', { name: u.username }));
  });
  const onSaved = (u: User | UserCreated) => {
    const created = form?.mode === 'create';
    setForm(null);
    reload();
    if (created && 'temporaryPassword' in u && u.temporaryPassword) setTemp({ password: u.temporaryPassword, username: u.username });
    else void message.success(created ? t('user.created', { name: u.username }) : t('common.saved'));
  };

  return (
    <>
      <ListPage testId="user" title="menu.users"
        crumbs={[{ title: t('menu.system') }, { title: t('menu.users') }]}
        endpoint={userApi.list}
        reloadKey={changed}
        rowTestId={(u) => `user-row-${u.username}`}
        scrollX={1300}
        toolbar={access.canManageUsers && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setForm({ mode: 'create' })} data-testid="user-create-btn">
            {t('user.create')}
          </Button>
        )}
        filters={[
          { name: 'q', label: 'user.filter.q', max: 64 },
          { name: 'orgId', label: 'user.filter.org', kind: 'org', testId: 'user-filter-org' },
          { name: 'roleId', label: 'user.filter.role', kind: 'select', options: (roles ?? []).map((r) => ({ value: r.id, label: r.name })) },
          { name: 'active', label: 'user.field.status', kind: 'select', vocab: ACTIVE_FILTER, props: { allowClear: false } },
        ]}
        columns={[
          { key: 'username', title: 'user.field.username', dataIndex: 'username', sort: 'username', width: 190, fixedShown: true, render: (u: string) => <Typography.Text strong>{u}</Typography.Text> },
          { key: 'displayName', title: 'user.field.displayName', dataIndex: 'displayName', sort: 'displayName', width: 140 },
          { key: 'org', title: 'user.field.org', dataIndex: 'orgName', width: 240, ellipsis: { showTitle: true } },
          { key: 'roles', title: 'user.field.roles', dataIndex: 'roles', width: 200, render: (rs: User['roles']) => (rs.length ? rs.map((r) => <Tag key={r.id}>{r.name}</Tag>) : '—') },
          {
            key: 'status', title: 'user.field.status', width: 170,
            render: (_: unknown, u) => (
              <Space size={4} wrap>
                <StatusTag vocab={ACCOUNT_STATE} value={u.active ? 'active' : 'inactive'} />
                {u.locked && <StatusTag vocab={ACCOUNT_STATE} value="locked" />}
                {u.mustChangePassword && <StatusTag vocab={ACCOUNT_STATE} value="mustChangePassword" />}
              </Space>
            ),
          },
          { key: 'totp', title: 'user.field.totp', dataIndex: 'totpEnabled', width: 90, render: (on: boolean) => (on ? <Tag color="blue">{t('common.on')}</Tag> : t('common.off')) },
          { key: 'lastLoginAt', title: 'user.field.lastLogin', dataIndex: 'lastLoginAt', sort: 'lastLoginAt', width: 170, render: (s: string | null) => formatDateTime(s) },
          {
            key: 'actions', title: 'common.actions', fixed: 'right', width: 260, fixedShown: true,
            render: (_: unknown, u) => (
              <Actions
                size="small"
                actions={[
                  { key: 'edit', label: 'action.edit', show: access.canManageUsers, testId: `user-edit-btn-${u.username}`, onClick: () => setForm({ mode: 'edit', user: u }) },
                  { key: 'reset', label: 'user.reset', show: access.canManageUsers, disabled: u.id === me?.user.id, testId: `user-reset-btn-${u.username}`, confirm: inUiLanguage(t('user.reset.confirm', { name: u.username })), onClick: resetPassword(u) },
                  { key: 'unlock', label: 'user.unlock', show: access.canManageUsers && u.locked, testId: `user-unlock-btn-${u.username}`, onClick: unlock(u) },
                  { key: 'history', label: 'user.history', testId: `user-history-btn-${u.username}`, onClick: () => setHistory(u) },
                ]}
              />
            ),
          },
        ]}
      />
      <UserFormModal target={form} roles={roles ?? []} onClose={() => setForm(null)} onSaved={onSaved} onReload={() => { setForm(null); reload(); }} />
      <TempPasswordModal value={temp} onClose={() => setTemp(null)} />
      <HistoryDrawer endpoint={userApi.history} target={history && { id: history.id, title: history.username }} onClose={() => setHistory(null)} />
    </>
  );
}
