import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Checkbox, Col, Form, Popover, Row, Space, Table, Typography } from 'antd';
import type { TableColumnType, TableProps } from 'antd';
import { DownloadOutlined, PlusOutlined, ReloadOutlined, SearchOutlined, SettingOutlined } from '@ant-design/icons';
import type { z } from 'zod';
import type { Endpoint, EndpointOutput } from '../../../common/src/contracts/kit';
import { call, urlOf } from '../api/client';
import { useRequest } from '../app/use-request';
import { useApiError } from '../app/use-api-error';
import { useI18n } from '../i18n';
import { testId as tid } from '../app/test-id';
import { useFieldInput, type FieldSpec } from './fields';
import { countText } from './format';
import { useText, type Text } from './text';
import { PageHeader, type Crumb } from './PageHeader';
import { ExportButton } from './ExportButton';
import { ExportDialog, type ExportOptions } from './ExportDialog';
import { FormModal, type FormModalProps } from './FormModal';
import { menuTrail } from '../app/layout/menu';

type Item<E extends Endpoint> = EndpointOutput<E> extends { items: (infer I)[] } ? I : EndpointOutput<E> extends (infer I)[] ? I : never;

export interface ListColumn<T> extends Omit<TableColumnType<T>, 'title' | 'sorter' | 'sortOrder'> {
  key: string;
  title: Text;
  /** The API's sort key for this column (server-side sort). */
  sort?: string;
  /** Column settings cannot hide it. */
  fixedShown?: boolean;
  /** The column shows the sort key the other way round (age, sorted by birth date): its arrows are flipped. */
  sortInverse?: boolean;
}

/** A filter: a field of the list's query. `dateRange` filters name the two query keys in `keys`. */
export type FilterSpec = FieldSpec & { name: string; keys?: [string, string] };

/**
 * A list's "new" button (primary, beside the title; shown when `show` is not false) and the form it
 * opens: the kit's FormModal titled with the button's label, or a form of the page's own (`render`).
 * After a successful submit the new record's page (`to`) opens, or the list reloads.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface CreateSpec<R = { id: string }, V = any> {
  label: Text;
  show?: boolean;
  /** data-testid of the button. */
  testId: string;
  form?: Omit<FormModalProps<V>, 'open' | 'title' | 'onClose' | 'onDone' | 'onSubmit'> & { onSubmit: (values: V) => Promise<R> };
  render?: (close: () => void, done: (r: R) => void) => ReactNode;
  to?: (r: R) => string;
}

export interface ListPageProps<E extends Endpoint> {
  /** data-testid prefix: `<id>-page`, `<id>-filters`, `<id>-filter-<name>`, `<id>-search`, `<id>-reset`, `<id>-table`, `<id>-reload`. */
  testId: string;
  title?: Text;
  crumbs?: Crumb[];
  endpoint: E;
  columns: (ListColumn<Item<E>> | false | null | undefined)[];
  filters?: (FilterSpec | false | null | undefined)[];
  /** Query values always sent (not shown in the URL), e.g. path params of a nested list. */
  fixed?: Record<string, unknown>;
  /** Query values used until the URL says otherwise (a page's own default sort …). */
  defaults?: Record<string, unknown>;
  /** URL keys that belong to the page, not to the list (its tab): reset leaves them. */
  keep?: string[];
  params?: Record<string, unknown>;
  rowKey?: string;
  rowTestId?: (r: Item<E>) => string;
  onRow?: TableProps<Item<E>>['onRow'];
  /** Buttons beside the title. */
  toolbar?: ReactNode;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  create?: CreateSpec<any>;
  /** data-testids of the filter bar's buttons where a test names them otherwise than `<testId>-search` / `<testId>-reset`. */
  buttonTestIds?: { search?: string; reset?: string };
  /** A download honouring the current filters (the export endpoint's query takes the same filters). */
  exportTo?: Endpoint;
  /** A background export of this kind (platform/export-jobs.ts) with the current filters: progress, then the file. With exportOptions, the dialog's choices start it. */
  exportKind?: string;
  exportQuery?: Record<string, unknown>;
  /** Export through a dialog (file format; the values in clear for who may, confirmed, audited by the server) instead of a plain link. */
  exportOptions?: ExportOptions;
  /** Shown above the table (summary cards …). */
  extra?: (data: EndpointOutput<E> | undefined) => ReactNode;
  /** Shown under the table (totals …). */
  footer?: (data: EndpointOutput<E>) => ReactNode;
  empty?: Text;
  /** Reload when this changes (after an edit made elsewhere on the page). */
  reloadKey?: unknown;
  scrollX?: number;
  /** Without the page header (a list inside a tab or below a form); `title` then heads the table's card. */
  embedded?: boolean;
  /**
   * A second list on the page keeps its own paging and sort in the URL under this prefix
   * (`<prefix>page`, `<prefix>sort` …), while it reads the page's filters by their own names.
   */
  pagingPrefix?: string;
  expandable?: TableProps<Item<E>>['expandable'];
  rowSelection?: TableProps<Item<E>>['rowSelection'];
  /** data-testid of the table, where a test names it otherwise than `<testId>-table`. */
  tableTestId?: string;
}

/** Parse the URL's query with the endpoint's own schema; a key that does not parse is dropped, not fatal. */
const PAGING_KEYS = ['page', 'pageSize', 'sort', 'order'];
function queryFrom<E extends Endpoint>(e: E, sp: URLSearchParams, defaults: Record<string, unknown> = {}, prefix?: string): Record<string, unknown> {
  const raw: Record<string, unknown> = { ...defaults };
  sp.forEach((v, k) => {
    if (v !== '') raw[k] = v;
  });
  if (prefix)
    for (const k of PAGING_KEYS) {
      delete raw[k];
      if (sp.get(prefix + k)) raw[k] = sp.get(prefix + k);
    }
  const schema = e.query as z.ZodType | undefined;
  if (!schema) return {};
  for (let i = 0; i < 8; i++) {
    const r = schema.safeParse(raw);
    if (r.success) return r.data as Record<string, unknown>;
    const bad = new Set(r.error.issues.map((x) => String(x.path[0] ?? '')));
    const unknownKeys = r.error.issues.flatMap((x) => ((x as { keys?: string[] }).keys ?? []));
    for (const k of [...bad, ...unknownKeys]) delete raw[k];
    if (!bad.size && !unknownKeys.length) break;
  }
  return (schema.safeParse({}).data as Record<string, unknown>) ?? {};
}

const colsKey = (id: string) => `gonghui.columns.${id}`;
function readHidden(id: string): string[] {
  try {
    return JSON.parse(localStorage.getItem(colsKey(id)) ?? '[]') as string[];
  } catch {
    return [];
  }
}

/**
 * A list page: filters kept in the URL (a copied link reopens the same view), server-side sort and
 * pagination with the total or the capped total ("1,000+"), column settings, an export that
 * honours the filters, and loading, empty and error states. A page declares its endpoint, columns
 * and filters; see docs/architecture.md "Adding a module".
 */
export function ListPage<E extends Endpoint>(p: ListPageProps<E>) {
  const { t, lang } = useI18n();
  const text = useText();
  const input = useFieldInput();
  const { showError } = useApiError();
  const [sp, setSp] = useSearchParams();
  const [form] = Form.useForm();
  // Pages pass their defaults inline: compare them by value, not by identity.
  const defaultsKey = p.defaults === undefined ? undefined : JSON.stringify(p.defaults);
  const query = useMemo(() => queryFrom(p.endpoint, sp, defaultsKey === undefined ? undefined : JSON.parse(defaultsKey), p.pagingPrefix), [p.endpoint, sp, defaultsKey, p.pagingPrefix]);
  const filters = (p.filters ?? []).filter((f): f is FilterSpec => !!f && !f.hidden);
  const load = () => call(p.endpoint as Endpoint, { query: { ...query, ...p.fixed }, params: p.params } as never) as Promise<EndpointOutput<E>>;
  const { data, loading, error, reload } = useRequest(load, [JSON.stringify(query), JSON.stringify(p.fixed), JSON.stringify(p.params), p.reloadKey], showError);
  const [hidden, setHidden] = useState<string[]>(() => readHidden(p.testId));
  const [creating, setCreating] = useState(false);
  const navigate = useNavigate();
  const { pathname } = useLocation();
  // The page's own menu entry names it, unless it says otherwise.
  const title = p.title ?? (p.embedded ? undefined : menuTrail(pathname).at(-1)?.label);
  const created = (r: { id: string }) => {
    setCreating(false);
    if (p.create?.to) navigate(p.create.to(r));
    else reload();
  };

  // The filter form shows what the URL says.
  useEffect(() => {
    const v: Record<string, unknown> = {};
    for (const f of filters) {
      if (f.kind === 'dateRange' && f.keys) v[f.name] = query[f.keys[0]] || query[f.keys[1]] ? [query[f.keys[0]] ?? null, query[f.keys[1]] ?? null] : null;
      else if (f.kind === 'flags') v[f.name] = (f.options ?? []).map((o) => String(o.value)).filter((k) => query[k] === 'true' || query[k] === true);
      else v[f.name] = query[f.name] ?? undefined;
    }
    form.setFieldsValue(v);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [query, form]);

  const setQuery = (patch: Record<string, unknown>, keepPage = false) => {
    const next = new URLSearchParams(sp);
    for (const [key, v] of Object.entries(patch)) {
      const k = p.pagingPrefix && PAGING_KEYS.includes(key) ? p.pagingPrefix + key : key;
      if (v === undefined || v === null || v === '' || (Array.isArray(v) && !v.length)) next.delete(k);
      else next.set(k, Array.isArray(v) ? v.join(',') : String(v));
    }
    if (!keepPage) next.delete(`${p.pagingPrefix ?? ''}page`);
    setSp(next);
  };
  const search = () => {
    const v = form.getFieldsValue() as Record<string, unknown>;
    const patch: Record<string, unknown> = {};
    for (const f of filters) {
      const x = v[f.name];
      if (f.kind === 'dateRange' && f.keys) {
        const r = (x as [string | null, string | null] | null) ?? [null, null];
        patch[f.keys[0]] = r[0];
        patch[f.keys[1]] = r[1];
      } else if (f.kind === 'flags') {
        for (const o of f.options ?? []) patch[String(o.value)] = (x as string[] | undefined)?.includes(String(o.value)) ? 'true' : undefined;
      } else patch[f.name] = typeof x === 'string' ? x.trim() : x;
    }
    setQuery(patch);
  };
  const reset = () => {
    form.resetFields();
    setSp(new URLSearchParams((p.keep ?? []).flatMap((k) => (sp.has(k) ? [[k, sp.get(k)!]] : []))));
  };

  const sortOrder = (key: string, inverse?: boolean) => (query.sort === key ? ((query.order === 'desc') !== !!inverse ? 'descend' : 'ascend') : null);
  const allColumns = p.columns.filter((c): c is ListColumn<Item<E>> => !!c);
  const columns: TableProps<Item<E>>['columns'] = allColumns
    .filter((c) => c.fixedShown || !hidden.includes(c.key))
    .map(({ title, sort, fixedShown: _f, sortInverse, ...c }) => ({ ...c, title: text(title), ...(sort ? { sorter: true, sortOrder: sortOrder(sort, sortInverse) } : {}), ...(sort ? { key: sort } : {}) }));
  const toggleColumn = (key: string, show: boolean) => {
    const next = show ? hidden.filter((k) => k !== key) : [...hidden, key];
    setHidden(next);
    try {
      localStorage.setItem(colsKey(p.testId), JSON.stringify(next));
    } catch {
      // not kept; still applied on this page
    }
  };
  // A short list the server answers whole (an array, e.g. roles) is shown on one page.
  const whole = (p.endpoint.response as { type?: string }).type === 'array';
  const page = (whole && Array.isArray(data) ? { items: data, total: data.length } : data) as unknown as { items: Item<E>[]; total: number; totalExact?: boolean; totalEstimate?: number } | undefined;
  const filtered = filters.some((f) => (f.keys ?? (f.kind === 'flags' ? (f.options ?? []).map((o) => String(o.value)) : [f.name])).some((k) => query[k] !== undefined && query[k] !== null && query[k] !== ''));
  const exportInput = { ...Object.fromEntries(Object.entries(query).filter(([k]) => !['page', 'pageSize', 'sort', 'order'].includes(k))), ...p.fixed, ...p.exportQuery };
  const exportHref = p.exportTo && !p.exportOptions ? urlOf(p.exportTo, { query: exportInput }) : null;

  const tools = (
    <Space wrap>
      <Button icon={<ReloadOutlined />} onClick={reload} {...tid(`${p.testId}-reload`)}>
        {t('action.refresh')}
      </Button>
      <Popover
        trigger="click"
        placement="bottomRight"
        content={
          <Space orientation="vertical" {...tid(`${p.testId}-columns`)}>
            {allColumns.filter((c) => !c.fixedShown).map((c) => (
              <Checkbox key={c.key} checked={!hidden.includes(c.key)} onChange={(e) => toggleColumn(c.key, e.target.checked)}>
                {text(c.title)}
              </Checkbox>
            ))}
          </Space>
        }
      >
        <Button icon={<SettingOutlined />} {...tid(`${p.testId}-columns-btn`)}>
          {t('kit.list.columns')}
        </Button>
      </Popover>
      {p.exportKind && !p.exportOptions && <ExportButton kind={p.exportKind} query={{ ...query, ...p.fixed, ...p.exportQuery }} testId={p.testId} />}
      {exportHref && !p.exportKind && (
        <Button icon={<DownloadOutlined />} href={exportHref} title={t('kit.list.exportHint')} {...tid(`${p.testId}-export`)}>
          {t('kit.list.export')}
        </Button>
      )}
      {p.exportTo && p.exportOptions && <ExportDialog endpoint={p.exportTo} query={exportInput} count={page && { total: page.total, exact: page.totalExact ?? true, estimate: page.totalEstimate }} testId={p.testId} kind={p.exportKind} {...p.exportOptions} />}
      {p.toolbar}
      {p.create && p.create.show !== false && (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} {...tid(p.create.testId)}>
          {text(p.create.label)}
        </Button>
      )}
    </Space>
  );
  const createForm = p.create?.form && (
    <FormModal {...p.create.form} open={creating} title={text(p.create.label)} onClose={() => setCreating(false)} onDone={(r) => created(r as { id: string })} />
  );

  return (
    <div data-testid={`${p.testId}-page`}>
      {!p.embedded && <PageHeader title={title ? text(title) : undefined} crumbs={p.crumbs} extra={tools} />}
      {createForm}
      {creating && p.create?.render?.(() => setCreating(false), created)}
      {filters.length > 0 && (
        <Card style={{ marginBottom: 16 }} size="small">
          <Form form={form} layout="vertical" onFinish={search} data-testid={`${p.testId}-filters`}>
            <Row gutter={16}>
              {filters.map((f) => (
                <Col key={f.name} xs={24} sm={12} lg={f.span ?? 6}>
                  <Form.Item name={f.name} label={f.kind === 'flags' ? ' ' : f.label ? text(f.label) : undefined} colon={f.kind !== 'flags'} style={{ marginBottom: 12 }}>
                    {input({ ...f, kind: f.kind === 'flags' ? 'flags' : f.kind }, f.testId ?? `${p.testId}-filter-${f.name}`)}
                  </Form.Item>
                </Col>
              ))}
              <Col flex="auto" style={{ display: 'flex', alignItems: 'flex-end', justifyContent: 'flex-end' }}>
                <Form.Item style={{ marginBottom: 12 }}>
                  <Space>
                    <Button onClick={reset} {...tid(p.buttonTestIds?.reset ?? `${p.testId}-reset`)}>
                      {t('action.reset')}
                    </Button>
                    <Button type="primary" htmlType="submit" icon={<SearchOutlined />} {...tid(p.buttonTestIds?.search ?? `${p.testId}-search`)}>
                      {t('action.search')}
                    </Button>
                  </Space>
                </Form.Item>
              </Col>
            </Row>
          </Form>
        </Card>
      )}
      {p.extra?.(data)}
      {error && !data ? (
        <Alert type="error" showIcon title={t('kit.list.loadFailed')} action={<Button onClick={reload}>{t('kit.list.retry')}</Button>} data-testid={`${p.testId}-error`} />
      ) : (
        <Card size="small" title={p.embedded && p.title ? text(p.title) : undefined} extra={p.embedded ? tools : undefined}>
          <Table<Item<E>>
            rowKey={p.rowKey ?? 'id'}
            size="middle"
            columns={columns}
            dataSource={page?.items}
            loading={loading}
            scroll={{ x: p.scrollX ?? 960 }}
            expandable={p.expandable}
            rowSelection={p.rowSelection}
            data-testid={p.tableTestId ?? `${p.testId}-table`}
            onRow={(r, i) => ({ ...(p.rowTestId ? tid(p.rowTestId(r)) : {}), ...(p.onRow?.(r, i) ?? {}) })}
            locale={{ emptyText: filtered ? t('kit.list.noMatch') : text(p.empty ?? 'kit.list.empty') }}
            onChange={(pagination, _f, sorter, extra) => {
              if (extra.action === 'sort') {
                const s = Array.isArray(sorter) ? sorter[0] : sorter;
                const key = s?.order ? String(s.columnKey) : undefined;
                const inverse = allColumns.some((c) => c.sort === key && c.sortInverse);
                setQuery({ sort: key, order: key ? ((s?.order === 'descend') !== inverse ? 'desc' : 'asc') : undefined });
              } else if (extra.action === 'paginate') {
                setQuery({ page: pagination.current, pageSize: pagination.pageSize }, true);
              }
            }}
            pagination={whole ? false : {
              current: Number(query.page ?? 1),
              pageSize: Number(query.pageSize ?? 20),
              total: page?.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: [10, 20, 50, 100],
              showTotal: (n) => <span data-testid={`${p.testId}-total`}>{t('kit.list.total', { n: countText(n, page?.totalExact ?? true, page?.totalEstimate, lang) })}</span>,
            }}
          />
          {data && p.footer && <div style={{ marginTop: 8 }}>{p.footer(data)}</div>}
        </Card>
      )}
    </div>
  );
}

/** A link-like cell with a secondary line (name and number, union and district …). */
export function TwoLines({ main, sub }: { main: ReactNode; sub?: ReactNode }) {
  return (
    <Space orientation="vertical" size={0}>
      {main}
      {sub && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {sub}
        </Typography.Text>
      )}
    </Space>
  );
}
