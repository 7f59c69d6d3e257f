import { useEffect, useState } from 'react';
import { Alert, Form, Input, Modal, Radio } from 'antd';
import { roleApi } from '../../../api/users';
import type { Role, RoleInput } from '../../../api/types';
import { useApiError } from '../../../app/use-api-error';
import { useMeta } from '../../../app/meta-context';
import { useI18n } from '../../../i18n';
import { testId } from '../../../app/test-id';
import { OrgSelect } from '../../org/components/OrgSelect';
import { PermissionTree } from './PermissionTree';

export type RoleFormTarget = { mode: 'create' } | { mode: 'edit'; role: Role } | { mode: 'view'; role: Role };

interface Values {
  code: string;
  name: string;
  description?: string;
  permissions: string[];
  scopeKind: string;
  scopeOrgIds: string[];
}

/** 新建 / 编辑 / 查看 a role. Built-in roles (and roles beyond one's own grants) open read-only. */
export function RoleFormModal({ target, onClose, onSaved, onReload }: { target: RoleFormTarget | null; onClose: () => void; onSaved: (r: Role) => void; onReload: () => void }) {
  const { t } = useI18n();
  const { meta, scopeLabel } = useMeta();
  const { showError } = useApiError();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const scopeKind = Form.useWatch('scopeKind', form);
  const role = target && target.mode !== 'create' ? target.role : null;
  const readOnly = target?.mode === 'view';

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    if (role) {
      form.setFieldsValue({
        code: role.code,
        name: role.name,
        description: role.description ?? undefined,
        permissions: role.permissions,
        scopeKind: role.scopeKind,
        scopeOrgIds: role.scopeOrgs.map((o) => o.id),
      });
    } else {
      form.setFieldsValue({ permissions: [], scopeKind: 'subtree', scopeOrgIds: [] });
    }
  }, [target, role, form]);

  const submit = async () => {
    if (readOnly) return onClose();
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const input: RoleInput = {
      code: v.code.trim(),
      name: v.name.trim(),
      description: v.description?.trim() || null,
      permissions: v.permissions ?? [],
      scopeKind: v.scopeKind,
      scopeOrgIds: v.scopeKind === 'orgs' ? (v.scopeOrgIds ?? []) : [],
    };
    setSaving(true);
    try {
      onSaved(role ? await roleApi.update(role.id, input, role.version) : await roleApi.create(input));
    } catch (e) {
      showError(e, { form, reload: onReload });
    } finally {
      setSaving(false);
    }
  };

  const title = !target ? '' : target.mode === 'create' ? t('role.form.createTitle') : target.mode === 'edit' ? t('role.form.editTitle', { name: target.role.name }) : t('role.form.viewTitle', { name: target.role.name });

  return (
    <Modal
      open={!!target}
      title={title}
      onCancel={onClose}
      onOk={submit}
      okText={readOnly ? t('action.close') : t('action.save')}
      cancelText={t('action.cancel')}
      cancelButtonProps={readOnly ? { style: { display: 'none' } } : undefined}
      okButtonProps={{ loading: saving, ...testId('role-form-submit') }}
      forceRender
      width={640}
      mask={{ closable: false }}
      modalRender={(node) => <div data-testid="role-form-modal">{node}</div>}
    >
      {readOnly && role && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={role.builtIn ? t('role.builtInReadOnly') : t('role.notEditable')} />}
      <Form form={form} layout="vertical" name="role" disabled={readOnly} data-testid="role-form">
        <Form.Item
          name="code"
          label={t('role.field.code')}
          rules={[
            { required: true, message: t('role.rule.codeRequired') },
            { pattern: /^[a-z][a-z0-9_]{1,39}$/, message: t('role.rule.codePattern') },
          ]}
        >
          <Input data-testid="role-form-code" placeholder="street_clerk" />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('role.field.name')}
          rules={[
            { required: true, whitespace: true, message: t('role.rule.nameRequired') },
            { min: 2, message: t('role.rule.nameMin') },
            { max: 40, message: t('org.rule.max', { n: 40 }) },
          ]}
        >
          <Input data-testid="role-form-name" />
        </Form.Item>
        <Form.Item name="description" label={t('role.field.description')} rules={[{ max: 200, message: t('org.rule.max', { n: 200 }) }]}>
          <Input.TextArea rows={2} data-testid="role-form-description" />
        </Form.Item>
        <Form.Item name="permissions" label={t('role.field.permissions')} extra={t('role.form.permissionsHint')}>
          <PermissionTree disabled={readOnly} />
        </Form.Item>
        <Form.Item name="scopeKind" label={t('role.field.scope')} rules={[{ required: true, message: t('role.rule.scopeRequired') }]}>
          <Radio.Group data-testid="role-form-scopeKind" options={(meta?.scopeKinds ?? []).map((s) => ({ value: s.code, label: scopeLabel(s.code) }))} />
        </Form.Item>
        {scopeKind === 'orgs' && (
          <Form.Item name="scopeOrgIds" label={t('role.field.scopeOrgs')} rules={[{ required: true, type: 'array', min: 1, message: t('role.rule.scopeOrgsRequired') }]}>
            <OrgSelect mode="multiple" known={role?.scopeOrgs ?? []} data-testid="role-form-scopeOrgs" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
