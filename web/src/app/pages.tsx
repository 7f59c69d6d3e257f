import { Button, Result } from 'antd';
import { Link, Navigate } from 'react-router-dom';
import type { ReactNode } from 'react';
import { useAuth } from './auth-context';
import { homePath, type AccessKey } from './access';
import { useI18n } from '../i18n';

function BackHome() {
  const { t } = useI18n();
  return (
    <Link to="/">
      <Button type="primary">{t('page.backHome')}</Button>
    </Link>
  );
}

/** A route that needs a permission: a 403 page instead of a screen full of refused requests. */
export function RequireAccess({ access, children }: { access: AccessKey; children: ReactNode }) {
  const a = useAuth().access;
  const { t } = useI18n();
  if (!a[access]) {
    return (
      <div data-testid="page-forbidden">
        <Result status="403" title="403" subTitle={t('page.forbidden')} extra={<BackHome />} />
      </div>
    );
  }
  return <>{children}</>;
}

export function HomeRedirect() {
  const { access } = useAuth();
  return <Navigate to={homePath(access)} replace />;
}

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <div data-testid="page-not-found">
      <Result status="404" title="404" subTitle={t('page.notFound')} extra={<BackHome />} />
    </div>
  );
}

/** For accounts without any management permission (e.g. a worker): a friendly landing page. */
export function WelcomePage() {
  const { me } = useAuth();
  const { t } = useI18n();
  return (
    <div data-testid="page-welcome">
      <Result status="info" title={t('page.welcome.title', { name: me?.user.displayName ?? '' })} subTitle={t('page.welcome.noFeatures')} />
    </div>
  );
}
