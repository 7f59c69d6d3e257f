import { useEffect, useState } from 'react';
import { Alert, Button, Form, Input, Space, Spin, Typography } from 'antd';
import { authApi, type TotpSetup } from '../../../../common/src/contracts/auth';
import { call } from '../../api/client';
import { useApiError } from '../../app/use-api-error';
import { useI18n } from '../../i18n';

/** Bind an authenticator app: show the QR code and the secret, confirm with a first code. */
export function TotpEnrol({ onDone }: { onDone: () => void }) {
  const { t } = useI18n();
  const { showError, errorText } = useApiError();
  const [setup, setSetup] = useState<TotpSetup | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<{ code: string }>();

  useEffect(() => {
    let cancelled = false;
    call(authApi.totpSetup).then(
      (s) => !cancelled && setSetup(s),
      (e) => !cancelled && setLoadError(errorText(e)),
    );
    return () => {
      cancelled = true;
    };
    // One secret per opening of this step; a new one replaces it on the server.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const submit = async ({ code }: { code: string }) => {
    setSaving(true);
    try {
      await call(authApi.totpEnable, { body: { code } });
      onDone();
    } catch (e) {
      showError(e, { form });
      form.setFields([{ name: 'code', value: '' }]);
    } finally {
      setSaving(false);
    }
  };

  if (loadError) return <Alert type="error" title={loadError} showIcon />;
  if (!setup) return <Spin style={{ display: 'block', margin: '40px auto' }} />;
  return (
    <div data-testid="totp-enrol">
      <Typography.Paragraph>{t('totp.enrolIntro')}</Typography.Paragraph>
      <div style={{ textAlign: 'center', marginBottom: 12 }}>
        <img src={setup.qrDataUrl} alt={t('totp.qrAlt')} width={200} height={200} data-testid="totp-enrol-qr" />
      </div>
      <Space orientation="vertical" style={{ width: '100%', marginBottom: 16 }} size={4}>
        <Typography.Text type="secondary">{t('totp.secretLabel')}</Typography.Text>
        <Typography.Text code copyable data-testid="totp-enrol-secret" style={{ fontSize: 15, wordBreak: 'break-all' }}>
          {setup.secret}
        </Typography.Text>
      </Space>
      <Form form={form} layout="vertical" name="totp-enrol" onFinish={submit} requiredMark={false}>
        <Form.Item name="code" label={t('totp.code')} rules={[{ required: true, pattern: /^\d{6}$/, message: t('totp.codeRule') }]}>
          <Input maxLength={6} inputMode="numeric" autoComplete="one-time-code" placeholder="000000" data-testid="totp-enrol-code" style={{ letterSpacing: 4, fontSize: 18 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={saving} data-testid="totp-enrol-submit">
          {t('totp.enable')}
        </Button>
      </Form>
    </div>
  );
}
