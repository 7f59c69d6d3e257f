import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { Alert, Button, Empty, Space, Table, Tag, Timeline, Typography } from 'antd';
import { disputeApi, type DisputeDetail } from '../../../../common/src/contracts/dispute';
import { DISPUTE_FLOW, type DisputeAction } from '../../../../common/src/dispute-workflow';
import { call } from '../../api/client';
import { useI18n } from '../../i18n';
import { Actions, DeadlineBadge, DetailPage, Fields, StatusTag, WorkflowSteps, yuan, type Action } from '../../kit';
import { DISPUTE_CHANNEL, DISPUTE_STATUS, DISPUTE_TYPE, LIMITATION, REFER } from './vocab';
import { StepModal, type CaseStep } from './StepModal';
import { CaseRecords } from './CaseRecords';

const STEPS: DisputeAction[] = ['assign', 'transfer', 'agree', 'fail', 'close', 'reject'];

function Clock({ label, clock, testId }: { label: string; clock: { due: string | null; overdue: boolean }; testId: string }) {
  if (!clock.due) return null;
  return (
    <Space>
      <span>{label}</span>
      <DeadlineBadge due={clock.due} unit="calendar_days" testId={testId} />
    </Space>
  );
}

/** 案件详情: what the case holds, its statutory clocks, parties, sessions and outcome; the steps the server allows as buttons. */
export default function DisputeDetailPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const [step, setStep] = useState<CaseStep | null>(null);
  const [revealed, setRevealed] = useState<Record<string, { idNumber: string | null; mobile: string | null }>>({});
  return (
    <DetailPage<DisputeDetail> testId="dispute-detail" get={disputeApi.get}
      back={{ path: '/disputes', label: 'dispute.title' }}
      crumbs={(d) => [{ title: t('dispute.title'), path: '/disputes' }, ...(d ? [{ title: d.caseNo }] : [])]}
      title={(d) => d.caseNo}
      tags={(d) => (
        <Space size={4}>
          <StatusTag vocab={DISPUTE_STATUS} value={d.status} testId="dispute-detail-status" />
          <StatusTag vocab={DISPUTE_TYPE} value={d.type} />
          {d.collective && <Tag color="magenta">{t('dispute.collective', { n: d.workerCount })}</Tag>}
        </Space>
      )}
      rootProps={(d) => ({ 'data-status': d.status, 'data-case-no': d.caseNo })}
      actions={(d, reload) => (
        <>
          <Actions
            actions={[
              ...STEPS.map((s): Action => ({
                key: s, label: { zh: DISPUTE_FLOW.transitions[s].zh, en: DISPUTE_FLOW.transitions[s].en }, show: d.actions.includes(s),
                danger: DISPUTE_FLOW.transitions[s].danger, primary: s === 'assign' || s === 'agree', testId: `dispute-action-${s}`, onClick: () => setStep(s),
              })),
              { key: 'session', label: 'dispute.session.add', show: d.can.session, testId: 'dispute-action-session', onClick: () => setStep('session') },
            ]}
          />
          <StepModal dispute={d} step={step} onClose={() => setStep(null)} onDone={() => { setStep(null); reload(); }} />
        </>
      )}
      alerts={(d) => (
        <>
          <div style={{ margin: '8px 0 16px' }}>
            <WorkflowSteps machine={DISPUTE_FLOW} status={d.status} testId="dispute-steps" />
          </div>
          {d.overdue && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={t('dispute.overdueAlert')} data-testid="dispute-overdue" />}
        </>
      )}
      history={{ endpoint: disputeApi.history, id: id! }}
      tabs={(d) => [
        {
          key: 'case', label: 'dispute.tab.case',
          children: (
            <Space orientation="vertical" style={{ width: '100%' }} size={16}>
              <Space wrap size={16} data-testid="dispute-clocks">
                <Clock label={t('dispute.clock.mediation')} clock={d.clocks.mediation} testId="dispute-clock-mediation" />
                <Clock label={t('dispute.clock.courtReturn')} clock={d.clocks.courtReturn} testId="dispute-clock-court" />
                <Clock label={t('dispute.clock.confirmation')} clock={d.clocks.confirmation} testId="dispute-clock-confirmation" />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('dispute.clock.days')}</Typography.Text>
              </Space>
              <Fields
                items={[
                  { label: 'dispute.col.org', value: d.orgName },
                  { label: 'dispute.field.channel', value: <StatusTag vocab={DISPUTE_CHANNEL} value={d.channel} /> },
                  { label: 'dispute.field.receivedOn', value: d.receivedOn },
                  { label: 'dispute.field.mediator', value: d.mediatorName, testId: 'dispute-mediator' },
                  !!d.courtCaseNo && { label: 'dispute.field.courtCaseNo', value: d.courtCaseNo },
                  !!d.referralNo && { label: 'dispute.field.referralNo', value: d.referralNo },
                  { label: 'dispute.field.employerName', value: d.employerName },
                  { label: 'dispute.field.employerUscc', value: d.employerUscc && <span style={{ fontFamily: 'monospace' }}>{d.employerUscc}</span> },
                  { label: 'dispute.field.employerUnion', value: d.employerUnion?.name },
                  { label: 'dispute.field.platformName', value: d.platformName },
                  { label: 'dispute.field.workerCount', value: d.workerCount },
                  { label: 'dispute.field.amountClaimedFen', value: yuan(d.amountClaimedFen) },
                  { label: 'dispute.field.knewOn', value: d.knewOn },
                  { label: 'dispute.field.limitation', value: <Space size={4}><StatusTag vocab={LIMITATION} value={d.limitationState} testId="dispute-limitation" />{d.limitationDue}</Space> },
                  { label: 'dispute.field.facts', value: <span style={{ whiteSpace: 'pre-wrap' }}>{d.facts}</span>, span: 2 },
                  { label: 'dispute.field.outcomeSought', value: <span style={{ whiteSpace: 'pre-wrap' }}>{d.outcomeSought}</span>, span: 2 },
                ]}
              />
            </Space>
          ),
        },
        {
          key: 'parties', label: 'dispute.tab.parties',
          children: (
            <Space orientation="vertical" style={{ width: '100%' }}>
              {d.can.unmask && (
                <Button size="small" data-testid="dispute-unmask" onClick={async () => {
                  const r = await call(disputeApi.unmask, { params: { id: d.id } });
                  setRevealed(Object.fromEntries(r.applicants.map((a) => [a.id, a])));
                }}>
                  {t('dispute.unmask')}
                </Button>
              )}
              <Table
                size="small" rowKey="id" pagination={false} dataSource={d.applicants} data-testid="dispute-applicants"
                columns={[
                  { key: 'name', title: t('dispute.field.applicantName'), dataIndex: 'name', render: (n: string, a) => <Space>{n}{a.representative && <Tag color="magenta">{t('dispute.field.representative')}</Tag>}</Space> },
                  { key: 'id', title: t('dispute.field.idNumber'), dataIndex: 'idMasked', render: (v: string | null, a) => revealed[a.id]?.idNumber ?? v ?? '—' },
                  { key: 'mobile', title: t('dispute.field.mobile'), dataIndex: 'mobileMasked', render: (v: string | null, a) => revealed[a.id]?.mobile ?? v ?? '—' },
                ]}
              />
            </Space>
          ),
        },
        {
          key: 'sessions', label: 'dispute.tab.sessions',
          children: d.sessions.length ? (
            <Timeline
              data-testid="dispute-sessions"
              items={d.sessions.map((s) => ({
                key: s.id,
                content: (
                  <div>
                    <Typography.Text strong>{s.heldOn}</Typography.Text>
                    <Typography.Text type="secondary" style={{ marginLeft: 8 }}>{[s.mediatorName, s.attendees].filter(Boolean).join(' · ')}</Typography.Text>
                    <div style={{ whiteSpace: 'pre-wrap' }}>{s.notes}</div>
                  </div>
                ),
              }))}
            />
          ) : <Empty description={t('dispute.sessions.empty')} />,
        },
        {
          key: 'outcome', label: 'dispute.tab.outcome',
          children: d.agreedOn ? (
            <Fields testId="dispute-agreement" items={[
              { label: 'dispute.step.effectiveOn', value: d.agreedOn },
              { label: 'dispute.step.amount', value: yuan(d.agreementAmountFen) },
              { label: 'dispute.step.terms', value: <span style={{ whiteSpace: 'pre-wrap' }}>{d.agreementTerms}</span>, span: 2 },
            ]} />
          ) : d.failReason ? (
            <Fields items={[{ label: 'dispute.step.reason', value: d.failReason }, { label: 'dispute.step.advice', value: d.advice }]} />
          ) : d.rejectReason ? (
            <Fields items={[{ label: 'dispute.step.reason', value: d.rejectReason }, { label: 'dispute.step.referTo', value: d.referTo && <StatusTag vocab={REFER} value={d.referTo} /> }]} />
          ) : <Empty description={t('dispute.outcome.none')} />,
        },
        { key: 'records', label: 'dispute.tab.records', children: <CaseRecords dispute={d} /> },
      ]}
    />
  );
}
