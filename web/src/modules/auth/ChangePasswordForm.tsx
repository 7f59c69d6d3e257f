import { useState } from 'react';
import { Button, Form, Input } from 'antd';
import { characterClasses, LEVEL3_PASSWORD_POLICY } from '../../../../common/src/password-policy';
import { authApi } from '../../../../common/src/contracts/auth';
import { ApiError, call } from '../../api/client';
import { useApiError } from '../../app/use-api-error';
import { useI18n } from '../../i18n';
import { PasswordPolicyHint } from './PasswordPolicyHint';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

const FIELD_OF_ERROR: Record<string, keyof Values> = {
  WRONG_CURRENT_PASSWORD: 'currentPassword',
  WEAK_PASSWORD: 'newPassword',
  PASSWORD_REUSED: 'newPassword',
};

/** Change one's own password: used on the forced step after sign-in and from the user menu. */
export function ChangePasswordForm({ onDone, submitText }: { onDone: () => void; submitText?: string }) {
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const { t } = useI18n();
  const { showError, errorText } = useApiError();

  const submit = async (v: Values) => {
    setSaving(true);
    try {
      await call(authApi.changePassword, { body: { currentPassword: v.currentPassword, newPassword: v.newPassword } });
      form.resetFields();
      onDone();
    } catch (e) {
      // The policy in force is the administrator's; the server names what the new password lacks.
      const field = e instanceof ApiError ? FIELD_OF_ERROR[e.code] : undefined;
      if (field) form.setFields([{ name: field, errors: [errorText(e)] }]);
      else showError(e, { form });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form form={form} layout="vertical" name="change-password" onFinish={submit} requiredMark={false} data-testid="password-change-form">
      <PasswordPolicyHint />
      <Form.Item name="currentPassword" label={t('password.current')} rules={[{ required: true, message: t('password.currentRequired') }]}>
        <Input.Password autoComplete="current-password" data-testid="password-current" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('password.new')}
        rules={[
          { required: true, message: t('password.newRequired') },
          { min: LEVEL3_PASSWORD_POLICY.minLength, message: t('password.tooShort', { n: LEVEL3_PASSWORD_POLICY.minLength }) },
          { max: 128, message: t('password.tooLong') },
          {
            validator: (_, value: string | undefined) =>
              !value || characterClasses(value) >= LEVEL3_PASSWORD_POLICY.minClasses
                ? Promise.resolve()
                : Promise.reject(new Error(t('password.tooFewClasses', { n: LEVEL3_PASSWORD_POLICY.minClasses }))),
          },
        ]}
        hasFeedback
      >
        <Input.Password autoComplete="new-password" data-testid="password-new" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('password.confirm')}
        dependencies={['newPassword']}
        hasFeedback
        rules={[
          { required: true, message: t('password.confirmRequired') },
          ({ getFieldValue }) => ({
            validator: (_, value) => (!value || getFieldValue('newPassword') === value ? Promise.resolve() : Promise.reject(new Error(t('password.mismatch')))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid="password-confirm" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={saving} data-testid="password-submit">
        {submitText ?? t('password.submit')}
      </Button>
    </Form>
  );
}
