import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Button, Card, Checkbox, Input, Select, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { orgApi } from '../../../api/orgs';
import type { Org, OrgListParams } from '../../../api/types';
import { useRequest } from '../../../app/use-request';
import { useApiError } from '../../../app/use-api-error';
import { useMeta } from '../../../app/meta-context';
import { useI18n } from '../../../i18n';
import { testId } from '../../../app/test-id';
import { ActiveTag, TermTag } from './org-tags';
import { OrgSelect } from './OrgSelect';

type SortKey = NonNullable<OrgListParams['sort']>;
const SORTABLE: SortKey[] = ['code', 'name', 'employeeCount', 'termEnd', 'updatedAt'];

/** Read list parameters from the URL, so filtered lists can be linked to (dashboard cards) and survive reloads. */
function paramsFrom(sp: URLSearchParams, defaults: OrgListParams, fixed: OrgListParams): OrgListParams {
  const get = (k: string) => sp.get(k) ?? undefined;
  const sort = get('sort') as SortKey | undefined;
  return {
    ...defaults,
    q: get('q'),
    level: get('level'),
    kind: get('kind'),
    under: get('under'),
    active: (get('active') as OrgListParams['active']) ?? defaults.active ?? 'true',
    termStatus: (get('termStatus') as OrgListParams['termStatus']) ?? defaults.termStatus,
    noChair: get('noChair') === 'true' ? 'true' : undefined,
    sort: sort && SORTABLE.includes(sort) ? sort : (defaults.sort ?? 'code'),
    order: get('order') === 'desc' ? 'desc' : get('order') === 'asc' ? 'asc' : (defaults.order ?? 'asc'),
    page: Number(get('page')) || 1,
    pageSize: Number(get('pageSize')) || 20,
    ...fixed,
  };
}

export interface OrgListViewProps {
  title: string;
  testIdPrefix: string;
  defaults?: OrgListParams;
  /** Parameters this view always uses (the warnings page pins termStatus). */
  fixed?: OrgListParams;
  hideFilters?: ('termStatus' | 'active')[];
}

const NONE: OrgListParams = {};
const NO_HIDDEN: ('termStatus' | 'active')[] = [];

export function OrgListView({ title, testIdPrefix, defaults = NONE, fixed = NONE, hideFilters = NO_HIDDEN }: OrgListViewProps) {
  const { t } = useI18n();
  const { meta, levelLabel, kindLabel } = useMeta();
  const { showError } = useApiError();
  const [sp, setSp] = useSearchParams();
  const params = useMemo(() => paramsFrom(sp, defaults, fixed), [sp, defaults, fixed]);
  const { data, loading, reload } = useRequest(() => orgApi.list(params), [JSON.stringify(params)], showError);
  // The "under" filter may arrive by link (a dashboard bar): fetch its name for the select's label.
  const { data: underOrg } = useRequest(() => (params.under ? orgApi.get(params.under) : Promise.resolve(null)), [params.under]);

  /** Change URL parameters; any filter change goes back to page 1. */
  const update = (patch: Record<string, string | number | undefined | null>, keepPage = false) => {
    const next = new URLSearchParams(sp);
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined || v === null || v === '') next.delete(k);
      else next.set(k, String(v));
    }
    if (!keepPage) next.delete('page');
    setSp(next, { replace: false });
  };

  const sortOrder = (key: SortKey) => (params.sort === key ? (params.order === 'desc' ? 'descend' : 'ascend') : null);

  const columns: TableProps<Org>['columns'] = [
    { title: t('org.field.code'), dataIndex: 'code', key: 'code', sorter: true, sortOrder: sortOrder('code'), width: 130 },
    {
      title: t('org.field.name'),
      dataIndex: 'name',
      key: 'name',
      sorter: true,
      sortOrder: sortOrder('name'),
      width: 260,
      render: (name: string, o) => (
        <Link to={`/orgs/${o.id}`} data-testid={`org-link-${o.code}`}>
          {name}
        </Link>
      ),
    },
    { title: t('org.field.level'), dataIndex: 'level', key: 'level', width: 170, render: (l: string) => <span style={{ whiteSpace: 'nowrap' }}>{levelLabel(l)}</span> },
    { title: t('org.field.kind'), dataIndex: 'kind', key: 'kind', width: 150, render: (k: string | null) => (k ? kindLabel(k) : '—') },
    {
      title: t('org.field.parent'),
      dataIndex: 'parentName',
      key: 'parent',
      width: 180,
      ellipsis: true,
      render: (n: string | null, o) => (o.parentId ? <Link to={`/orgs/${o.parentId}`}>{n}</Link> : '—'),
    },
    {
      title: t('org.field.employeeCount'),
      dataIndex: 'employeeCount',
      key: 'employeeCount',
      sorter: true,
      sortOrder: sortOrder('employeeCount'),
      align: 'right',
      width: 110,
      render: (n: number | null) => (n === null ? '—' : n.toLocaleString()),
    },
    {
      title: t('org.field.chairName'),
      dataIndex: 'chairName',
      key: 'chairName',
      width: 100,
      render: (c: string | null, o) => c ?? (o.level === 'grassroots' ? <Typography.Text type="warning">{t('org.noChair')}</Typography.Text> : '—'),
    },
    {
      title: t('org.field.termEnd'),
      dataIndex: 'termEnd',
      key: 'termEnd',
      sorter: true,
      sortOrder: sortOrder('termEnd'),
      width: 170,
      render: (_: unknown, o) => <TermTag status={o.termStatus} end={o.termEnd} />,
    },
    { title: t('org.field.active'), dataIndex: 'active', key: 'active', width: 80, render: (a: boolean) => <ActiveTag active={a} /> },
  ];

  const levelOptions = (meta?.orgLevels ?? []).map((l) => ({ value: l.code, label: levelLabel(l.code) }));
  const kindOptions = (meta?.orgKinds ?? []).map((k) => ({ value: k.code, label: kindLabel(k.code) }));

  return (
    <div data-testid={`${testIdPrefix}-page`}>
      <div className="gh-page-header">
        <Typography.Title level={4}>{title}</Typography.Title>
        <Button icon={<ReloadOutlined />} onClick={reload} data-testid={`${testIdPrefix}-reload`}>
          {t('action.refresh')}
        </Button>
      </div>
      <Card>
        <div className="gh-filters" data-testid={`${testIdPrefix}-filters`}>
          <Input.Search
            key={`q-${params.q ?? ''}`}
            defaultValue={params.q}
            placeholder={t('org.filter.q')}
            aria-label={t('org.filter.q')}
            allowClear
            onSearch={(q) => update({ q: q.trim() })}
            style={{ width: 260 }}
            data-testid="org-filter-q"
          />
          <Select
            value={params.level}
            onChange={(v: string | undefined) => update({ level: v })}
            options={levelOptions}
            allowClear
            placeholder={t('org.field.level')}
            style={{ width: 180 }}
            data-testid="org-filter-level"
          />
          <Select
            value={params.kind}
            onChange={(v: string | undefined) => update({ kind: v })}
            options={kindOptions}
            allowClear
            placeholder={t('org.field.kind')}
            style={{ width: 170 }}
            data-testid="org-filter-kind"
          />
          {!hideFilters.includes('termStatus') && (
            <Select
              value={params.termStatus}
              onChange={(v: string | undefined) => update({ termStatus: v })}
              allowClear
              placeholder={t('org.filter.termStatus')}
              style={{ width: 150 }}
              data-testid="org-filter-term"
              options={[
                { value: 'expiring', label: t('term.expiring') },
                { value: 'expired', label: t('term.expired') },
                { value: 'due', label: t('term.due') },
              ]}
            />
          )}
          {!hideFilters.includes('active') && (
            <Select
              value={params.active}
              onChange={(v: string) => update({ active: v === 'true' ? undefined : v })}
              style={{ width: 120 }}
              data-testid="org-filter-active"
              options={[
                { value: 'true', label: t('common.active') },
                { value: 'false', label: t('common.inactive') },
                { value: 'all', label: t('common.all') },
              ]}
            />
          )}
          <OrgSelect
            value={params.under}
            known={underOrg ? [{ id: underOrg.id, name: underOrg.name }] : undefined}
            onChange={(v) => update({ under: v as string | undefined })}
            allowClear
            placeholder={t('org.filter.under')}
            style={{ width: 240 }}
            data-testid="org-filter-under"
          />
          <Checkbox checked={params.noChair === 'true'} onChange={(e) => update({ noChair: e.target.checked ? 'true' : undefined })} data-testid="org-filter-nochair">
            {t('org.filter.noChair')}
          </Checkbox>
          <Button
            onClick={() => setSp(new URLSearchParams())}
            data-testid="org-filter-reset"
          >
            {t('action.reset')}
          </Button>
        </div>
        <Table<Org>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={data?.items}
          loading={loading}
          data-testid={`${testIdPrefix}-table`}
          scroll={{ x: 1400 }}
          onRow={(o) => testId(`org-row-${o.code}`)}
          locale={{ emptyText: t('common.noData') }}
          onChange={(pagination, _filters, sorter, extra) => {
            if (extra.action === 'sort') {
              const s = Array.isArray(sorter) ? sorter[0] : sorter;
              const key = s?.order ? (s.columnKey as SortKey) : undefined;
              update({ sort: key, order: key ? (s!.order === 'descend' ? 'desc' : 'asc') : undefined });
            } else if (extra.action === 'paginate') {
              update({ page: pagination.current, pageSize: pagination.pageSize }, true);
            }
          }}
          pagination={{
            current: params.page,
            pageSize: params.pageSize,
            total: data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [10, 20, 50, 100],
            showTotal: (total) => t('common.total', { n: total }),
          }}
        />
      </Card>
    </div>
  );
}
