import { Alert, Form, Radio } from 'antd';
import { ROLE_CODE_PATTERN, roleApi, type Role, type RoleInput } from '../../../../../common/src/contracts/user';
import { call } from '../../../api/client';
import { useMeta } from '../../../app/meta-context';
import { useI18n } from '../../../i18n';
import { FormModal } from '../../../kit';
import { PermissionTree } from './PermissionTree';

export type RoleFormTarget = { mode: 'create' } | { mode: 'edit'; role: Role } | { mode: 'view'; role: Role };

/** 新建 / 编辑 / 查看 a role. Built-in roles (and roles beyond one's own grants) open read-only. */
export function RoleFormModal({ target, onClose, onSaved, onReload }: { target: RoleFormTarget | null; onClose: () => void; onSaved: (r: Role) => void; onReload: () => void }) {
  const { t } = useI18n();
  const { meta, scopeLabel } = useMeta();
  const role = target && target.mode !== 'create' ? target.role : null;
  const readOnly = target?.mode === 'view';
  const [form] = Form.useForm<RoleInput>();
  const scopeKind = Form.useWatch('scopeKind', form);
  const initial: Partial<RoleInput> = role
    ? { code: role.code, name: role.name, description: role.description, permissions: role.permissions, scopeKind: role.scopeKind as RoleInput['scopeKind'], scopeOrgIds: role.scopeOrgs.map((o) => o.id) }
    : { permissions: [], scopeKind: 'subtree', scopeOrgIds: [] };

  const save = async (v: RoleInput) => {
    const input = { ...v, code: v.code.trim(), name: v.name.trim(), description: v.description?.trim() || null, permissions: v.permissions ?? [], scopeOrgIds: v.scopeKind === 'orgs' ? (v.scopeOrgIds ?? []) : [] };
    onSaved(role ? await call(roleApi.update, { params: { id: role.id }, body: { ...input, version: role.version } }) : await call(roleApi.create, { body: input }));
  };
  const title = !target ? '' : target.mode === 'create' ? t('role.form.createTitle') : t(target.mode === 'edit' ? 'role.form.editTitle' : 'role.form.viewTitle', { name: target.role.name });

  return (
    <FormModal<RoleInput>
      open={!!target}
      testId="role-form"
      form={form}
      title={title}
      width={640}
      readOnly={readOnly}
      intro={readOnly && role && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={role.builtIn ? t('role.builtInReadOnly') : t('role.notEditable')} />}
      initialValues={initial}
      onClose={onClose}
      onReload={onReload}
      onSubmit={save}
      fields={[
        { name: 'code', label: 'role.field.code', required: 'role.rule.codeRequired', placeholder: { zh: 'street_clerk', en: 'street_clerk' }, rules: [{ pattern: ROLE_CODE_PATTERN, message: t('role.rule.codePattern') }] },
        { name: 'name', label: 'role.field.name', required: 'role.rule.nameRequired', max: 40, rules: [{ min: 2, message: t('role.rule.nameMin') }] },
        { name: 'description', label: 'role.field.description', kind: 'textarea', max: 200 },
        { name: 'permissions', label: 'role.field.permissions', kind: 'custom', extra: 'role.form.permissionsHint', input: <PermissionTree disabled={readOnly} /> },
        {
          name: 'scopeKind', label: 'role.field.scope', kind: 'custom', required: 'role.rule.scopeRequired',
          input: <Radio.Group data-testid="role-form-scopeKind" options={(meta?.scopeKinds ?? []).map((s) => ({ value: s.code, label: scopeLabel(s.code) }))} />,
        },
        {
          name: 'scopeOrgIds', label: 'role.field.scopeOrgs', kind: 'org', testId: 'role-form-scopeOrgs', hidden: scopeKind !== 'orgs', known: role?.scopeOrgs ?? [], props: { multiple: true },
          rules: [{ required: true, type: 'array', min: 1, message: t('role.rule.scopeOrgsRequired') }],
        },
      ]}
    />
  );
}
