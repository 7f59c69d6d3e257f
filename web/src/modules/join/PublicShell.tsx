import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { Layout, Space, Typography } from 'antd';
import { LangSwitch } from '../../app/layout/LangSwitch';
import { useI18n } from '../../i18n';

/**
 * The frame of the public pages (入会申请, 申请进度, 会员卡核验): no sign-in, no side menu, one
 * narrow column that reads well on a phone.
 */
export function PublicShell({ title, children, testId }: { title: string; children: ReactNode; testId: string }) {
  const { t } = useI18n();
  return (
    <Layout style={{ minHeight: '100vh', background: '#f3f5f8' }} data-testid={testId}>
      <header
        style={{
          background: 'linear-gradient(135deg, #a8141b 0%, #c8161d 60%, #1f5fbf 140%)',
          color: '#fff',
          padding: '12px 16px',
        }}
      >
        <div style={{ maxWidth: 760, margin: '0 auto', display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 12 }}>
          <Link to="/join" style={{ color: '#fff', display: 'flex', alignItems: 'center', gap: 8, minWidth: 0 }}>
            <img src="/favicon.svg" alt="" width={28} height={28} />
            <span style={{ fontSize: 17, fontWeight: 600, whiteSpace: 'nowrap' }}>{t('app.title')}</span>
          </Link>
          <LangSwitch />
        </div>
        <div style={{ maxWidth: 760, margin: '12px auto 4px' }}>
          <Typography.Title level={3} style={{ color: '#fff', margin: 0 }}>
            {title}
          </Typography.Title>
        </div>
      </header>
      <main style={{ width: '100%', maxWidth: 760, margin: '0 auto', padding: '16px 12px 32px', boxSizing: 'border-box' }}>{children}</main>
      <footer style={{ textAlign: 'center', padding: '0 12px 24px' }}>
        <PublicLinks testIdPrefix="public-link" withLogin />
      </footer>
    </Layout>
  );
}

/** The ways in for a worker without an account (join, follow an application, the hardship self-check), and the sign-in for cadres. */
export function PublicLinks({ testIdPrefix, withLogin }: { testIdPrefix: string; withLogin?: boolean }) {
  const { t } = useI18n();
  return (
    <Space wrap separator={<span style={{ color: '#bbb' }}>|</span>}>
      <Link to="/join" data-testid={`${testIdPrefix}-join`}>{t('join.link.apply')}</Link>
      <Link to="/join/status" data-testid={`${testIdPrefix}-join-status`}>{t('join.link.status')}</Link>
      <Link to="/hardship/self-check" data-testid={`${testIdPrefix}-hardship-self-check`}>{t('hsMon.self.link')}</Link>
      <Link to="/m" data-testid={`${testIdPrefix}-portal`}>{t('portal.title')}</Link>
      {withLogin && <Link to="/login">{t('join.link.login')}</Link>}
    </Space>
  );
}
