import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Button, Space, Tooltip, Typography } from 'antd';
import { HistoryOutlined, PlusOutlined } from '@ant-design/icons';
import { hardshipAidApi, type CampaignItem } from '../../../../../common/src/contracts/hardship-aid';
import { useAccess } from '../../../app/auth-context';
import { useI18n } from '../../../i18n';
import { testId } from '../../../app/test-id';
import { formatDateTime, ListPage, StatusTag, TwoLines, yuan } from '../../../kit';
import { HistoryDrawer } from '../../../kit';
import { AID_KINDS, AID_METHODS } from './vocab';
import { CampaignWizard } from './CampaignWizard';
import { RosterButtons } from './RosterButtons';

/** 送温暖活动: campaigns in scope with their signature rosters; new ones are previewed, confirmed and paid in one step. */
export default function CampaignsPage() {
  const { t } = useI18n();
  const access = useAccess();
  const [open, setOpen] = useState(false);
  const [history, setHistory] = useState<CampaignItem | null>(null);
  const [tick, setTick] = useState(0);
  return (
    <>
      <ListPage testId="hs-campaign" title="menu.hardshipCampaigns"
        crumbs={[{ title: t('menu.hardship') }, { title: t('menu.hardshipCampaigns') }]}
        endpoint={hardshipAidApi.campaigns}
        reloadKey={tick}
        rowTestId={(c) => `hs-campaign-row-${c.id}`}
        empty="hsAid.campaign.empty"
        scrollX={1600}
        toolbar={access.canWriteAid && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="hs-campaign-new">
            {t('hsAid.campaign.new')}
          </Button>
        )}
        extra={() => <Typography.Paragraph type="secondary">{t('hsAid.campaign.intro')}</Typography.Paragraph>}
        filters={[
          { name: 'year', label: 'hsAid.filter.year', kind: 'number', min: 2000, max: 2100 },
          { name: 'kind', label: 'hsAid.filter.kind', kind: 'select', vocab: AID_KINDS },
        ]}
        columns={[
          { key: 'name', title: 'hsAid.campaign.name', dataIndex: 'name', width: 180, fixed: 'left', fixedShown: true, render: (n: string, c) => <Link to={`/hardship/aid?campaignId=${c.id}`} data-testid={`hs-campaign-records-${c.id}`}>{n}</Link> },
          { key: 'kind', title: 'hsAid.col.kind', dataIndex: 'kind', width: 96, render: (k: string) => <StatusTag vocab={AID_KINDS} value={k} /> },
          { key: 'method', title: 'hsAid.col.method', dataIndex: 'method', width: 96, render: (m: string) => <StatusTag vocab={AID_METHODS} value={m} /> },
          { key: 'paidOn', title: 'hsAid.campaign.paidOn', dataIndex: 'paidOn', width: 104 },
          {
            key: 'households', title: 'hsAid.campaign.households', dataIndex: 'households', width: 100, align: 'right',
            render: (n: number, c) => <TwoLines main={n.toLocaleString()} sub={c.skippedCount > 0 ? t('hsAid.campaign.skippedShort', { n: c.skippedCount }) : undefined} />,
          },
          {
            // Payments of the campaign still without their proof: the link lists them.
            key: 'pendingProofs', title: 'hsAid.campaign.pending', dataIndex: 'pendingProofs', width: 110, align: 'right',
            render: (n: number, c) => (n > 0
              ? <Link to={`/hardship/aid?campaignId=${c.id}&proof=pending`} data-testid={`hs-campaign-pending-${c.id}`} style={{ color: '#d46b08' }}>{t('hsAid.campaign.pendingLink', { n: n.toLocaleString() })}</Link>
              : <span data-testid={`hs-campaign-pending-${c.id}`}>0</span>),
          },
          { key: 'amountFen', title: 'hsAid.campaign.amountPer', dataIndex: 'amountFen', width: 110, align: 'right', render: (f: number) => yuan(f) },
          { key: 'totalFen', title: 'hsAid.campaign.total', dataIndex: 'totalFen', width: 140, align: 'right', render: (f: number) => yuan(f) },
          // A campaign belongs to its budget's union.
          { key: 'budget', title: 'hsAid.col.budget', dataIndex: 'budgetLine', width: 200, ellipsis: true, render: (l: string | null, c) => (l ? `${c.orgName} · ${l}` : '—') },
          { key: 'created', title: 'hsAid.campaign.createdBy', width: 180, render: (_: unknown, c) => <TwoLines main={c.orgName} sub={formatDateTime(c.createdAt)} /> },
          {
            key: 'roster', title: 'hsAid.campaign.roster', width: 250, fixed: 'right', fixedShown: true,
            render: (_: unknown, c) => (
              <Space size={4}>
                <RosterButtons id={c.id} name={c.name} />
                <Tooltip title={t('kit.detail.history')}>
                  <Button size="small" type="link" icon={<HistoryOutlined />} onClick={() => setHistory(c)} aria-label={t('kit.detail.history')} {...testId(`hs-campaign-history-${c.id}`)} />
                </Tooltip>
              </Space>
            ),
          },
        ]}
      />
      <CampaignWizard open={open} onClose={() => setOpen(false)} onCreated={() => setTick((n) => n + 1)} />
      <HistoryDrawer endpoint={hardshipAidApi.campaignHistory} target={history} title={history?.name} onClose={() => setHistory(null)} />
    </>
  );
}
