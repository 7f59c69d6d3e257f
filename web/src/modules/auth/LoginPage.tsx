import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { Alert, Button, Card, Form, Input, Spin, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { authApi } from '../../../../common/src/contracts/auth';
import { call } from '../../api/client';
import { useAuth } from '../../app/auth-context';
import { homePath } from '../../app/access';
import { useInlineBusy } from '../../app/use-api-error';
import { LangSwitch } from '../../app/layout/LangSwitch';
import { useI18n } from '../../i18n';
import { ChangePasswordForm } from './ChangePasswordForm';
import { TotpEnrol } from './TotpEnrol';
import { PublicLinks } from '../join/PublicShell';

/**
 * /login: the password form, then whatever the session still asks for (me.pending): the second
 * factor, a forced password change, or TOTP enrolment for administrators.
 */
export default function LoginPage() {
  const { me, access, refresh, signOut } = useAuth();
  const { t } = useI18n();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from;

  if (me === undefined) return <Spin size="large" style={{ display: 'block', margin: '30vh auto' }} />;
  if (me && !me.pending) return <Navigate to={from && from !== '/login' ? from : homePath(access)} replace />;

  const back = (
    <Button type="link" block onClick={() => void signOut()} data-testid="login-back">
      {t('login.backToLogin')}
    </Button>
  );
  let title: string;
  let body: ReactNode;
  switch (me?.pending) {
    case 'totp':
      title = t('login.totpTitle');
      body = (
        <>
          <TotpStep onDone={() => void refresh()} />
          {back}
        </>
      );
      break;
    case 'password_change':
      title = t('login.passwordChangeTitle');
      body = (
        <>
          <Alert type="warning" showIcon title={t('login.passwordChangeWhy')} style={{ marginBottom: 16 }} data-testid="password-change-required" />
          <ChangePasswordForm onDone={() => void refresh()} submitText={t('login.passwordChangeSubmit')} />
          {back}
        </>
      );
      break;
    case 'totp_enrol':
      title = t('login.totpEnrolTitle');
      body = (
        <>
          <Alert type="info" showIcon title={t('login.totpEnrolWhy')} style={{ marginBottom: 16 }} />
          <TotpEnrol onDone={() => void refresh()} />
          {back}
        </>
      );
      break;
    default:
      title = t('login.title');
      body = <PasswordStep />;
  }

  return (
    <div className="gh-login-bg">
      <div style={{ position: 'fixed', top: 16, right: 20 }}>
        <LangSwitch />
      </div>
      <Card style={{ width: 400, maxWidth: '100%', boxShadow: '0 12px 40px rgba(0,0,0,0.25)' }} data-testid="login-card">
        <div style={{ textAlign: 'center', marginBottom: 24 }}>
          <img src="/favicon.svg" alt="" width={48} height={48} />
          <Typography.Title level={3} style={{ margin: '8px 0 0' }}>
            {t('app.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{title}</Typography.Text>
        </div>
        {body}
        {!me && (
          <div style={{ textAlign: 'center', marginTop: 16 }} data-testid="login-public-links">
            <PublicLinks testIdPrefix="login-link" />
          </div>
        )}
      </Card>
    </div>
  );
}

function PasswordStep() {
  const { signedIn } = useAuth();
  const { t } = useI18n();
  // INVALID_CREDENTIALS (401) and ACCOUNT_LOCKED (423) carry the words to show.
  const { busy: loading, error, run } = useInlineBusy();
  const submit = (v: { username: string; password: string }) =>
    run(async () => signedIn(await call(authApi.login, { body: { username: v.username.trim(), password: v.password } }, { quiet401: true })));

  return (
    <Form name="login" size="large" onFinish={submit} requiredMark={false} data-testid="login-form">
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" />}
      <Form.Item name="username" rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}>
        <Input prefix={<UserOutlined />} placeholder={t('login.username')} aria-label={t('login.username')} autoComplete="username" autoFocus data-testid="login-username" />
      </Form.Item>
      <Form.Item name="password" rules={[{ required: true, message: t('login.passwordRequired') }]}>
        <Input.Password prefix={<LockOutlined />} placeholder={t('login.password')} aria-label={t('login.password')} autoComplete="current-password" data-testid="login-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={loading} data-testid="login-submit">
        {t('login.submit')}
      </Button>
    </Form>
  );
}

function TotpStep({ onDone }: { onDone: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ code: string }>();
  const { busy: loading, error, run } = useInlineBusy();
  const submit = async ({ code }: { code: string }) => {
    if (await run(() => call(authApi.loginTotp, { body: { code } }, { quiet401: true }))) onDone();
    else form.setFieldsValue({ code: '' });
  };

  return (
    <Form form={form} name="totp" size="large" onFinish={submit} requiredMark={false} data-testid="totp-form">
      <Typography.Paragraph type="secondary">{t('login.totpHint')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="totp-error" />}
      <Form.Item name="code" rules={[{ required: true, pattern: /^\d{6}$/, message: t('totp.codeRule') }]}>
        <Input maxLength={6} inputMode="numeric" autoComplete="one-time-code" autoFocus placeholder="000000" aria-label={t('totp.code')} style={{ letterSpacing: 6, textAlign: 'center' }} data-testid="totp-code" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={loading} data-testid="totp-submit">
        {t('login.totpSubmit')}
      </Button>
    </Form>
  );
}
