import { useState } from 'react';
import { App, Button, Card, Input, Popconfirm, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableProps } from 'antd';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { roleApi, userApi, type UserListParams } from '../../api/users';
import type { User, UserCreated } from '../../api/types';
import { useRequest } from '../../app/use-request';
import { useApiError } from '../../app/use-api-error';
import { useAccess, useAuth } from '../../app/auth-context';
import { useI18n } from '../../i18n';
import { testId } from '../../app/test-id';
import { OrgSelect } from '../org/components/OrgSelect';
import { UserFormModal, type UserFormTarget } from './components/UserFormModal';
import { TempPasswordModal } from './components/TempPasswordModal';

/** 账号管理: accounts in the caller's scope, with create, edit, reset password and unlock. */
export default function UserListPage() {
  const { t } = useI18n();
  const access = useAccess();
  const { me } = useAuth();
  const { message } = App.useApp();
  const { showError } = useApiError();
  const [params, setParams] = useState<UserListParams>({ page: 1, pageSize: 20, active: 'all' });
  const { data, loading, reload } = useRequest(() => userApi.list(params), [JSON.stringify(params)], showError);
  const { data: roles } = useRequest(() => roleApi.list(), [], showError);
  const [form, setForm] = useState<UserFormTarget | null>(null);
  const [temp, setTemp] = useState<{ password: string; username: string } | null>(null);

  const patch = (p: Partial<UserListParams>) => setParams((old) => ({ ...old, page: 1, ...p }));

  const resetPassword = async (u: User) => {
    try {
      const r = await userApi.resetPassword(u.id);
      setTemp({ password: r.temporaryPassword, username: u.username });
      reload();
    } catch (e) {
      showError(e);
    }
  };
  const unlock = async (u: User) => {
    try {
      await userApi.unlock(u.id);
      void message.success(t('user.unlocked', { name: u.username }));
      reload();
    } catch (e) {
      showError(e);
    }
  };

  const columns: TableProps<User>['columns'] = [
    { title: t('user.field.username'), dataIndex: 'username', key: 'username', width: 190, render: (u: string) => <Typography.Text strong>{u}</Typography.Text> },
    { title: t('user.field.displayName'), dataIndex: 'displayName', key: 'displayName', width: 140 },
    { title: t('user.field.org'), dataIndex: 'orgName', key: 'orgName', width: 240, ellipsis: { showTitle: true } },
    {
      title: t('user.field.roles'),
      dataIndex: 'roles',
      key: 'roles',
      width: 200,
      render: (rs: User['roles']) => (rs.length ? rs.map((r) => <Tag key={r.id}>{r.name}</Tag>) : <Typography.Text type="secondary">—</Typography.Text>),
    },
    {
      title: t('user.field.status'),
      key: 'status',
      width: 170,
      render: (_: unknown, u) => (
        <Space size={4} wrap>
          {u.active ? <Tag color="success">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>}
          {u.locked && <Tag color="error">{t('user.locked')}</Tag>}
          {u.mustChangePassword && <Tag color="warning">{t('user.mustChangePassword')}</Tag>}
        </Space>
      ),
    },
    { title: t('user.field.totp'), dataIndex: 'totpEnabled', key: 'totp', width: 90, render: (on: boolean) => (on ? <Tag color="blue">{t('common.on')}</Tag> : t('common.off')) },
    { title: t('user.field.lastLogin'), dataIndex: 'lastLoginAt', key: 'lastLoginAt', width: 170, render: (s: string | null) => (s ? new Date(s).toLocaleString() : '—') },
  ];
  if (access.canManageUsers) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      width: 190,
      render: (_: unknown, u) => (
        <Space size={0} wrap>
          <Button type="link" size="small" onClick={() => setForm({ mode: 'edit', user: u })} data-testid={`user-edit-btn-${u.username}`}>
            {t('action.edit')}
          </Button>
          <Popconfirm
            title={t('user.reset.confirmTitle')}
            description={t('user.reset.confirm', { name: u.username })}
            okText={t('user.reset')}
            cancelText={t('action.cancel')}
            okButtonProps={testId('user-reset-confirm')}
            onConfirm={() => resetPassword(u)}
          >
            <Button type="link" size="small" data-testid={`user-reset-btn-${u.username}`} disabled={u.id === me?.user.id}>
              {t('user.reset')}
            </Button>
          </Popconfirm>
          {u.locked && (
            <Tooltip title={t('user.unlockHint')}>
              <Button type="link" size="small" onClick={() => void unlock(u)} data-testid={`user-unlock-btn-${u.username}`}>
                {t('user.unlock')}
              </Button>
            </Tooltip>
          )}
        </Space>
      ),
    });
  }

  const onSaved = (u: User | UserCreated) => {
    const created = form?.mode === 'create';
    setForm(null);
    reload();
    if (created && 'temporaryPassword' in u && u.temporaryPassword) setTemp({ password: u.temporaryPassword, username: u.username });
    else void message.success(created ? t('user.created', { name: u.username }) : t('common.saved'));
  };

  return (
    <div data-testid="user-list-page">
      <div className="gh-page-header">
        <Typography.Title level={4}>{t('menu.users')}</Typography.Title>
        <Space>
          <Button icon={<ReloadOutlined />} onClick={reload}>
            {t('action.refresh')}
          </Button>
          {access.canManageUsers && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setForm({ mode: 'create' })} data-testid="user-create-btn">
              {t('user.create')}
            </Button>
          )}
        </Space>
      </div>
      <Card>
        <div className="gh-filters">
          <Input.Search placeholder={t('user.filter.q')}
            aria-label={t('user.filter.q')} allowClear onSearch={(q) => patch({ q: q.trim() || undefined })} style={{ width: 240 }} data-testid="user-filter-q" />
          <OrgSelect allowClear placeholder={t('user.filter.org')} style={{ width: 260 }} value={params.orgId} onChange={(v) => patch({ orgId: (v as string | undefined) ?? undefined })} data-testid="user-filter-org" />
          <Select
            value={params.active}
            style={{ width: 120 }}
            onChange={(v) => patch({ active: v })}
            data-testid="user-filter-active"
            options={[
              { value: 'all', label: t('common.all') },
              { value: 'true', label: t('common.active') },
              { value: 'false', label: t('common.inactive') },
            ]}
          />
        </div>
        <Table<User>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={data?.items}
          loading={loading}
          scroll={{ x: 1300 }}
          data-testid="user-table"
          onRow={(u) => testId(`user-row-${u.username}`)}
          locale={{ emptyText: t('common.noData') }}
          pagination={{
            current: params.page,
            pageSize: params.pageSize,
            total: data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (n) => t('common.total', { n }),
            onChange: (page, pageSize) => setParams((p) => ({ ...p, page, pageSize })),
          }}
        />
      </Card>
      <UserFormModal target={form} roles={roles ?? []} onClose={() => setForm(null)} onSaved={onSaved} onReload={() => { setForm(null); reload(); }} />
      <TempPasswordModal value={temp} onClose={() => setTemp(null)} />
    </div>
  );
}
