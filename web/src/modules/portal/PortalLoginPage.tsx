import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Alert, App, Button, Card, Form, Input, Space, Typography } from 'antd';
import { call } from '../../api/client';
import { portalApi } from '../../../../common/src/contracts/portal';
import { useApiError } from '../../app/use-api-error';
import { useI18n } from '../../i18n';
import { PublicShell } from '../join/PublicShell';

interface Values {
  mobile: string;
  code?: string;
  password?: string;
}

/** /m/login: a worker signs in (or up, the first time) with a mobile and an SMS code, or a password. Big targets for a phone. */
export default function PortalLoginPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { errorText } = useApiError();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [byPassword, setByPassword] = useState(false);
  const [wait, setWait] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (wait <= 0) return;
    const id = setTimeout(() => setWait((w) => w - 1), 1000);
    return () => clearTimeout(id);
  }, [wait]);

  const sendCode = async () => {
    setError(null);
    try {
      const { mobile } = await form.validateFields(['mobile']);
      await call(portalApi.sendCode, { body: { mobile } }, { quiet401: true });
      void message.success(t('portal.login.codeSent'));
      setWait(60);
    } catch (e) {
      if (e && typeof e === 'object' && 'errorFields' in e) return;
      setError(errorText(e));
    }
  };

  const submit = async (v: Values) => {
    setError(null);
    setBusy(true);
    try {
      const body = byPassword ? { mobile: v.mobile, password: v.password ?? '' } : { mobile: v.mobile, code: v.code ?? '' };
      await call(portalApi.signIn, { body }, { quiet401: true });
      navigate('/m', { replace: true });
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <PublicShell title={t('portal.login.title')} testId="portal-login-page">
      <Card>
        <Typography.Paragraph type="secondary">{t('portal.login.intro')}</Typography.Paragraph>
        <Form form={form} layout="vertical" size="large" onFinish={submit} requiredMark={false}>
          <Form.Item name="mobile" label={t('portal.login.mobile')} rules={[{ required: true, pattern: /^1[3-9]\d{9}$/, message: '请输入11位手机号' }]}>
            <Input inputMode="numeric" maxLength={11} autoComplete="tel" data-testid="portal-mobile" />
          </Form.Item>
          {byPassword ? (
            <Form.Item name="password" label={t('portal.login.password')} rules={[{ required: true, min: 8 }]}>
              <Input.Password autoComplete="current-password" data-testid="portal-password" />
            </Form.Item>
          ) : (
            <Form.Item label={t('portal.login.code')} required>
              <Space.Compact style={{ width: '100%' }}>
                <Form.Item name="code" noStyle rules={[{ required: true, pattern: /^\d{6}$/, message: '请输入6位验证码' }]}>
                  <Input inputMode="numeric" maxLength={6} autoComplete="one-time-code" data-testid="portal-code" />
                </Form.Item>
                <Button onClick={sendCode} disabled={wait > 0} data-testid="portal-send-code">
                  {wait > 0 ? t('portal.login.resend', { n: wait }) : t('portal.login.sendCode')}
                </Button>
              </Space.Compact>
            </Form.Item>
          )}
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="portal-login-error" />}
          <Button type="primary" htmlType="submit" block loading={busy} style={{ height: 48 }} data-testid="portal-sign-in">
            {t('portal.login.submit')}
          </Button>
          <Button type="link" block onClick={() => setByPassword((b) => !b)} style={{ marginTop: 8 }} data-testid="portal-toggle-password">
            {byPassword ? t('portal.login.byCode') : t('portal.login.byPassword')}
          </Button>
        </Form>
        <Alert type="info" showIcon title={t('portal.login.demoHint')} data-testid="portal-demo-hint" />
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, textAlign: 'center' }}>
          <Link to="/login">{t('portal.login.cadre')}</Link>
        </Typography.Paragraph>
      </Card>
    </PublicShell>
  );
}
