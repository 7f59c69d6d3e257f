import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { menuTrail } from '../app/layout/menu';
import { useI18n } from '../i18n';
import { Breadcrumb, Space, Typography } from 'antd';

export interface Crumb {
  title: ReactNode;
  path?: string;
}

/**
 * The top of a page: where it sits (breadcrumbs: the page's own, or else its place in the menu), its
 * title with tags, and its buttons.
 */
export function PageHeader({ title, crumbs: own, tags, extra, testId }: { title?: ReactNode; crumbs?: Crumb[]; tags?: ReactNode; extra?: ReactNode; testId?: string }) {
  const { pathname } = useLocation();
  const { t } = useI18n();
  const crumbs = own ?? menuTrail(pathname).map((c) => ({ title: t(c.label), path: c.path }));
  return (
    <>
      {crumbs && crumbs.length > 0 && (
        <Breadcrumb
          style={{ marginBottom: 8 }}
          data-testid="page-breadcrumb"
          items={crumbs.map((c) => ({ title: c.path ? <Link to={c.path}>{c.title}</Link> : c.title }))}
        />
      )}
      <div className="gh-page-header">
        <Space align="center" wrap>
          {title !== undefined && (
            <Typography.Title level={4} data-testid={testId}>
              {title}
            </Typography.Title>
          )}
          {tags}
        </Space>
        {extra}
      </div>
    </>
  );
}
