import { useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { Button, Card, Space, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { memberApi, type MemberFilters, type MemberListItem, type MemberListParams, type MemberSort } from '../../api/members';
import { orgApi } from '../../api/orgs';
import { useRequest } from '../../app/use-request';
import { useApiError } from '../../app/use-api-error';
import { useAccess } from '../../app/auth-context';
import { useI18n } from '../../i18n';
import { testId } from '../../app/test-id';
import { MemberSearchForm } from './components/MemberSearchForm';
import { ExportButton } from './components/ExportButton';
import { MemberFormModal, type MemberFormTarget } from './components/MemberFormModal';
import { EmploymentFormTag, MemberStatusTag, Mono } from './components/member-tags';

const SORTABLE: MemberSort[] = ['joinDate', 'name', 'cardNo', 'birthDate'];
const FILTER_KEYS = ['q', 'idNumber', 'mobile', 'cardNo', 'orgId', 'employmentForm', 'migrantWorker', 'status', 'joinFrom', 'joinTo', 'sex', 'minAge', 'maxAge'] as const;

/** Filters, sorting and page live in the URL, so going back from a member's page returns to the same search. */
function paramsFrom(sp: URLSearchParams): MemberListParams {
  const get = (k: string) => sp.get(k) || undefined;
  const num = (k: string) => (get(k) !== undefined && Number.isFinite(Number(get(k))) ? Number(get(k)) : undefined);
  const sort = get('sort') as MemberSort | undefined;
  return {
    q: get('q'),
    idNumber: get('idNumber'),
    mobile: get('mobile'),
    cardNo: get('cardNo'),
    orgId: get('orgId'),
    employmentForm: get('employmentForm'),
    migrantWorker: get('migrantWorker') === 'true' || get('migrantWorker') === 'false' ? (get('migrantWorker') as 'true' | 'false') : undefined,
    status: get('status') as MemberFilters['status'],
    joinFrom: get('joinFrom'),
    joinTo: get('joinTo'),
    sex: get('sex') as MemberFilters['sex'],
    minAge: num('minAge'),
    maxAge: num('maxAge'),
    sort: sort && SORTABLE.includes(sort) ? sort : 'joinDate',
    order: get('order') === 'asc' ? 'asc' : 'desc',
    page: num('page') || 1,
    pageSize: num('pageSize') || 20,
  };
}

/** 会员查询: search the members in the user's scope; export, register. */
export default function MemberSearchPage() {
  const { t } = useI18n();
  const access = useAccess();
  const navigate = useNavigate();
  const { showError } = useApiError();
  const [sp, setSp] = useSearchParams();
  const params = useMemo(() => paramsFrom(sp), [sp]);
  const { data, loading, reload } = useRequest(() => memberApi.list(params), [JSON.stringify(params)], showError);
  const { data: union } = useRequest(() => (params.orgId ? orgApi.get(params.orgId) : Promise.resolve(null)), [params.orgId]);
  const [formTarget, setFormTarget] = useState<MemberFormTarget | null>(null);

  const filters: MemberFilters = useMemo(() => {
    const f: Record<string, unknown> = {};
    for (const k of FILTER_KEYS) if (params[k] !== undefined) f[k] = params[k];
    return f as MemberFilters;
  }, [params]);

  const update = (patch: Record<string, string | number | undefined | null>, keepPage = false) => {
    const next = new URLSearchParams(sp);
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined || v === null || v === '') next.delete(k);
      else next.set(k, String(v));
    }
    if (!keepPage) next.delete('page');
    setSp(next);
  };
  const search = (f: MemberFilters) => update(Object.fromEntries(FILTER_KEYS.map((k) => [k, f[k] as string | number | undefined])));

  const sortOrder = (key: MemberSort) => (params.sort === key ? (params.order === 'desc' ? 'descend' : 'ascend') : null);

  const columns: TableProps<MemberListItem>['columns'] = [
    {
      title: t('member.field.name'),
      dataIndex: 'name',
      key: 'name',
      sorter: true,
      sortOrder: sortOrder('name'),
      width: 100,
      fixed: 'left',
      render: (name: string, m) => (
        <Link to={`/members/${m.id}`} data-testid={`member-link-${m.cardNo}`}>
          {name}
        </Link>
      ),
    },
    { title: t('member.field.sex'), dataIndex: 'sex', key: 'sex', width: 56, render: (s: string) => t(s === 'F' ? 'member.sex.F' : 'member.sex.M') },
    { title: t('member.field.age'), dataIndex: 'age', key: 'birthDate', sorter: true, sortOrder: sortOrder('birthDate') === 'ascend' ? 'descend' : sortOrder('birthDate') === 'descend' ? 'ascend' : null, width: 76, align: 'right' },
    { title: t('member.field.idNumber'), dataIndex: 'idMasked', key: 'idMasked', width: 176, render: (s: string) => <Mono>{s}</Mono> },
    { title: t('member.field.mobile'), dataIndex: 'mobileMasked', key: 'mobileMasked', width: 120, render: (s: string | null) => (s ? <Mono>{s}</Mono> : '—') },
    { title: t('member.field.union'), dataIndex: 'orgName', key: 'orgName', ellipsis: true },
    {
      title: t('member.field.employmentForm'),
      dataIndex: 'employmentForm',
      key: 'employmentForm',
      width: 150,
      render: (f: string, m) => (
        <Space size={4} wrap>
          <EmploymentFormTag form={f} />
          {m.migrantWorker && <Tag>{t('member.migrantShort')}</Tag>}
        </Space>
      ),
    },
    { title: t('member.field.joinDate'), dataIndex: 'joinDate', key: 'joinDate', sorter: true, sortOrder: sortOrder('joinDate'), width: 110 },
    { title: t('member.field.cardNo'), dataIndex: 'cardNo', key: 'cardNo', sorter: true, sortOrder: sortOrder('cardNo'), width: 136, render: (s: string) => <Mono>{s}</Mono> },
    { title: t('member.field.status'), dataIndex: 'status', key: 'status', width: 96, render: (s: string) => <MemberStatusTag status={s} /> },
  ];

  return (
    <div data-testid="member-search-page">
      <div className="gh-page-header">
        <Typography.Title level={4}>{t('menu.memberSearch')}</Typography.Title>
        <Space wrap>
          <Button icon={<ReloadOutlined />} onClick={reload} data-testid="member-search-reload">
            {t('action.refresh')}
          </Button>
          {access.canExportMember && <ExportButton filters={filters} total={data?.total} totalExact={data?.totalExact !== false} />}
          {access.canWriteMember && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setFormTarget({ mode: 'create' })} data-testid="member-create-btn">
              {t('member.create')}
            </Button>
          )}
        </Space>
      </div>
      <Card style={{ marginBottom: 16 }}>
        <MemberSearchForm value={filters} unionName={union?.name} onSearch={search} onReset={() => setSp(new URLSearchParams())} />
      </Card>
      <Card>
        <Table<MemberListItem>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={data?.items}
          loading={loading}
          data-testid="member-table"
          scroll={{ x: 1240 }}
          onRow={(m) => testId(`member-row-${m.cardNo}`)}
          locale={{ emptyText: t('common.noData') }}
          onChange={(pagination, _filters, sorter, extra) => {
            if (extra.action === 'sort') {
              const s = Array.isArray(sorter) ? sorter[0] : sorter;
              const key = s?.order ? (s.columnKey as MemberSort) : undefined;
              // The age column sorts by birth date, the other way round.
              const flip = key === 'birthDate';
              const desc = s?.order === 'descend';
              update({ sort: key, order: key ? ((flip ? !desc : desc) ? 'desc' : 'asc') : undefined });
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
            // A broad search is counted up to a cap: "共 1,000+ 条".
            showTotal: (total) => t('common.total', { n: total.toLocaleString() + (data?.totalExact === false ? '+' : '') }),
          }}
        />
      </Card>
      <MemberFormModal
        target={formTarget}
        onClose={() => setFormTarget(null)}
        onSaved={(id) => {
          setFormTarget(null);
          navigate(`/members/${id}`);
        }}
      />
    </div>
  );
}
