import { useState } from 'react';
import { App, Button, Card, Popconfirm, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableProps } from 'antd';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { roleApi } from '../../api/users';
import type { Role } from '../../api/types';
import { useRequest } from '../../app/use-request';
import { useApiError } from '../../app/use-api-error';
import { useAccess } from '../../app/auth-context';
import { useMeta } from '../../app/meta-context';
import { useI18n } from '../../i18n';
import { testId } from '../../app/test-id';
import { RoleFormModal, type RoleFormTarget } from './components/RoleFormModal';

/** 角色管理: roles visible to the caller; built-in ones are read-only. */
export default function RoleListPage() {
  const { t } = useI18n();
  const access = useAccess();
  const { scopeLabel, permissionLabel } = useMeta();
  const { message } = App.useApp();
  const { showError } = useApiError();
  const { data, loading, reload } = useRequest(() => roleApi.list(), [], showError);
  const [form, setForm] = useState<RoleFormTarget | null>(null);

  const remove = async (r: Role) => {
    try {
      await roleApi.remove(r.id);
      void message.success(t('role.deleted', { name: r.name }));
      reload();
    } catch (e) {
      // 409 ROLE_IN_USE says how many accounts still hold it.
      showError(e);
    }
  };

  const columns: TableProps<Role>['columns'] = [
    {
      title: t('role.field.name'),
      dataIndex: 'name',
      key: 'name',
      render: (n: string, r) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>{n}</Typography.Text>
          {r.description && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.description}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: t('role.field.code'),
      dataIndex: 'code',
      key: 'code',
      width: 220,
      render: (c: string) => (
        <Typography.Text code style={{ whiteSpace: 'nowrap' }}>
          {c}
        </Typography.Text>
      ),
    },
    {
      title: t('role.field.permissions'),
      dataIndex: 'permissions',
      key: 'permissions',
      width: 100,
      render: (ps: string[]) => (
        <Tooltip title={ps.length ? ps.map(permissionLabel).join('、') : undefined}>
          <Tag color={ps.length ? 'blue' : 'default'}>{t('role.permCount', { n: ps.length })}</Tag>
        </Tooltip>
      ),
    },
    {
      title: t('role.field.scope'),
      key: 'scope',
      width: 220,
      render: (_: unknown, r) => (
        <span>
          {scopeLabel(r.scopeKind)}
          {r.scopeKind === 'orgs' && r.scopeOrgs.length > 0 && <Typography.Text type="secondary">：{r.scopeOrgs.map((o) => o.name).join('、')}</Typography.Text>}
        </span>
      ),
    },
    { title: t('role.field.builtIn'), dataIndex: 'builtIn', key: 'builtIn', width: 80, render: (b: boolean) => (b ? <Tag color="gold">{t('role.builtIn')}</Tag> : <Tag>{t('role.custom')}</Tag>) },
    { title: t('role.field.owner'), dataIndex: 'ownerOrgName', key: 'owner', width: 160, ellipsis: true, render: (n: string | null) => n ?? '—' },
    { title: t('role.field.userCount'), dataIndex: 'userCount', key: 'userCount', width: 90, align: 'right' },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 170,
      fixed: 'right',
      render: (_: unknown, r) =>
        r.editable && access.canManageRoles ? (
          <Space size={0}>
            <Button type="link" size="small" onClick={() => setForm({ mode: 'edit', role: r })} data-testid={`role-edit-btn-${r.code}`}>
              {t('action.edit')}
            </Button>
            <Popconfirm
              title={t('role.delete.confirmTitle')}
              description={r.userCount > 0 ? t('role.delete.inUse', { n: r.userCount }) : t('role.delete.confirm', { name: r.name })}
              okText={t('action.delete')}
              okButtonProps={{ danger: true, ...testId('role-delete-confirm') }}
              cancelText={t('action.cancel')}
              onConfirm={() => remove(r)}
            >
              <Button type="link" size="small" danger data-testid={`role-delete-btn-${r.code}`}>
                {t('action.delete')}
              </Button>
            </Popconfirm>
          </Space>
        ) : (
          <Button type="link" size="small" onClick={() => setForm({ mode: 'view', role: r })} data-testid={`role-view-btn-${r.code}`}>
            {t('action.view')}
          </Button>
        ),
    },
  ];

  return (
    <div data-testid="role-list-page">
      <div className="gh-page-header">
        <Typography.Title level={4}>{t('menu.roles')}</Typography.Title>
        <Space>
          <Button icon={<ReloadOutlined />} onClick={reload}>
            {t('action.refresh')}
          </Button>
          {access.canManageRoles && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setForm({ mode: 'create' })} data-testid="role-create-btn">
              {t('role.create')}
            </Button>
          )}
        </Space>
      </div>
      <Card>
        <Table<Role>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={data}
          loading={loading}
          pagination={false}
          scroll={{ x: 1000 }}
          data-testid="role-table"
          onRow={(r) => testId(`role-row-${r.code}`)}
          locale={{ emptyText: t('common.noData') }}
        />
      </Card>
      <RoleFormModal
        target={form}
        onClose={() => setForm(null)}
        onSaved={(r) => {
          void message.success(form?.mode === 'create' ? t('role.created', { name: r.name }) : t('common.saved'));
          setForm(null);
          reload();
        }}
        onReload={() => {
          setForm(null);
          reload();
        }}
      />
    </div>
  );
}
