import { Link } from 'react-router-dom';
import { Space, Tag, Typography } from 'antd';
import { disputeApi } from '../../../../common/src/contracts/dispute';
import { useAccess } from '../../app/auth-context';
import { useI18n } from '../../i18n';
import { DeadlineBadge, ListPage, StatusTag, TwoLines, useVocab, yuan } from '../../kit';
import { DISPUTE_CHANNEL, DISPUTE_STATUS, DISPUTE_TYPE } from './vocab';
import { IntakeModal } from './IntakeModal';

/** 劳动争议案件: the cases of the centres in the user's scope, filters in the URL; the overdue clocks one tick away. */
export default function DisputeListPage() {
  const { t } = useI18n();
  const access = useAccess();
  const { label } = useVocab();
  return (
    <ListPage testId="disputes" title="dispute.title" endpoint={disputeApi.list} rowTestId={(d) => `dispute-row-${d.caseNo}`} scrollX={1150}
      empty="dispute.empty"
      filters={[
        { name: 'q', label: 'dispute.filter.q', max: 60 },
        { name: 'status', label: 'dispute.filter.status', kind: 'select', vocab: DISPUTE_STATUS, span: 4 },
        { name: 'type', label: 'dispute.filter.type', kind: 'select', vocab: DISPUTE_TYPE, span: 4 },
        { name: 'channel', label: 'dispute.filter.channel', kind: 'select', vocab: DISPUTE_CHANNEL, span: 4 },
        access.canReadOrg && { name: 'under', label: 'dispute.filter.under', kind: 'org', span: 8 },
        {
          name: 'flags', kind: 'flags', span: 12,
          options: [{ value: 'overdue', label: t('dispute.filter.overdue') }, { value: 'dueSoon', label: t('dispute.filter.dueSoon') }, { value: 'collective', label: t('dispute.filter.collective') }],
        },
      ]}
      columns={[
        {
          key: 'case', title: 'dispute.col.case', dataIndex: 'caseNo', fixed: 'left', width: 170, fixedShown: true,
          render: (no: string, d) => (
            <TwoLines
              main={<Link to={`/disputes/${d.id}`} data-testid={`dispute-link-${no}`} style={{ fontFamily: 'monospace' }}>{no}</Link>}
              sub={<span>{d.firstApplicant}{d.workerCount > 1 ? ` · ${t(d.collective ? 'dispute.collective' : 'dispute.workers', { n: d.workerCount })}` : ''}</span>}
            />
          ),
        },
        { key: 'employer', title: 'dispute.col.employer', dataIndex: 'employerName', width: 200, render: (n: string, d) => <TwoLines main={n} sub={d.platformName} /> },
        { key: 'type', title: 'dispute.col.type', dataIndex: 'type', width: 130, render: (v: string, d) => <TwoLines main={<StatusTag vocab={DISPUTE_TYPE} value={v} />} sub={label(DISPUTE_CHANNEL, d.channel)} /> },
        { key: 'status', title: 'dispute.col.status', dataIndex: 'status', width: 150, render: (s: string) => <StatusTag vocab={DISPUTE_STATUS} value={s} testId="dispute-status" /> },
        { key: 'org', title: 'dispute.col.org', dataIndex: 'orgName', width: 150, ellipsis: true },
        { key: 'amount', title: 'dispute.col.amount', dataIndex: 'amountClaimedFen', sort: 'amount', width: 120, align: 'right', render: (v: number) => yuan(v) },
        { key: 'receivedOn', title: 'dispute.col.received', dataIndex: 'receivedOn', sort: 'receivedOn', width: 110 },
        {
          key: 'clock', title: 'dispute.col.clock', dataIndex: 'mediationDue', sort: 'mediationDue', width: 170,
          render: (due: string | null, d) => due && (
            <Space size={4} orientation="vertical">
              <Typography.Text type={d.overdue ? 'danger' : undefined} strong={d.overdue}>{due}</Typography.Text>
              {(d.status === 'received' || d.status === 'mediating') && <DeadlineBadge due={d.courtReturnOn && d.courtReturnOn < due ? d.courtReturnOn : due} testId={`dispute-clock-${d.caseNo}`} />}
            </Space>
          ),
        },
        { key: 'mediator', title: 'dispute.col.mediator', dataIndex: 'mediatorName', width: 100, render: (n: string | null) => n ?? <Tag>—</Tag> },
      ]}
      create={{ label: 'dispute.new', show: access.canWriteDispute, testId: 'dispute-new', render: (close, done) => <IntakeModal open onClose={close} onDone={(id) => done({ id })} />, to: (r) => `/disputes/${r.id}` }}
    />
  );
}
