import { Link } from 'react-router-dom';
import { Alert, Space, Typography } from 'antd';
import { orgApi } from '../../../../common/src/contracts/org';
import { ListPage, StatusTag } from '../../kit';
import { useI18n, type MessageKey } from '../../i18n';
import { ACTIVE, KINDS, LEVELS, TERM } from './vocab';

const TERM_FILTER = { expiring: TERM.expiring, expired: TERM.expired, due: TERM.due };
const ACTIVE_FILTER = { true: ACTIVE.true, false: ACTIVE.false, all: { zh: '全部', en: 'All' } };

/** The organisations in scope, filtered; the term-warnings page is the same list pinned to terms due. */
export function OrgList({ testId, title, due }: { testId: string; title: MessageKey; due?: boolean }) {
  const { t } = useI18n();
  return (
    <ListPage testId={testId} title={title}
      crumbs={[{ title: t('menu.org') }, { title: t(title) }]}
      endpoint={orgApi.list}
      fixed={due ? { termStatus: 'due' } : undefined}
      defaults={due ? { sort: 'termEnd', order: 'asc' } : undefined}
      rowTestId={(o) => `org-row-${o.code}`}
      scrollX={1400}
      filters={[
        { name: 'q', label: 'org.filter.q' },
        { name: 'level', label: 'org.field.level', kind: 'select', vocab: LEVELS },
        { name: 'kind', label: 'org.field.kind', kind: 'select', vocab: KINDS },
        !due && { name: 'termStatus', label: 'org.filter.termStatus', kind: 'select', vocab: TERM_FILTER },
        { name: 'active', label: 'org.field.active', kind: 'select', vocab: ACTIVE_FILTER },
        { name: 'under', label: 'org.filter.under', kind: 'org' },
        { name: 'flags', label: 'org.filter.noChair', kind: 'flags', options: [{ value: 'noChair', label: t('org.filter.noChair') }] },
      ]}
      columns={[
        { key: 'code', title: 'org.field.code', dataIndex: 'code', sort: 'code', width: 130, fixedShown: true },
        { key: 'name', title: 'org.field.name', dataIndex: 'name', sort: 'name', width: 260, fixedShown: true, render: (n: string, o) => <Link to={`/orgs/${o.id}`} data-testid={`org-link-${o.code}`}>{n}</Link> },
        { key: 'level', title: 'org.field.level', dataIndex: 'level', width: 170, render: (l: string) => <StatusTag vocab={LEVELS} value={l} /> },
        { key: 'kind', title: 'org.field.kind', dataIndex: 'kind', width: 150, render: (k: string | null) => (k ? <StatusTag vocab={KINDS} value={k} /> : '—') },
        // The parent may lie above the caller's scope: shown by name, linked only where the caller may open it (the server says, by parentId being in scope).
        { key: 'parent', title: 'org.field.parent', dataIndex: 'parentName', width: 180, ellipsis: true },
        { key: 'employeeCount', title: 'org.field.employeeCount', dataIndex: 'employeeCount', sort: 'employeeCount', align: 'right', width: 110, render: (n: number | null) => n?.toLocaleString() ?? '—' },
        { key: 'chairName', title: 'org.field.chairName', dataIndex: 'chairName', width: 100, render: (c: string | null, o) => c ?? (o.level === 'grassroots' ? <Typography.Text type="warning">{t('org.noChair')}</Typography.Text> : '—') },
        { key: 'termEnd', title: 'org.field.termEnd', dataIndex: 'termEnd', sort: 'termEnd', width: 190, render: (e: string | null, o) => <Space size={4}>{e}<StatusTag vocab={TERM} value={o.termStatus} testId="term-tag" /></Space> },
        { key: 'active', title: 'org.field.active', dataIndex: 'active', width: 90, render: (a: boolean) => <StatusTag vocab={ACTIVE} value={String(a)} /> },
      ]}
    />
  );
}

export default function OrgListPage() {
  return <OrgList testId="org-list" title="menu.orgList" />;
}

/** 换届提醒: every body whose committee term has ended or ends within 90 days, soonest first. */
export function TermWarningsPage() {
  const { t } = useI18n();
  return (
    <>
      <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('org.warnings.note')} data-testid="org-warnings-note" />
      <OrgList testId="org-warnings" title="menu.orgWarnings" due />
    </>
  );
}
