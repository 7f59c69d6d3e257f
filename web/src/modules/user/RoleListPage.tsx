import { useState } from 'react';
import { App, Button, Tag, Tooltip, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { roleApi, type Role } from '../../../../common/src/contracts/user';
import { call } from '../../api/client';
import { useApiError } from '../../app/use-api-error';
import { useAccess } from '../../app/auth-context';
import { useMeta } from '../../app/meta-context';
import { useI18n } from '../../i18n';
import { Actions, HistoryDrawer, inUiLanguage, ListPage, TwoLines } from '../../kit';
import { RoleFormModal, type RoleFormTarget } from './components/RoleFormModal';

/** 角色管理: roles visible to the caller; built-in ones (and those beyond one's own grants) are read-only. */
export default function RoleListPage() {
  const { t } = useI18n();
  const access = useAccess();
  const { scopeLabel, permissionLabel } = useMeta();
  const { message } = App.useApp();
  const { showError } = useApiError();
  const [form, setForm] = useState<RoleFormTarget | null>(null);
  const [history, setHistory] = useState<Role | null>(null);
  const [changed, setChanged] = useState(0);
  const reload = () => setChanged((n) => n + 1);

  const remove = async (r: Role) => {
    try {
      await call(roleApi.remove, { params: { id: r.id } });
      void message.success(t('role.deleted', { name: r.name }));
      reload();
    } catch (e) {
      showError(e); // 409 ROLE_IN_USE says how many accounts still hold it
    }
  };

  return (
    <>
      <ListPage testId="role" title="menu.roles"
        crumbs={[{ title: t('menu.system') }, { title: t('menu.roles') }]}
        endpoint={roleApi.list}
        reloadKey={changed}
        rowTestId={(r) => `role-row-${r.code}`}
        scrollX={1350}
        toolbar={access.canManageRoles && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setForm({ mode: 'create' })} data-testid="role-create-btn">
            {t('role.create')}
          </Button>
        )}
        columns={[
          { key: 'name', title: 'role.field.name', dataIndex: 'name', width: 260, fixedShown: true, render: (n: string, r) => <TwoLines main={<Typography.Text strong>{n}</Typography.Text>} sub={r.description} /> },
          { key: 'code', title: 'role.field.code', dataIndex: 'code', width: 200, render: (c: string) => <Typography.Text code style={{ whiteSpace: 'nowrap' }}>{c}</Typography.Text> },
          {
            key: 'permissions', title: 'role.field.permissions', dataIndex: 'permissions', width: 100,
            render: (ps: string[]) => (
              <Tooltip title={ps.length ? ps.map(permissionLabel).join('、') : undefined}>
                <Tag color={ps.length ? 'blue' : 'default'}>{t('role.permCount', { n: ps.length })}</Tag>
              </Tooltip>
            ),
          },
          {
            key: 'scope', title: 'role.field.scope', width: 220,
            render: (_: unknown, r) => <TwoLines main={scopeLabel(r.scopeKind)} sub={r.scopeKind === 'orgs' && r.scopeOrgs.map((o) => o.name).join('、')} />,
          },
          { key: 'builtIn', title: 'role.field.builtIn', dataIndex: 'builtIn', width: 80, render: (b: boolean) => (b ? <Tag color="gold">{t('role.builtIn')}</Tag> : <Tag>{t('role.custom')}</Tag>) },
          { key: 'owner', title: 'role.field.owner', dataIndex: 'ownerOrgName', width: 160, ellipsis: true, render: (n: string | null) => n ?? '—' },
          { key: 'userCount', title: 'role.field.userCount', dataIndex: 'userCount', width: 90, align: 'right' },
          {
            key: 'actions', title: 'common.actions', width: 220, fixed: 'right', fixedShown: true,
            render: (_: unknown, r) => {
              const editable = r.editable && access.canManageRoles;
              return (
                  <Actions
                    size="small"
                    actions={[
                      { key: 'edit', label: 'action.edit', show: editable, testId: `role-edit-btn-${r.code}`, onClick: () => setForm({ mode: 'edit', role: r }) },
                      {
                        key: 'delete', label: 'action.delete', danger: true, show: editable, testId: `role-delete-btn-${r.code}`,
                        confirm: inUiLanguage(r.userCount > 0 ? t('role.delete.inUse', { n: r.userCount }) : t('role.delete.confirm', { name: r.name })), onClick: () => remove(r),
                      },
                      { key: 'view', label: 'action.view', show: !editable, testId: `role-view-btn-${r.code}`, onClick: () => setForm({ mode: 'view', role: r }) },
                      { key: 'history', label: 'user.history', testId: `role-history-btn-${r.code}`, onClick: () => setHistory(r) },
                    ]}
                  />
              );
            },
          },
        ]}
      />
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
      <HistoryDrawer endpoint={roleApi.history} target={history && { id: history.id, title: history.name }} onClose={() => setHistory(null)} />
    </>
  );
}
