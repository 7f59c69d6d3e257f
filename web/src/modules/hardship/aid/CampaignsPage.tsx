import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import dayjs from 'dayjs';
import { Button, Card, Space, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { aidApi, type CampaignItem } from '../../../api/hardship-aid';
import { useRequest } from '../../../app/use-request';
import { useApiError } from '../../../app/use-api-error';
import { useAccess } from '../../../app/auth-context';
import { useI18n } from '../../../i18n';
import { testId } from '../../../app/test-id';
import { useLabel, V, yuan } from '../shared/vocab';
import { CampaignWizard } from './components/CampaignWizard';
import { RosterButtons } from './components/RosterButtons';

/** 送温暖活动: campaigns in scope with their signature rosters; new ones are previewed, confirmed and paid in one step. */
export default function CampaignsPage() {
  const { t } = useI18n();
  const access = useAccess();
  const label = useLabel();
  const { showError } = useApiError();
  const { data, loading, reload } = useRequest(() => aidApi.campaigns(), [], showError);
  const { data: budgets, reload: reloadBudgets } = useRequest(() => aidApi.budgets(), [], showError);
  const [open, setOpen] = useState(false);
  const budgetName = useMemo(() => new Map((budgets ?? []).map((b) => [b.id, `${b.orgName} · ${b.line}`])), [budgets]);

  const columns: TableProps<CampaignItem>['columns'] = [
    {
      title: t('hsAid.campaign.name'),
      dataIndex: 'name',
      key: 'name',
      fixed: 'left',
      width: 180,
      render: (n: string, c) => (
        <Link to={`/hardship/aid?campaignId=${c.id}`} data-testid={`hs-campaign-records-${c.id}`}>
          {n}
        </Link>
      ),
    },
    { title: t('hsAid.col.kind'), dataIndex: 'kind', key: 'kind', width: 96, render: (k: string) => <Tag color={k === 'festival' ? 'red' : undefined}>{label(V.AID_KIND_LABELS, k)}</Tag> },
    { title: t('hsAid.campaign.paidOn'), dataIndex: 'paidOn', key: 'paidOn', width: 104 },
    {
      title: t('hsAid.campaign.households'),
      dataIndex: 'households',
      key: 'households',
      width: 90,
      align: 'right',
      render: (n: number, c) => (
        <Space orientation="vertical" size={0} style={{ alignItems: 'flex-end' }}>
          <span>{n.toLocaleString()}</span>
          {c.skippedCount > 0 && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('hsAid.campaign.skippedShort', { n: c.skippedCount })}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    { title: t('hsAid.campaign.amountPer'), dataIndex: 'amountFen', key: 'amountFen', width: 110, align: 'right', render: (f: number) => yuan(f) },
    { title: t('hsAid.campaign.total'), dataIndex: 'totalFen', key: 'totalFen', width: 140, align: 'right', render: (f: number) => yuan(f) },
    { title: t('hsAid.col.budget'), dataIndex: 'budgetId', key: 'budgetId', width: 190, ellipsis: true, render: (id: string) => budgetName.get(id) ?? '—' },
    {
      title: t('hsAid.campaign.createdBy'),
      key: 'created',
      width: 170,
      render: (_: unknown, c) => (
        <Space orientation="vertical" size={0}>
          <span>{c.orgName}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {dayjs(c.createdAt).format('YYYY-MM-DD HH:mm')}
          </Typography.Text>
        </Space>
      ),
    },
    { title: t('hsAid.campaign.roster'), key: 'roster', width: 220, fixed: 'right', render: (_: unknown, c) => <RosterButtons id={c.id} name={c.name} /> },
  ];

  return (
    <div data-testid="hs-campaigns-page">
      <div className="gh-page-header">
        <Typography.Title level={4}>{t('menu.hardshipCampaigns')}</Typography.Title>
        <Space wrap>
          <Button
            icon={<ReloadOutlined />}
            onClick={() => {
              reload();
              reloadBudgets();
            }}
          >
            {t('action.refresh')}
          </Button>
          {access.canWriteAid && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="hs-campaign-new">
              {t('hsAid.campaign.new')}
            </Button>
          )}
        </Space>
      </div>
      <Card>
        <Typography.Paragraph type="secondary">{t('hsAid.campaign.intro')}</Typography.Paragraph>
        <Table<CampaignItem>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={data}
          loading={loading}
          data-testid="hs-campaign-table"
          scroll={{ x: 1290 }}
          onRow={(c) => testId(`hs-campaign-row-${c.id}`)}
          locale={{ emptyText: t('hsAid.campaign.empty') }}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (n) => t('common.total', { n }) }}
        />
      </Card>
      <CampaignWizard
        open={open}
        budgets={budgets ?? []}
        onClose={() => setOpen(false)}
        onCreated={() => {
          reload();
          reloadBudgets();
        }}
      />
    </div>
  );
}
