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
import { AID_KINDS } from './vocab';
import { BudgetSelect } from './BudgetSelect';

/**
 * 帮扶记录: aid paid in the caller's scope, filtered by year, kind, area, campaign, paid-on range,
 * budget and household (name or file number), the filters in the URL. The footer is the server's
 * sum over every matching record, not just the page shown.
 */
export function AidRecordsList() {
  const { t } = useI18n();
  const { showError } = useApiError();
  // Campaigns are few: the newest name the filter's choices.
  const { data: campaigns } = useRequest(() => call(hardshipAidApi.campaigns, { query: { pageSize: 200 } }), []);
  const receipt = (id: string) => download(hardshipAidApi.receipt, { params: { id } }, `receipt-${id}`).catch(showError);
  return (
    <ListPage
      testId="hs-aid-records"
      endpoint={hardshipAidApi.list}
      embedded
      keep={['tab']}
      rowTestId={(a) => `hs-aid-row-${a.id}`}
      empty="hsAid.records.empty"
      scrollX={1100}
      filters={[
        { name: 'year', label: 'hsAid.filter.year', kind: 'number', min: 2000, max: 2100, span: 3 },
        { name: 'kind', label: 'hsAid.filter.kind', kind: 'select', vocab: AID_KINDS, span: 4 },
        { name: 'under', label: 'hsAid.filter.under', kind: 'org' },
        { name: 'campaignId', label: 'hsAid.filter.campaign', kind: 'select', options: (campaigns?.items ?? []).map((c) => ({ value: c.id, label: `${c.name}（${c.paidOn}）` })) },
        { name: 'range', label: 'hsAid.filter.range', kind: 'dateRange', keys: ['from', 'to'] },
        { name: 'budgetId', label: 'hsAid.filter.budget', kind: 'custom', input: <BudgetSelect allowClear data-testid="hs-aid-records-filter-budgetId" /> },
        { name: 'q', label: 'hsAid.filter.q', max: 40, span: 4 },
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
        { key: 'recipientName', title: 'hsAid.col.recipient', dataIndex: 'recipientName', width: 100 },
        { key: 'budget', title: 'hsAid.col.budget', ellipsis: true, render: (_: unknown, a) => <TwoLines main={a.budgetLine ? [a.budgetOrgName, a.budgetLine].filter(Boolean).join(' · ') : a.payer} sub={a.budgetLine ? a.payer : undefined} /> },
        {
          key: 'receipt', title: 'hsAid.col.receipt', width: 130,
          render: (_: unknown, a) =>
            a.hasReceipt ? (
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
              <Tag color="warning">{t('hsAid.receipt.no')}</Tag>
            ),
        },
      ]}
      footer={(p) =>
        p.total > 0 && (
          <Typography.Text strong data-testid="hs-aid-total">
            {t('hsAid.records.total', { sum: yuan(p.totalFen), n: p.total.toLocaleString() })}
          </Typography.Text>
        )
      }
    />
  );
}
