import { Input } from 'antd';
import { USERNAME_PATTERN, userApi, type Role, type User, type UserCreated } from '../../../../../common/src/contracts/user';
import { call } from '../../../api/client';
import { useAuth } from '../../../app/auth-context';
import { useI18n } from '../../../i18n';
import { FormModal } from '../../../kit';

export type UserFormTarget = { mode: 'create' } | { mode: 'edit'; user: User };

interface Values {
  username: string;
  displayName: string;
  orgId: string;
  roleIds: string[];
  password?: string;
  active: boolean;
}

/** 新建账号 / 编辑账号. Only roles the server marks grantable can be newly chosen. */
export function UserFormModal({ target, roles, onClose, onSaved, onReload }: {
  target: UserFormTarget | null;
  roles: Role[];
  onClose: () => void;
  onSaved: (u: User | UserCreated) => void;
  onReload: () => void;
}) {
  const { t } = useI18n();
  const { me } = useAuth();
  const editing = target?.mode === 'edit' ? target.user : null;
  const held = new Set(editing?.roles.map((r) => r.id) ?? []);
  // A role the user already holds stays selectable (it can be removed); new ones must be grantable.
  const roleOptions = roles.map((r) => ({ value: r.id, label: r.name, disabled: !r.grantable && !held.has(r.id), title: r.description ?? r.name }));
  const initial: Partial<Values> = editing
    ? { username: editing.username, displayName: editing.displayName, orgId: editing.orgId, roleIds: editing.roles.map((r) => r.id), active: editing.active }
    : { roleIds: [], active: true, orgId: me?.user.orgId };

  const save = async (v: Values) => {
    const common = { displayName: v.displayName.trim(), orgId: v.orgId, roleIds: v.roleIds ?? [] };
    onSaved(editing
      ? await call(userApi.update, { params: { id: editing.id }, body: { ...common, active: v.active, version: editing.version } })
      : await call(userApi.create, { body: { ...common, username: v.username.trim(), ...(v.password ? { password: v.password } : {}) } }));
  };

  return (
    <FormModal<Values>
      open={!!target}
      testId="user-form"
      title={editing ? t('user.form.editTitle', { name: editing.username }) : t('user.form.createTitle')}
      initialValues={initial}
      onClose={onClose}
      onReload={onReload}
      onSubmit={save}
      fields={[
        { name: 'username', label: 'user.field.username', required: 'user.rule.usernameRequired', disabled: !!editing, props: { autoComplete: 'off', allowClear: false }, rules: [{ pattern: USERNAME_PATTERN, message: t('user.rule.usernamePattern') }] },
        { name: 'displayName', label: 'user.field.displayName', required: 'user.rule.displayNameRequired', max: 40 },
        { name: 'orgId', label: 'user.field.org', kind: 'org', required: 'user.rule.orgRequired', testId: 'user-form-org', known: [...(editing ? [{ id: editing.orgId, name: editing.orgName }] : []), ...(me ? [{ id: me.user.orgId, name: me.user.orgName }] : [])], props: { allowClear: false } },
        { name: 'roleIds', label: 'user.field.roles', kind: 'multiselect', options: roleOptions, extra: 'user.form.rolesHint', testId: 'user-form-roles', props: { showSearch: { optionFilterProp: 'label' } } },
        editing
          ? { name: 'active', label: 'user.field.active', kind: 'switch', disabled: editing.id === me?.user.id }
          : { name: 'password', label: 'user.field.initialPassword', kind: 'custom', extra: 'user.form.passwordHint', input: <Input.Password autoComplete="new-password" data-testid="user-form-password" /> },
      ]}
    />
  );
}
