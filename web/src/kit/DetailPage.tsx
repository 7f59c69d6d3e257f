import type { ReactNode } from 'react';
import { Link, useLocation, useParams } from 'react-router-dom';
import { App, Button, Card, Descriptions, Empty, Result, Skeleton, Space, Tabs, Timeline, Typography } from 'antd';
import type { z } from 'zod';
import type { Endpoint } from '../../../common/src/contracts/kit';
import type { HistoryEntry } from '../../../common/src/contracts/kit';
import { auditActionLabel } from '../../../common/src/audit-actions';
import { ApiError, call } from '../api/client';
import { useRequest } from '../app/use-request';
import { useApiError } from '../app/use-api-error';
import { useI18n } from '../i18n';
import { testId as tid } from '../app/test-id';
import { PageHeader, type Crumb } from './PageHeader';
import { menuTrail, selectedMenu } from '../app/layout/menu';
import { formatDateTime } from './format';
import { useText, type Text } from './text';

export interface Action {
  key: string;
  label: Text;
  icon?: ReactNode;
  /** From the server's answer of what the caller may do with this record (`can`, `actions`). */
  show?: boolean;
  danger?: boolean;
  primary?: boolean;
  /** Shown but not usable (nothing to act on yet). */
  disabled?: boolean;
  /** Ask first, with this text. */
  confirm?: Text;
  onClick: () => unknown;
  testId?: string;
  /** data-testid of the confirmation's OK button, where a test names it otherwise than `<testId>-ok`. */
  confirmTestId?: string;
}

/** Buttons for a record's actions: only those the server allows are shown; confirmation where declared. */
export function Actions({ actions, size }: { actions: (Action | false | null | undefined)[]; /** `small` in table rows. */ size?: 'small' | 'middle' }) {
  const text = useText();
  const { t } = useI18n();
  const { modal } = App.useApp();
  return (
    <Space wrap>
      {actions.filter((a): a is Action => !!a && a.show !== false).map((a) => (
        <Button
          key={a.key}
          icon={a.icon}
          danger={a.danger}
          disabled={a.disabled}
          size={size}
          type={a.primary ? 'primary' : 'default'}
          {...tid(a.testId ?? a.key)}
          onClick={() =>
            a.confirm
              ? modal.confirm({ title: text(a.label), content: text(a.confirm), okText: t('action.confirm'), cancelText: t('action.cancel'), okButtonProps: { danger: a.danger, ...tid(a.confirmTestId ?? `${a.testId ?? a.key}-ok`) }, onOk: () => a.onClick() })
              : a.onClick()
          }
        >
          {text(a.label)}
        </Button>
      ))}
    </Space>
  );
}

export interface Field {
  label: Text;
  value: ReactNode;
  span?: number;
  testId?: string;
}

/** A record's fields as a bordered description list; null/undefined values show as —. */
export function Fields({ items, column = 2, testId }: { items: (Field | false | null | undefined)[]; column?: number; testId?: string }) {
  const text = useText();
  return (
    <Descriptions column={{ xs: 1, sm: Math.min(column, 2), lg: column }} bordered size="small" data-testid={testId}>
      {items.filter((f): f is Field => !!f).map((f) => (
        <Descriptions.Item key={text(f.label)} label={text(f.label)} span={f.span}>
          <span data-testid={f.testId}>{f.value === null || f.value === undefined || f.value === '' ? '—' : f.value}</span>
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}

/** A record's audit entries as a timeline (who did what, when), from its history endpoint. */
export function History({ endpoint, id, reloadKey }: { endpoint: Endpoint; id: string; reloadKey?: unknown }) {
  const { t, pick } = useI18n();
  const { data, loading } = useRequest(() => call(endpoint, { params: { id } } as never) as Promise<HistoryEntry[]>, [id, reloadKey]);
  if (loading && !data) return <Skeleton active />;
  if (!data?.length) return <Empty description={t('kit.detail.historyEmpty')} />;
  return (
    <Timeline
      data-testid="record-history"
      items={data.map((e) => ({
        key: e.seq,
        content: (
          <div data-testid={`history-${e.action}`}>
            <Typography.Text strong>{pick(auditActionLabel(e.action))}</Typography.Text>
            <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
              {formatDateTime(e.at)} · {e.actorName ?? t('kit.history.system')}
            </Typography.Text>
            {e.detail && <div style={{ fontSize: 12 }}>{e.detail}</div>}
          </div>
        ),
      }))}
    />
  );
}

export interface DetailPageProps<T> {
  /** data-testid of the page root; `<id>-name` on the title, `<id>-error` on a failed load. */
  testId: string;
  /** The record's GET route with an `:id` path param: the id is read from the page's route. */
  get?: Endpoint & { response: z.ZodType<T> };
  /** The record's id where it is not the route's `:id` (a record shown beside a tree …). */
  id?: string;
  /** Or load it yourself (a record found otherwise than by the `:id` of the route). */
  load?: () => Promise<T>;
  deps?: unknown[];
  /** By default the page's place in the menu, then the record's title. */
  crumbs?: (r: T | undefined) => Crumb[];
  title: (r: T) => ReactNode;
  tags?: (r: T) => ReactNode;
  actions?: (r: T, reload: () => void) => ReactNode;
  /** Notices above the body (an open transfer, an overdue step …). */
  alerts?: (r: T) => ReactNode;
  /** The body, or tabs; the history tab is added when `history` is given. */
  body?: (r: T, reload: () => void) => ReactNode;
  tabs?: (r: T, reload: () => void) => ({ key: string; label: Text; children: ReactNode } | false | null)[];
  history?: { endpoint: Endpoint; id: string };
  /** The open tab, when the page keeps it (in the URL, or to show a tab after an action). */
  activeTab?: string;
  onTabChange?: (key: string) => void;
  /** Where "back" goes when the record cannot be shown, and what to say then; by default the menu entry the page sits under. */
  back?: { path: string; label: Text };
  notFound?: Text;
  /** Extra data-* on the root (ids the tests read). */
  rootProps?: (r: T) => Record<string, string>;
}

/**
 * A record's page: breadcrumbs, the title with its status tag, the actions the server allows,
 * notices, the body or tabs, and the record's history from the audit log. A missing record (or one
 * outside the caller's scope, which looks the same) shows a 404 with the way back.
 */
export function DetailPage<T>(p: DetailPageProps<T>) {
  const { t } = useI18n();
  const text = useText();
  const { showError } = useApiError();
  const routeId = useParams().id;
  const id = p.id ?? routeId;
  const { pathname } = useLocation();
  const load = p.load ?? (() => call(p.get!, { params: { id: id! } } as never) as Promise<T>);
  const { data: r, loading, error, reload } = useRequest(load, p.deps ?? [id], (e) => !(e instanceof ApiError && e.status === 404) && showError(e));
  const trail = menuTrail(pathname).map((c) => ({ title: t(c.label), path: c.path }));
  const crumbs = p.crumbs ?? ((x: T | undefined) => [...trail, ...(x ? [{ title: p.title(x) }] : [])]);
  const selected = selectedMenu(pathname).selected;
  const back = p.back ?? { path: selected ?? '/', label: menuTrail(pathname).at(-1)?.label ?? 'menu.dashboard' };
  if (error && !r) {
    const notFound = error instanceof ApiError && (error.status === 404 || error.status === 403);
    return (
      <div data-testid={`${p.testId}-error`}>
        <PageHeader crumbs={crumbs(undefined)} />
        <Result status={notFound ? '404' : 'error'} title={notFound ? text(p.notFound ?? 'kit.detail.notFound') : t('error.loadFailed')} extra={<Link to={back.path}>{text(back.label)}</Link>} />
      </div>
    );
  }
  if (!r || loading && !r) return <Skeleton active paragraph={{ rows: 12 }} />;
  const tabs = p.tabs?.(r, reload).filter((x): x is { key: string; label: Text; children: ReactNode } => !!x) ?? [];
  const history = p.history ? <History endpoint={p.history.endpoint} id={p.history.id} reloadKey={r} /> : null;
  return (
    <div data-testid={p.testId} {...(p.rootProps?.(r) ?? {})}>
      <PageHeader crumbs={crumbs(r)} title={p.title(r)} tags={p.tags?.(r)} extra={p.actions?.(r, reload)} testId={`${p.testId}-name`} />
      {p.alerts?.(r)}
      {tabs.length ? (
        <Card size="small">
          <Tabs
            activeKey={p.activeTab}
            onChange={p.onTabChange}
            items={[...tabs.map((x) => ({ key: x.key, label: text(x.label), children: x.children })), ...(history ? [{ key: 'history', label: t('kit.detail.history'), children: history }] : [])]}
          />
        </Card>
      ) : (
        <>
          {p.body?.(r, reload)}
          {history && (
            <Card title={t('kit.detail.history')} size="small" style={{ marginTop: 16 }}>
              {history}
            </Card>
          )}
        </>
      )}
    </div>
  );
}
