import { useEffect, useState } from 'react';
import { Form, Input, Modal, Select, Switch, Typography } from 'antd';
import { userApi, type UserCreateInput } from '../../../api/users';
import type { Role, User, UserCreated } from '../../../api/types';
import { useApiError } from '../../../app/use-api-error';
import { useAuth } from '../../../app/auth-context';
import { useI18n } from '../../../i18n';
import { testId } from '../../../app/test-id';
import { OrgSelect } from '../../org/components/OrgSelect';

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
export function UserFormModal({
  target,
  roles,
  onClose,
  onSaved,
  onReload,
}: {
  target: UserFormTarget | null;
  roles: Role[];
  onClose: () => void;
  onSaved: (u: User | UserCreated) => void;
  onReload: () => void;
}) {
  const { t } = useI18n();
  const { me } = useAuth();
  const { showError } = useApiError();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const editing = target?.mode === 'edit' ? target.user : null;

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    if (target.mode === 'edit') {
      const u = target.user;
      form.setFieldsValue({ username: u.username, displayName: u.displayName, orgId: u.orgId, roleIds: u.roles.map((r) => r.id), active: u.active });
    } else {
      form.setFieldsValue({ roleIds: [], active: true, orgId: me?.user.orgId });
    }
  }, [target, form, me]);

  const heldRoleIds = new Set(editing?.roles.map((r) => r.id) ?? []);
  const roleOptions = roles.map((r) => ({
    value: r.id,
    label: r.name,
    // A role the user already holds stays selectable (it can be removed); new ones must be grantable.
    disabled: !r.grantable && !heldRoleIds.has(r.id),
    title: r.description ?? r.name,
  }));

  const submit = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    try {
      if (target?.mode === 'edit') {
        onSaved(await userApi.update(target.user.id, { displayName: v.displayName.trim(), orgId: v.orgId, roleIds: v.roleIds, active: v.active }, target.user.version));
      } else {
        const input: UserCreateInput = { username: v.username.trim(), displayName: v.displayName.trim(), orgId: v.orgId, roleIds: v.roleIds };
        if (v.password) input.password = v.password;
        onSaved(await userApi.create(input));
      }
    } catch (e) {
      showError(e, { form, reload: onReload });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={!!target}
      title={editing ? t('user.form.editTitle', { name: editing.username }) : t('user.form.createTitle')}
      onCancel={onClose}
      onOk={submit}
      okText={t('action.save')}
      cancelText={t('action.cancel')}
      okButtonProps={{ loading: saving, ...testId('user-form-submit') }}
      forceRender
      width={560}
      mask={{ closable: false }}
      modalRender={(node) => <div data-testid="user-form-modal">{node}</div>}
    >
      <Form form={form} layout="vertical" name="user" data-testid="user-form">
        <Form.Item
          name="username"
          label={t('user.field.username')}
          rules={[
            { required: true, message: t('user.rule.usernameRequired') },
            { pattern: /^[A-Za-z0-9_.-]{3,32}$/, message: t('user.rule.usernamePattern') },
          ]}
        >
          <Input disabled={!!editing} autoComplete="off" data-testid="user-form-username" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('user.field.displayName')}
          rules={[
            { required: true, whitespace: true, message: t('user.rule.displayNameRequired') },
            { max: 40, message: t('org.rule.max', { n: 40 }) },
          ]}
        >
          <Input data-testid="user-form-displayName" />
        </Form.Item>
        <Form.Item name="orgId" label={t('user.field.org')} rules={[{ required: true, message: t('user.rule.orgRequired') }]}>
          <OrgSelect
            data-testid="user-form-org"
            known={[...(editing ? [{ id: editing.orgId, name: editing.orgName }] : []), ...(me ? [{ id: me.user.orgId, name: me.user.orgName }] : [])]}
          />
        </Form.Item>
        <Form.Item name="roleIds" label={t('user.field.roles')} extra={t('user.form.rolesHint')}>
          <Select mode="multiple" options={roleOptions} showSearch={{ optionFilterProp: "label" }} data-testid="user-form-roles" placeholder={t('common.pleaseSelect')} />
        </Form.Item>
        {editing ? (
          <Form.Item name="active" label={t('user.field.active')} valuePropName="checked">
            <Switch data-testid="user-form-active" disabled={editing.id === me?.user.id} />
          </Form.Item>
        ) : (
          <Form.Item name="password" label={t('user.field.initialPassword')} extra={<Typography.Text type="secondary">{t('user.form.passwordHint')}</Typography.Text>}>
            <Input.Password autoComplete="new-password" data-testid="user-form-password" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
