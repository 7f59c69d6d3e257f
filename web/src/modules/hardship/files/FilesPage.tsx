import { useEffect, useMemo, useState, type HTMLAttributes } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { Button, Card, Checkbox, Col, Form, Input, Row, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableProps } from 'antd';
import { PlusOutlined, ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { hardshipFileApi, type FileListItem, type FileListParams } from '../../../api/hardship-files';
import { orgApi } from '../../../api/orgs';
import { useRequest } from '../../../app/use-request';
import { useApiError } from '../../../app/use-api-error';
import { useAccess } from '../../../app/auth-context';
import { useI18n } from '../../../i18n';
import { testId } from '../../../app/test-id';
import { FileStatusTag, TierTag, useLabel, useOptions, V, yuan } from '../shared/vocab';
import { FileFormDrawer, type FileFormTarget } from './FileFormDrawer';
import { OrgPicker } from './OrgPicker';

type Sort = NonNullable<FileListParams['sort']>;
const SORTS: Sort[] = ['appliedOn', 'name', 'nextReviewDue', 'perCapita'];
const FILTERS = ['q', 'idNumber', 'status', 'tier', 'cause', 'under', 'reviewOverdue', 'monitoring'] as const;
type Filters = Pick<FileListParams, (typeof FILTERS)[number]>;

/** Filters, sorting and page live in the URL, so coming back from a file returns to the same list. */
function paramsFrom(sp: URLSearchParams): FileListParams {
  const get = (k: string) => sp.get(k) || undefined;
  const num = (k: string) => (Number.isFinite(Number(get(k))) && Number(get(k)) > 0 ? Number(get(k)) : undefined);
  const sort = get('sort') as Sort | undefined;
  return {
    q: get('q'),
    idNumber: get('idNumber'),
    status: (V.FILE_STATUSES as readonly string[]).includes(get('status') ?? '') ? (get('status') as FileListParams['status']) : undefined,
    tier: (V.TIERS as readonly string[]).includes(get('tier') ?? '') ? (get('tier') as FileListParams['tier']) : undefined,
    cause: (V.CAUSES as readonly string[]).includes(get('cause') ?? '') ? get('cause') : undefined,
    under: get('under'),
    reviewOverdue: get('reviewOverdue') === 'true' ? 'true' : undefined,
    monitoring: get('monitoring') === 'true' ? 'true' : undefined,
    sort: sort && SORTS.includes(sort) ? sort : 'appliedOn',
    order: get('order') === 'asc' ? 'asc' : 'desc',
    page: num('page') ?? 1,
    pageSize: num('pageSize') ?? 20,
  };
}

/** 困难职工档案: the household files in the user's scope, with filters; cadres open new files after a visit. */
export default function FilesPage() {
  const { t } = useI18n();
  const access = useAccess();
  const navigate = useNavigate();
  const options = useOptions();
  const label = useLabel();
  const { showError } = useApiError();
  const [sp, setSp] = useSearchParams();
  const params = useMemo(() => paramsFrom(sp), [sp]);
  const { data, loading, reload } = useRequest(() => hardshipFileApi.list(params), [JSON.stringify(params)], showError);
  const { data: underOrg } = useRequest(() => (params.under && access.canReadOrg ? orgApi.get(params.under) : Promise.resolve(null)), [params.under]);
  const [target, setTarget] = useState<FileFormTarget | null>(null);
  const [form] = Form.useForm<Filters & { flags?: string[] }>();

  useEffect(() => {
    form.setFieldsValue({
      q: params.q, idNumber: params.idNumber, status: params.status, tier: params.tier, cause: params.cause, under: params.under,
      flags: [params.reviewOverdue ? 'reviewOverdue' : '', params.monitoring ? 'monitoring' : ''].filter(Boolean),
    });
  }, [params, form]);

  const update = (patch: Record<string, string | number | undefined | null>, keepPage = false) => {
    const next = new URLSearchParams(sp);
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined || v === null || v === '') next.delete(k);
      else next.set(k, String(v));
    }
    if (!keepPage) next.delete('page');
    setSp(next);
  };
  const search = () => {
    const v = form.getFieldsValue();
    const flags = v.flags ?? [];
    update({
      q: v.q?.trim(), idNumber: v.idNumber?.trim(), status: v.status, tier: v.tier, cause: v.cause, under: v.under,
      reviewOverdue: flags.includes('reviewOverdue') ? 'true' : undefined, monitoring: flags.includes('monitoring') ? 'true' : undefined,
    });
  };
  const reset = () => {
    form.resetFields();
    setSp(new URLSearchParams());
  };
  const sortOrder = (key: Sort) => (params.sort === key ? (params.order === 'desc' ? 'descend' : 'ascend') : null);

  const columns: TableProps<FileListItem>['columns'] = [
    {
      title: `${t('hsFile.col.name')} / ${t('hsFile.col.fileNo')}`,
      dataIndex: 'name',
      key: 'name',
      sorter: true,
      sortOrder: sortOrder('name'),
      fixed: 'left',
      width: 140,
      render: (name: string, f) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/hardship/files/${f.id}`} data-testid={`hs-file-link-${f.fileNo}`}>
            {name}
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12, fontFamily: 'monospace' }}>
            {f.fileNo}
          </Typography.Text>
        </Space>
      ),
    },
    { title: t('hsFile.col.tier'), dataIndex: 'tier', key: 'tier', width: 90, render: (tier: string | null) => <TierTag tier={tier} /> },
    {
      title: t('hsFile.col.status'),
      dataIndex: 'status',
      key: 'status',
      width: 110,
      render: (s: string, f) => (
        <Space size={2} orientation="vertical">
          <FileStatusTag status={s} />
          {s === 'exited' && f.monitoringUntil && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('hsFile.monitoringUntil', { date: f.monitoringUntil })}</Typography.Text>}
        </Space>
      ),
    },
    { title: t('hsFile.col.union'), dataIndex: 'orgName', key: 'orgName', ellipsis: true, width: 170 },
    {
      title: t('hsFile.col.cause'),
      dataIndex: 'mainCause',
      key: 'mainCause',
      width: 130,
      render: (c: string, f) => (
        <Space size={4} wrap>
          <span>{label(V.CAUSE_LABELS, c)}</span>
          {f.migrantWorker && <Tag>{t('hsFile.migrant')}</Tag>}
          {f.relapseCount > 0 && <Tag color="volcano">{t('hsFile.relapses', { n: f.relapseCount })}</Tag>}
        </Space>
      ),
    },
    { title: t('hsFile.col.household'), dataIndex: 'householdSize', key: 'householdSize', width: 70, align: 'right' },
    {
      title: t('hsFile.col.perCapita'),
      dataIndex: 'perCapitaMonthlyFen',
      key: 'perCapita',
      sorter: true,
      sortOrder: sortOrder('perCapita'),
      width: 120,
      align: 'right',
      render: (f: number | null) => yuan(f),
    },
    { title: t('hsFile.col.appliedOn'), dataIndex: 'appliedOn', key: 'appliedOn', sorter: true, sortOrder: sortOrder('appliedOn'), width: 110 },
    {
      title: t('hsFile.col.nextReview'),
      dataIndex: 'nextReviewDue',
      key: 'nextReviewDue',
      sorter: true,
      sortOrder: sortOrder('nextReviewDue'),
      width: 120,
      render: (d: string | null, f) =>
        !d ? (
          '—'
        ) : f.reviewOverdue ? (
          <Tooltip title={t('hsFile.overdue')}>
            <Typography.Text type="danger" strong data-testid={`hs-file-overdue-${f.fileNo}`}>
              {d}
            </Typography.Text>
          </Tooltip>
        ) : (
          d
        ),
    },
  ];

  return (
    <div data-testid="hs-files-page">
      <div className="gh-page-header">
        <Typography.Title level={4}>{t('hsFile.title')}</Typography.Title>
        <Space wrap>
          <Button icon={<ReloadOutlined />} onClick={reload} data-testid="hs-files-reload">
            {t('action.refresh')}
          </Button>
          {access.canWriteHardship && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setTarget({ mode: 'create' })} data-testid="hs-file-new">
              {t('hsFile.new')}
            </Button>
          )}
        </Space>
      </div>
      <Card style={{ marginBottom: 16 }}>
        <Form form={form} layout="vertical" onFinish={search} data-testid="hs-files-filters">
          <Row gutter={16}>
            <Col xs={24} sm={12} lg={6}>
              <Form.Item name="q" label={t('hsFile.filter.q')}>
                <Input allowClear maxLength={40} data-testid="hs-files-filter-q" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={6}>
              <Form.Item name="idNumber" label={t('hsFile.filter.idNumber')}>
                <Input allowClear maxLength={40} data-testid="hs-files-filter-idNumber" />
              </Form.Item>
            </Col>
            <Col xs={12} sm={8} lg={4}>
              <Form.Item name="status" label={t('hsFile.filter.status')}>
                <Select allowClear options={options(V.FILE_STATUSES, V.FILE_STATUS_LABELS)} placeholder={t('common.all')} data-testid="hs-files-filter-status" />
              </Form.Item>
            </Col>
            <Col xs={12} sm={8} lg={4}>
              <Form.Item name="tier" label={t('hsFile.filter.tier')}>
                <Select allowClear options={options(V.TIERS, V.TIER_LABELS)} placeholder={t('common.all')} data-testid="hs-files-filter-tier" />
              </Form.Item>
            </Col>
            <Col xs={12} sm={8} lg={4}>
              <Form.Item name="cause" label={t('hsFile.filter.cause')}>
                <Select allowClear options={options(V.CAUSES, V.CAUSE_LABELS)} placeholder={t('common.all')} data-testid="hs-files-filter-cause" />
              </Form.Item>
            </Col>
            {access.canReadOrg && (
              <Col xs={24} sm={12} lg={8}>
                <Form.Item name="under" label={t('hsFile.filter.under')}>
                  <OrgPicker allowClear known={underOrg ? { id: underOrg.id, name: underOrg.name } : null} data-testid="hs-files-filter-under" />
                </Form.Item>
              </Col>
            )}
            <Col xs={24} sm={12} lg={8}>
              <Form.Item name="flags" label=" " colon={false}>
                <Checkbox.Group
                  data-testid="hs-files-filter-flags"
                  options={[
                    { value: 'reviewOverdue', label: t('hsFile.filter.reviewOverdue') },
                    { value: 'monitoring', label: t('hsFile.filter.monitoring') },
                  ]}
                />
              </Form.Item>
            </Col>
            <Col xs={24} lg={8} style={{ display: 'flex', alignItems: 'flex-end', justifyContent: 'flex-end' }}>
              <Form.Item>
                <Space>
                  <Button onClick={reset} data-testid="hs-files-reset">
                    {t('action.reset')}
                  </Button>
                  <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="hs-files-search">
                    {t('action.search')}
                  </Button>
                </Space>
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Card>
      <Card>
        <Table<FileListItem>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={data?.items}
          loading={loading}
          data-testid="hs-files-table"
          scroll={{ x: 1060 }}
          onRow={(f) => ({ ...testId(`hs-file-row-${f.id}`), 'data-file-no': f.fileNo } as HTMLAttributes<HTMLElement>)}
          locale={{ emptyText: t('hsFile.empty') }}
          onChange={(pagination, _filters, sorter, extra) => {
            if (extra.action === 'sort') {
              const s = Array.isArray(sorter) ? sorter[0] : sorter;
              const key = s?.order ? (s.columnKey as Sort) : undefined;
              update({ sort: key, order: key ? (s?.order === 'descend' ? 'desc' : 'asc') : undefined });
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
            showTotal: (total) => t('common.total', { n: total.toLocaleString() }),
          }}
        />
      </Card>
      <FileFormDrawer target={target} onClose={() => setTarget(null)} onSaved={(ref) => { setTarget(null); navigate(`/hardship/files/${ref.id}`); }} />
    </div>
  );
}
