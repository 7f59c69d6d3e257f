import { Suspense, useEffect, useMemo, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { Avatar, Dropdown, Layout, Menu, Space, Spin, Tag, Typography, theme } from 'antd';
import { DownOutlined, KeyOutlined, LogoutOutlined, MenuFoldOutlined, MenuUnfoldOutlined, SafetyCertificateOutlined, UserOutlined } from '@ant-design/icons';
import { useAuth } from '../auth-context';
import { useI18n } from '../../i18n';
import { useMeta } from '../meta-context';
import { buildMenuItems, MENU, selectedMenu } from './menu';
import { LangSwitch } from './LangSwitch';
import { InboxBell } from './InboxBell';
import { ErrorBoundary } from '../ErrorBoundary';
import { ChangePasswordModal } from '../../modules/auth/ChangePasswordModal';
import { TwoFactorModal } from '../../modules/auth/TwoFactorModal';

const { Header, Sider, Content } = Layout;

export function BasicLayout() {
  const { me, access, signOut } = useAuth();
  const { t } = useI18n();
  const { levelLabel } = useMeta();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const { token } = theme.useToken();
  const [collapsed, setCollapsed] = useState(false);
  const [modal, setModal] = useState<'password' | 'totp' | null>(null);

  const items = useMemo(() => buildMenuItems(access, t), [access, t]);
  const { selected, open } = selectedMenu(pathname);
  // All groups start open: the menu is short, and every entry stays one click away.
  const [openKeys, setOpenKeys] = useState<string[]>(() => MENU.filter((m) => 'children' in m).map((m) => m.key));
  useEffect(() => {
    if (open) setOpenKeys((keys) => (keys.includes(open) ? keys : [...keys, open]));
  }, [open]);

  if (!me) return null;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider collapsible collapsed={collapsed} trigger={null} width={216} theme="dark" data-testid="app-sider">
        <div style={{ height: 56, display: 'flex', alignItems: 'center', justifyContent: collapsed ? 'center' : 'flex-start', padding: collapsed ? 0 : '0 20px', gap: 10 }}>
          <img src="/favicon.svg" alt="" width={28} height={28} />
          {!collapsed && <span style={{ color: '#fff', fontSize: 17, fontWeight: 600, letterSpacing: 1 }}>{t('app.title')}</span>}
        </div>
        <Menu
          theme="dark"
          mode="inline"
          items={items}
          selectedKeys={selected ? [selected] : []}
          openKeys={collapsed ? undefined : openKeys}
          onOpenChange={(keys) => setOpenKeys(keys as string[])}
          onClick={({ key }) => navigate(key)}
          data-testid="app-menu"
        />
      </Sider>
      <Layout>
        <Header
          style={{
            background: token.colorBgContainer,
            padding: '0 20px 0 8px',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
            height: 56,
            lineHeight: '56px',
          }}
        >
          <Space>
            <span
              role="button"
              tabIndex={0}
              aria-label={t('layout.toggleMenu')}
              onClick={() => setCollapsed((c) => !c)}
              onKeyDown={(e) => e.key === 'Enter' && setCollapsed((c) => !c)}
              style={{ fontSize: 18, padding: '0 12px', cursor: 'pointer' }}
            >
              {collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
            </span>
            <Typography.Text strong data-testid="header-org">
              {me.user.orgName}
            </Typography.Text>
            <Tag>{levelLabel(me.user.orgLevel)}</Tag>
          </Space>
          <Space size="middle">
            <InboxBell />
            <LangSwitch />
            <Dropdown
              trigger={['click']}
              menu={{
                items: [
                  { key: 'password', icon: <KeyOutlined />, label: <span data-testid="user-menu-change-password">{t('user.changePassword')}</span> },
                  { key: 'totp', icon: <SafetyCertificateOutlined />, label: <span data-testid="user-menu-2fa">{t('user.twoFactor')}</span> },
                  { type: 'divider' },
                  { key: 'logout', icon: <LogoutOutlined />, label: <span data-testid="user-menu-logout">{t('user.logout')}</span> },
                ],
                onClick: ({ key }) => {
                  if (key === 'logout') void signOut();
                  else setModal(key as 'password' | 'totp');
                },
              }}
            >
              <Space style={{ cursor: 'pointer' }} data-testid="user-menu-trigger">
                <Avatar size="small" icon={<UserOutlined />} style={{ background: token.colorPrimary }} />
                <span data-testid="header-user">{me.user.displayName}</span>
                <DownOutlined style={{ fontSize: 10 }} />
              </Space>
            </Dropdown>
          </Space>
        </Header>
        <Content style={{ margin: 16, minWidth: 0 }}>
          <ErrorBoundary resetKey={pathname} title={t('error.pageCrashed')} retryText={t('action.reload')}>
            <Suspense fallback={<Spin size="large" style={{ display: 'block', margin: '120px auto' }} />}>
              <Outlet />
            </Suspense>
          </ErrorBoundary>
        </Content>
      </Layout>
      <ChangePasswordModal open={modal === 'password'} onClose={() => setModal(null)} />
      <TwoFactorModal open={modal === 'totp'} onClose={() => setModal(null)} />
    </Layout>
  );
}
