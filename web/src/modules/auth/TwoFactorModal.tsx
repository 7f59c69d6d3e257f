import { useState } from 'react';
import { App, Button, Form, Input, Modal, Result, Typography } from 'antd';
import { authApi } from '../../../../common/src/contracts/auth';
import { call } from '../../api/client';
import { useAuth } from '../../app/auth-context';
import { useApiError } from '../../app/use-api-error';
import { useI18n } from '../../i18n';
import { TotpEnrol } from './TotpEnrol';

/** 双因素认证 from the user menu: enrol when off; disable (with a current code) when on. */
export function TwoFactorModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { me, refresh } = useAuth();
  const { t } = useI18n();
  const { message } = App.useApp();
  const { showError } = useApiError();
  const [enrolling, setEnrolling] = useState(false);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<{ code: string }>();

  const close = () => {
    setEnrolling(false);
    onClose();
  };

  const disable = async ({ code }: { code: string }) => {
    setSaving(true);
    try {
      await call(authApi.totpDisable, { body: { code } });
      await refresh();
      void message.success(t('totp.disabled'));
      close();
    } catch (e) {
      showError(e, { form });
    } finally {
      setSaving(false);
    }
  };

  let body;
  if (me?.totpEnabled) {
    body = (
      <>
        <Result status="success" title={t('totp.isOn')} style={{ padding: '12px 0' }} />
        <Form form={form} layout="vertical" name="totp-disable" onFinish={disable} requiredMark={false}>
          <Form.Item name="code" label={t('totp.codeToDisable')} rules={[{ required: true, pattern: /^\d{6}$/, message: t('totp.codeRule') }]}>
            <Input maxLength={6} inputMode="numeric" autoComplete="one-time-code" data-testid="totp-disable-code" />
          </Form.Item>
          <Button danger htmlType="submit" block loading={saving} data-testid="totp-disable-submit">
            {t('totp.disable')}
          </Button>
        </Form>
      </>
    );
  } else if (enrolling) {
    body = (
      <TotpEnrol
        onDone={() => {
          void refresh();
          void message.success(t('totp.enabled'));
          close();
        }}
      />
    );
  } else {
    body = (
      <>
        <Typography.Paragraph>{t('totp.offIntro')}</Typography.Paragraph>
        <Button type="primary" block onClick={() => setEnrolling(true)} data-testid="totp-start-enrol">
          {t('totp.start')}
        </Button>
      </>
    );
  }
  return (
    <Modal open={open} title={t('user.twoFactor')} footer={null} onCancel={close} destroyOnHidden width={440} modalRender={(node) => <div data-testid="two-factor-modal">{node}</div>}>
      {body}
    </Modal>
  );
}
