import { useState } from 'react';
import { Button, Card, Checkbox, Col, Input, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { joinApi, type JoinListItem, type JoinListParams, type JoinStatus } from '../../api/join';
import { useRequest } from '../../app/use-request';
import { useApiError } from '../../app/use-api-error';
import { useI18n } from '../../i18n';
import { testId } from '../../app/test-id';
import { ApplicationDrawer } from './components/ApplicationDrawer';
import { DeadlineTag, JoinStatusTag } from './components/join-tags';
import { Mono } from './components/member-tags';

/** 入会审核: online applications to the unions in scope, the most urgent first; approve or reject in the drawer. */
export default function ApplicationsPage() {
  const { t } = useI18n();
  const { showError } = useApiError();
  const [params, setParams] = useState<JoinListParams>({ page: 1, pageSize: 20, status: 'pending' });
  const [q, setQ] = useState('');
  const { data, loading, reload } = useRequest(() => joinApi.list(params), [JSON.stringify(params)], showError);
  const summary = useRequest(() => joinApi.summary(), [], showError);
  const [openId, setOpenId] = useState<string | null>(null);

  const set = (patch: Partial<JoinListParams>) => setParams((p) => ({ ...p, page: 1, ...patch }));
  const refresh = () => {
    reload();
    summary.reload();
  };

  const columns: TableProps<JoinListItem>['columns'] = [
    {
      title: t('join.field.appNo'),
      dataIndex: 'appNo',
      key: 'appNo',
      width: 180,
      render: (n: string, a) => (
        <Typography.Link onClick={() => setOpenId(a.id)} data-testid={`application-open-${n}`}>
          <Mono>{n}</Mono>
        </Typography.Link>
      ),
    },
    { title: t('member.field.name'), dataIndex: 'name', key: 'name', width: 90 },
    {
      title: t('join.field.status'),
      dataIndex: 'status',
      key: 'status',
      width: 190,
      render: (s: string, a) => (
        <Space size={4}>
          <JoinStatusTag status={s} />
          <DeadlineTag item={a} />
        </Space>
      ),
    },
    { title: t('join.field.dueOn'), dataIndex: 'dueOn', key: 'dueOn', width: 110 },
    {
      title: t('join.field.union'),
      dataIndex: 'orgName',
      key: 'orgName',
      ellipsis: true,
      render: (n: string, a) => (
        <>
          {a.viaTerritorial && <Tag color="blue">{t('join.viaTerritorial')}</Tag>}
          {n}
        </>
      ),
    },
    { title: t('member.field.employerName'), dataIndex: 'employerName', key: 'employerName', width: 180, ellipsis: true, render: (s: string | null) => s ?? '—' },
    { title: t('join.field.submittedOn'), dataIndex: 'submittedOn', key: 'submittedOn', width: 110 },
    { title: t('member.field.idNumber'), dataIndex: 'idMasked', key: 'idMasked', width: 176, render: (s: string) => <Mono>{s}</Mono> },
    { title: t('member.field.mobile'), dataIndex: 'mobileMasked', key: 'mobileMasked', width: 120, render: (s: string | null) => (s ? <Mono>{s}</Mono> : '—') },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 84,
      fixed: 'right',
      render: (_: unknown, a) => (
        <Button size="small" onClick={() => setOpenId(a.id)} data-testid={`application-view-${a.appNo}`}>
          {a.status === 'pending' ? t('join.review.handle') : t('action.view')}
        </Button>
      ),
    },
  ];

  const s = summary.data;
  const cards: { key: string; title: string; value: number | undefined; color?: string; onClick: () => void }[] = [
    { key: 'pending', title: t('join.summary.pending'), value: s?.pending, onClick: () => set({ status: 'pending', overdue: undefined }) },
    { key: 'overdue', title: t('join.summary.overdue'), value: s?.overdue, color: '#cf1322', onClick: () => set({ status: undefined, overdue: 'true' }) },
    { key: 'dueSoon', title: t('join.summary.dueSoon'), value: s?.dueSoon, color: '#d48806', onClick: () => set({ status: 'pending', overdue: undefined }) },
    { key: 'overdueBelow', title: t('join.summary.overdueBelow'), value: s?.overdueBelow, color: '#cf1322', onClick: () => set({ status: undefined, overdue: 'true' }) },
  ];

  return (
    <div data-testid="applications-page">
      <div className="gh-page-header">
        <Typography.Title level={4}>{t('menu.memberApplications')}</Typography.Title>
        <Button icon={<ReloadOutlined />} onClick={refresh} data-testid="applications-reload">
          {t('action.refresh')}
        </Button>
      </div>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {cards.map((c) => (
          <Col key={c.key} xs={12} lg={6}>
            <Card className="gh-stat-card" onClick={c.onClick} loading={summary.loading && !s} data-testid={`applications-card-${c.key}`}>
              <Statistic title={c.title} value={c.value ?? 0} styles={{ content: c.color && c.value ? { color: c.color } : undefined }} />
            </Card>
          </Col>
        ))}
      </Row>
      <Card>
        <div className="gh-filters">
          <Select
            value={params.status ?? 'all'}
            onChange={(v: JoinStatus | 'all') => set({ status: v === 'all' ? undefined : v })}
            style={{ width: 140 }}
            data-testid="applications-filter-status"
            options={[
              { value: 'pending', label: t('join.status.pending') },
              { value: 'approved', label: t('join.status.approved') },
              { value: 'rejected', label: t('join.status.rejected') },
              { value: 'all', label: t('common.all') },
            ]}
          />
          <Checkbox checked={params.overdue === 'true'} onChange={(e) => set({ overdue: e.target.checked ? 'true' : undefined })} data-testid="applications-filter-overdue">
            {t('join.filter.overdueOnly')}
          </Checkbox>
          <Input.Search
            value={q}
            onChange={(e) => setQ(e.target.value)}
            onSearch={(v) => set({ q: v.trim() || undefined })}
            allowClear
            placeholder={t('join.filter.q')}
            style={{ width: 260 }}
            data-testid="applications-filter-q"
          />
        </div>
        <Table<JoinListItem>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={data?.items}
          loading={loading}
          data-testid="applications-table"
          onRow={(a) => testId(`application-row-${a.appNo}`)}
          scroll={{ x: 1500 }}
          locale={{ emptyText: t('common.noData') }}
          pagination={{
            current: params.page,
            pageSize: params.pageSize,
            total: data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [10, 20, 50, 100],
            onChange: (page, pageSize) => setParams((p) => ({ ...p, page, pageSize })),
            showTotal: (n) => t('common.total', { n }),
          }}
        />
      </Card>
      <ApplicationDrawer id={openId} onClose={() => setOpenId(null)} onDecided={refresh} />
    </div>
  );
}
