import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { Breadcrumb, Space, Typography } from 'antd';

export interface Crumb {
  title: ReactNode;
  path?: string;
}

/** The top of a page: where it sits (breadcrumbs), its title with tags, and its buttons. */
export function PageHeader({ title, crumbs, tags, extra, testId }: { title?: ReactNode; crumbs?: Crumb[]; tags?: ReactNode; extra?: ReactNode; testId?: string }) {
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
