import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Button, Space, Tag, Tooltip, Typography } from 'antd';
import { DownloadOutlined, EyeOutlined } from '@ant-design/icons';
import { hardshipAidApi } from '../../../../../common/src/contracts/hardship-aid';
import { call, urlOf } from '../../../api/client';
import { useRequest } from '../../../app/use-request';
import { useApiError } from '../../../app/use-api-error';
import { useI18n } from '../../../i18n';
import { testId } from '../../../app/test-id';
import { ListPage, StatusTag, TwoLines, yuan } from '../../../kit';
import { download } from '../../../kit/download';
import { useAccess } from '../../../app/auth-context';
import { recipientText } from '../../../../../common/src/hardship-proof';
import type { AidItem } from '../../../../../common/src/contracts/hardship-aid';
import { AID_KINDS, AID_METHODS, PROOF_STATUSES } from './vocab';
import { BudgetSelect } from './BudgetSelect';
import { ProofModal } from './proof';

/**
 * 帮扶记录: aid paid in the caller's scope, filtered by year, kind, area, campaign, paid-on range,
 * budget, household (name or file number), proof (待补签领) and the paying union, the filters in the
 * URL. Each row names its recipient (a proxy as 代领 with the relation and the reason) and its proof;
 * a payment still without proof shows for how long and offers 补签领. The footer is the server's
 * sum over every matching record, not just the page shown.
 */
export function AidRecordsList() {
  const { t } = useI18n();
  const access = useAccess();
  const [proofOf, setProofOf] = useState<AidItem | null>(null);
  const [tick, setTick] = useState(0);
  const { showError } = useApiError();
  // Campaigns are few: the newest name the filter's choices.
  const { data: campaigns } = useRequest(() => call(hardshipAidApi.campaigns, { query: { pageSize: 200 } }), []);
  const receipt = (id: string) => download(hardshipAidApi.receipt, { params: { id } }, `receipt-${id}`).catch(showError);
  return (
    <>
      <ListPage testId="hs-aid-records" endpoint={hardshipAidApi.list}
        embedded
        keep={['tab']}
        reloadKey={tick}
        rowTestId={(a) => `hs-aid-row-${a.id}`}
        empty="hsAid.records.empty"
        scrollX={1300}
        filters={[
          { name: 'year', label: 'hsAid.filter.year', kind: 'number', min: 2000, max: 2100, span: 3 },
          { name: 'kind', label: 'hsAid.filter.kind', kind: 'select', vocab: AID_KINDS, span: 4 },
          { name: 'under', label: 'hsAid.filter.under', kind: 'org' },
          { name: 'campaignId', label: 'hsAid.filter.campaign', kind: 'select', options: (campaigns?.items ?? []).map((c) => ({ value: c.id, label: `${c.name}（${c.paidOn}）` })) },
          { name: 'range', label: 'hsAid.filter.range', kind: 'dateRange', keys: ['from', 'to'] },
          { name: 'budgetId', label: 'hsAid.filter.budget', kind: 'custom', input: <BudgetSelect allowClear data-testid="hs-aid-records-filter-budgetId" /> },
          { name: 'q', label: 'hsAid.filter.q', max: 40, span: 4 },
          { name: 'proof', label: 'hsAid.filter.proof', kind: 'select', vocab: PROOF_STATUSES, span: 3 },
          { name: 'payerOrgId', label: 'hsAid.filter.payer', kind: 'org' },
        ]}
        columns={[
          { key: 'paidOn', title: 'hsAid.col.paidOn', dataIndex: 'paidOn', width: 110 },
          {
            key: 'household', title: 'hsAid.col.household', width: 170, fixedShown: true,
            render: (_: unknown, a) => <TwoLines main={<Link to={`/hardship/files/${a.fileId}`} data-testid={`hs-aid-file-${a.id}`}>{a.name}</Link>} sub={a.fileNo} />,
          },
          { key: 'orgName', title: 'hsAid.col.union', dataIndex: 'orgName', ellipsis: true },
          { key: 'kind', title: 'hsAid.col.kind', dataIndex: 'kind', width: 110, render: (k: string) => <StatusTag vocab={AID_KINDS} value={k} /> },
          { key: 'amountFen', title: 'hsAid.col.amount', dataIndex: 'amountFen', width: 120, align: 'right', render: (f: number) => yuan(f) },
          {
            key: 'receipt', title: 'hsAid.col.proof', width: 190,
            render: (_: unknown, a) =>
              a.proofStatus === 'pending' ? (
                <Space size={4} data-testid={`hs-aid-proof-${a.id}`} data-proof="pending">
                  <Tag color="warning">{t('hsAid.proof.pendingDays', { n: a.proofPendingDays ?? 0 })}</Tag>
                  {access.canWriteAid && <Button type="link" size="small" onClick={() => setProofOf(a)} {...testId(`hs-aid-proof-add-${a.id}`)}>{t('hsAid.proof.add')}</Button>}
                </Space>
              ) : a.hasReceipt ? (
                <Space size={4}>
                  <Tag color="green">{t('hsAid.receipt.yes')}</Tag>
                  <Tooltip title={t('hsAid.receipt.view')}>
                    <a href={urlOf(hardshipAidApi.receipt, { params: { id: a.id } })} target="_blank" rel="noreferrer" data-testid={`hs-aid-receipt-${a.id}`} aria-label={t('hsAid.receipt.view')}>
                      <EyeOutlined />
                    </a>
                  </Tooltip>
                  <Tooltip title={t('hsAid.receipt.download')}>
                    <Button type="link" size="small" icon={<DownloadOutlined />} onClick={() => void receipt(a.id)} aria-label={t('hsAid.receipt.download')} {...testId(`hs-aid-receipt-dl-${a.id}`)} />
                  </Tooltip>
                </Space>
              ) : (
                <Tag color="green">{t('hsAid.receipt.yes')}</Tag>
              ),
          },
          { key: 'method', title: 'hsAid.col.method', dataIndex: 'method', width: 96, render: (m: string) => <StatusTag vocab={AID_METHODS} value={m} /> },
          {
            key: 'recipientName', title: 'hsAid.col.recipient', width: 170,
            render: (_: unknown, a) => <span data-testid={`hs-aid-recipient-${a.id}`} style={a.recipientKind === 'proxy' ? { color: '#d46b08' } : undefined}>{recipientText(a)}</span>,
          },
          { key: 'budget', title: 'hsAid.col.budget', ellipsis: true, render: (_: unknown, a) => <TwoLines main={a.budgetLine ? [a.budgetOrgName, a.budgetLine].filter(Boolean).join(' · ') : a.payer} sub={a.budgetLine ? a.payer : undefined} /> },
        ]}
        footer={(p) =>
          p.total > 0 && (
            <Typography.Text strong data-testid="hs-aid-total">
              {t('hsAid.records.total', { sum: yuan(p.totalFen), n: p.total.toLocaleString() })}
            </Typography.Text>
          )
        }
      />
      <ProofModal aid={proofOf} onClose={() => setProofOf(null)} onDone={() => { setProofOf(null); setTick((n) => n + 1); }} />
    </>
  );
}
