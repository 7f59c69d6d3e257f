import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Col, Empty, Row, Space, Table, Tag, Timeline, Typography } from 'antd';
import { AuditOutlined, CheckCircleOutlined, EditOutlined, FileSearchOutlined, GiftOutlined, LogoutOutlined, RollbackOutlined, SolutionOutlined } from '@ant-design/icons';
import { hardshipFilesApi, type FileDetail, type FileUnmasked } from '../../../../../common/src/contracts/hardship-files';
import { FILE_FLOW } from '../../../../../common/src/hardship-workflow';
import { call, urlOf } from '../../../api/client';
import { hardshipAidApi } from '../../../../../common/src/contracts/hardship-aid';
import { useApiError } from '../../../app/use-api-error';
import { useAccess } from '../../../app/auth-context';
import { useI18n, type MessageKey } from '../../../i18n';
import { testId } from '../../../app/test-id';
import { Actions, DeadlineBadge, DetailPage, downloadUrl, Fields, SensitiveValue, StatusTag, useVocab, WorkflowSteps, yuan, type Action } from '../../../kit';
import {
  AID_KINDS, CAUSES, DISABILITY, EMPLOYMENT, EXIT_REASONS, FILE_STATUSES, HEALTH, HOUSING, HUKOU, MARITAL, ORIGINS, RELATIONSHIPS, TierTag, VISIT_KINDS,
  WARNING_LEVELS, WARNING_RULES,
} from '../shared/vocab';
import { TierPanel } from './TierPanel';
import { StepModal, VisitModal, type StepAction } from './WorkflowModal';
import { FileFormDrawer } from './FileFormDrawer';
import { AttachmentsCard } from './AttachmentsCard';
import { AidModal } from './AidModal';
import { ProofModal } from '../aid/proof';
import { recipientText } from '../../../../../common/src/hardship-proof';

const mono = { fontFamily: 'monospace' } as const;
type Revealed = FileUnmasked & { fileId: string };
const STEP_ICON: Record<StepAction, React.ReactNode> = {
  check: <CheckCircleOutlined />, review: <AuditOutlined />, reassess: <FileSearchOutlined />, exit: <LogoutOutlined />, relapse: <RollbackOutlined />,
};
const EVENT_COLOR: Record<string, string> = { opened: 'blue', applied: 'blue', checked: 'green', reviewed: 'green', filed: 'green', rejected: 'red', reassessed: 'blue', exited: 'gray', relapsed: 'red', relapse_refused: 'orange', tier_changed: 'orange' };

/** The file's buttons: the workflow steps the server allows (drawn from the machine), edit, visit and aid, with their forms. */
function FileActions({ f, reload, revealed, onAid }: { f: FileDetail; reload: () => void; revealed: Revealed | null; onAid: () => void }) {
  const access = useAccess();
  const level = f.reviewLevelsDone + 1;
  const [step, setStep] = useState<StepAction | null>(null);
  const [editing, setEditing] = useState(false);
  const [visiting, setVisiting] = useState(false);
  const [aid, setAid] = useState(false);
  const steps = f.actions.filter((a): a is StepAction => a !== 'reject');
  const done = (close: () => void) => () => {
    close();
    reload();
  };
  return (
    <>
      <Actions
        actions={[
          ...steps.map((a): Action => ({
            key: a, icon: STEP_ICON[a], primary: a === 'check' || a === 'review', danger: FILE_FLOW.transitions[a].danger, testId: `hs-action-${a}`, onClick: () => setStep(a),
            label: a === 'review' ? { zh: `${FILE_FLOW.transitions.review.zh}（第 ${level} 级）`, en: `${FILE_FLOW.transitions.review.en} (level ${level})` } : FILE_FLOW.transitions[a],
          })),
          { key: 'edit', label: 'hsFile.action.edit', icon: <EditOutlined />, show: f.can.edit, testId: 'hs-file-edit', onClick: () => setEditing(true) },
          { key: 'visit', label: 'hsFile.action.visit', icon: <SolutionOutlined />, show: f.can.visit, testId: 'hs-visit-new', onClick: () => setVisiting(true) },
          { key: 'aid', label: 'hsFile.aid.new', icon: <GiftOutlined />, show: access.canWriteAid && f.can.aid, testId: 'hs-aid-new', onClick: () => setAid(true) },
        ]}
      />
      <StepModal file={f} action={step} onClose={() => setStep(null)} onDone={done(() => setStep(null))} />
      <VisitModal file={f} open={visiting} onClose={() => setVisiting(false)} onDone={done(() => setVisiting(false))} />
      <FileFormDrawer
        target={editing ? { mode: 'edit', file: f, revealed: revealed?.fileId === f.id ? { idNumber: revealed.idNumber, mobile: revealed.mobile } : null } : null}
        onClose={() => setEditing(false)}
        onReload={reload}
        onSaved={done(() => setEditing(false))}
      />
      {access.canWriteAid && f.can.aid && <AidModal file={f} open={aid} onClose={() => setAid(false)} onDone={done(() => { setAid(false); onAid(); })} />}
    </>
  );
}

/** Where the file stands: the workflow's steps, the review levels, the next re-assessment as a deadline, exit and monitoring. */
function WorkflowCard({ f }: { f: FileDetail }) {
  const { t } = useI18n();
  const { label } = useVocab();
  return (
    <Card size="small" style={{ marginBottom: 16 }} data-testid="hs-file-workflow">
      <WorkflowSteps machine={FILE_FLOW} status={f.status} testId="hs-file-steps" />
      <Space wrap size={[24, 4]} style={{ marginTop: 12 }}>
        {f.reviewLevelsRequired > 0 && (
          <span>
            {t('hsFile.wf.levels', { done: f.reviewLevelsDone, required: f.reviewLevelsRequired })}
            {f.nextReviewLevelOrg && <Typography.Text type="secondary"> · {t('hsFile.wf.nextLevel', { level: f.nextReviewLevelOrg.level, name: f.nextReviewLevelOrg.name })}</Typography.Text>}
          </span>
        )}
        {f.filedOn && <span>{t('hsFile.f.filedOn')}：{f.filedOn}</span>}
        {f.nextReviewDue && (
          <span data-testid="hs-file-next-review">
            {t('hsFile.f.nextReviewDue')}：{f.nextReviewDue} <DeadlineBadge due={f.nextReviewDue} />
          </span>
        )}
        {f.exitOn && <span>{t('hsFile.f.exitOn')}：{f.exitOn} · {label(EXIT_REASONS, f.exitReason)}{f.exitNote ? `（${f.exitNote}）` : ''}</span>}
        {f.monitoringUntil && <span>{t('hsFile.f.monitoringUntil')}：{f.monitoringUntil}</span>}
        {f.relapseCount > 0 && <span>{t('hsFile.relapses', { n: f.relapseCount })} · {f.lastRelapseOn}</span>}
        {f.rejectReason && <Typography.Text type="danger">{t('hsFile.f.rejectReason')}：{f.rejectReason}</Typography.Text>}
        {!f.actions.length && <Typography.Text type="secondary">{t('hsFile.wf.none')}</Typography.Text>}
      </Space>
    </Card>
  );
}

function Overview({ f, revealed, onReveal }: { f: FileDetail; revealed: Revealed | null; onReveal: (r: Revealed) => void }) {
  const { t } = useI18n();
  const access = useAccess();
  const { label } = useVocab();
  const shown = revealed?.fileId === f.id ? revealed : null;
  const flags = [
    f.singleParent && <Tag key="sp">{t('hsFile.f.singleParent')}</Tag>,
    f.zeroEmployment && <Tag key="ze">{t('hsFile.f.zeroEmployment')}</Tag>,
    f.disaster && <Tag key="d" color="volcano">{t('hsFile.f.disaster')}{f.disasterOn ? ` ${f.disasterOn}` : ''}</Tag>,
    f.workAccident && <Tag key="w" color="volcano">{t('hsFile.f.workAccident')}</Tag>,
    f.migrantWorker && <Tag key="m">{t('hsFile.f.migrantWorker')}{f.cityWorkSince ? ` · ${t('hsFile.f.cityWorkSince')} ${f.cityWorkSince}` : ''}</Tag>,
  ].filter(Boolean);
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={14}>
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Card title={t('hsFile.sec.basic')} size="small">
            <Fields testId="hs-file-basic" items={[
              { label: 'hsFile.f.name', value: f.name },
              { label: 'hsFile.f.sex', value: `${t(f.sex === 'F' ? 'hsFile.sex.F' : 'hsFile.sex.M')} · ${f.birthDate}` },
              { label: 'hsFile.f.idNumber', value: <RevealedId f={f} onReveal={onReveal} /> },
              { label: 'hsFile.f.mobile', value: <span data-testid="hs-file-mobile" style={mono}>{(shown ? shown.mobile : f.mobileMasked) ?? '—'}</span> },
              { label: 'hsFile.f.union', value: f.orgName },
              { label: 'hsFile.f.member', value: f.memberId && (access.canReadMember ? <Link to={`/members/${f.memberId}`}>{t('action.view')}</Link> : t('common.yes')) },
              { label: 'hsFile.f.address', value: f.address, span: 2 },
              { label: 'hsFile.f.employerName', value: f.employerName },
              { label: 'hsFile.f.industry', value: f.industry },
              { label: 'hsFile.f.health', value: label(HEALTH, f.health) },
              { label: 'hsFile.f.disability', value: label(DISABILITY, f.disability) },
              { label: 'hsFile.f.employmentStatus', value: label(EMPLOYMENT, f.employmentStatus) },
              { label: 'hsFile.f.housing', value: label(HOUSING, f.housing) },
              { label: 'hsFile.f.maritalStatus', value: label(MARITAL, f.maritalStatus) },
              { label: 'hsFile.f.hukouType', value: label(HUKOU, f.hukouType) },
              { label: 'hsFile.f.mainCause', value: label(CAUSES, f.mainCause) },
              { label: 'hsFile.f.otherCauses', value: f.otherCauses.map((c) => label(CAUSES, c)).join('、') },
              { label: 'hsFile.form.sec.causes', value: flags.length ? <Space size={4} wrap>{flags}</Space> : null, span: 2 },
              { label: 'hsFile.f.origin', value: label(ORIGINS, f.origin) },
              { label: 'hsFile.f.appliedOn', value: f.appliedOn },
            ]} />
          </Card>
          <Card title={t('hsFile.sec.household')} size="small" extra={<Typography.Text type="secondary">{t('hsFile.form.householdSize', { n: f.householdSize })}</Typography.Text>}>
            <Table rowKey="id" size="small" pagination={false} dataSource={f.household} data-testid="hs-file-household" locale={{ emptyText: t('hsFile.members.none') }} scroll={{ x: 640 }}
              columns={[
                { title: t('hsFile.f.relationship'), dataIndex: 'relationship', width: 90, render: (r: string) => label(RELATIONSHIPS, r) },
                { title: t('hsFile.f.name'), dataIndex: 'name', width: 90 },
                { title: t('hsFile.f.idNumber'), key: 'id', width: 180, render: (_, m) => <span style={mono}>{shown?.household.find((h) => h.id === m.id)?.idNumber ?? m.idMasked ?? '—'}</span> },
                { title: t('hsFile.f.health'), dataIndex: 'health', width: 90, render: (h: string) => label(HEALTH, h) },
                { title: t('hsFile.f.employmentStatus'), dataIndex: 'employmentStatus', width: 100, render: (s: string) => label(EMPLOYMENT, s) },
                { title: t('hsFile.f.memberIncome'), dataIndex: 'annualIncomeFen', width: 120, align: 'right', render: (n: number) => yuan(n) },
              ]} />
          </Card>
          <Card title={t('hsFile.sec.finances')} size="small">
            <Fields testId="hs-file-finances" items={[
              { label: 'hsFile.f.annualIncome', value: yuan(f.annualIncomeFen) },
              { label: 'hsFile.f.monthlyIncome', value: yuan(f.monthlyIncomeFen) },
              { label: 'hsFile.f.rigidMedical', value: yuan(f.rigidMedicalFen) },
              { label: 'hsFile.f.rigidSchooling', value: yuan(f.rigidSchoolingFen) },
              { label: 'hsFile.f.accidentCost', value: yuan(f.accidentCostFen) },
              { label: 'hsFile.col.perCapita', value: <Typography.Text strong>{yuan(f.perCapitaMonthlyFen)}</Typography.Text> },
            ]} />
          </Card>
        </Space>
      </Col>
      <Col xs={24} xl={10}>
        <Card title={t('hsFile.sec.tier')} size="small">
          <TierPanel snap={f.tierSnapshot} figures={f} />
          {f.exitSnapshot && f.status === 'exited' && (
            <details style={{ marginTop: 12 }}>
              <summary>{t('hsFile.tier.exitSnapshot')}</summary>
              <TierPanel snap={f.exitSnapshot} testid="tier-panel-exit" />
            </details>
          )}
        </Card>
      </Col>
    </Row>
  );
}

/** The ID number, masked; revealing it (audited) reveals the mobile and the household's ID numbers as well. */
function RevealedId({ f, onReveal }: { f: FileDetail; onReveal: (r: Revealed) => void }) {
  return (
    <SensitiveValue
      masked={f.idMasked}
      testId="hs-file-id-number"
      reveal={f.can.unmask ? async () => {
        const r = await call(hardshipFilesApi.unmask, { params: { id: f.id } });
        onReveal({ ...r, fileId: f.id });
        return r.idNumber;
      } : undefined}
    />
  );
}

const EVENT_KEYS: Record<string, MessageKey> = {
  opened: 'hsFile.event.opened', applied: 'hsFile.event.applied', checked: 'hsFile.event.checked', reviewed: 'hsFile.event.reviewed', filed: 'hsFile.event.filed',
  rejected: 'hsFile.event.rejected', reassessed: 'hsFile.event.reassessed', exited: 'hsFile.event.exited', relapsed: 'hsFile.event.relapsed', relapse_refused: 'hsFile.event.relapse_refused', tier_changed: 'hsFile.event.tier_changed',
};

/** 档案详情: the household file with its tier computation, workflow, visits, scans, aid, the file's events and its audit history. */
export default function FileDetailPage() {
  const { id } = useParams<{ id: string }>();
  const { t } = useI18n();
  const { label } = useVocab();
  const { showError } = useApiError();
  const [sp, setSp] = useSearchParams();
  const [revealed, setRevealed] = useState<Revealed | null>(null);
  const access = useAccess();
  const [proofOf, setProofOf] = useState<FileDetail['aid'][number] | null>(null);
  const tab = sp.get('tab') ?? 'overview';
  const openTab = (k: string) => setSp(k === 'overview' ? {} : { tab: k }, { replace: true });
  return (
    <DetailPage<FileDetail> testId="hs-file-detail" get={hardshipFilesApi.get}
      back={{ path: '/hardship/files', label: 'hsFile.back' }}
      notFound="hsFile.notFound"
      rootProps={(f) => ({ 'data-file-id': f.id, 'data-file-status': f.status })}
      crumbs={(f) => [{ title: t('hsFile.title'), path: '/hardship/files' }, ...(f ? [{ title: `${f.name}（${f.fileNo}）` }] : [])]}
      title={(f) => f.name}
      tags={(f) => (
        <>
          <Typography.Text type="secondary" style={mono} data-testid="hs-file-no">{f.fileNo}</Typography.Text>
          <TierTag tier={f.tier} />
          <StatusTag vocab={FILE_STATUSES} value={f.status} testId="file-status" />
          {f.migrantWorker && <Tag>{t('hsFile.migrant')}</Tag>}
        </>
      )}
      actions={(f, reload) => <FileActions f={f} reload={reload} revealed={revealed} onAid={() => openTab('aid')} />}
      alerts={(f) => (
        <>
          {f.openWarnings.length > 0 && (
            <Alert type="warning" showIcon style={{ marginBottom: 16 }} data-testid="hs-file-warnings" title={t('hsFile.sec.warnings')}
              description={<Space orientation="vertical" size={4}>{f.openWarnings.map((x) => <span key={x.id}><StatusTag vocab={WARNING_LEVELS} value={x.level} testId="warning-level" /> {label(WARNING_RULES, x.rule)} — {x.explanation}</span>)}</Space>} />
          )}
          <WorkflowCard f={f} />
        </>
      )}
      activeTab={tab}
      onTabChange={openTab}
      history={{ endpoint: hardshipFilesApi.history, id: id! }}
      tabs={(f, reload) => [
        { key: 'overview', label: 'hsFile.tab.overview', children: <Overview f={f} revealed={revealed} onReveal={setRevealed} /> },
        {
          key: 'visits', label: 'hsFile.sec.visits',
          children: (
            <Table rowKey="id" size="small" pagination={false} dataSource={f.visits} data-testid="hs-visits-table" locale={{ emptyText: t('common.noData') }} scroll={{ x: 520 }}
              columns={[
                { title: t('hsFile.visit.kind'), dataIndex: 'kind', width: 110, render: (k: string) => label(VISIT_KINDS, k) },
                { title: t('hsFile.visit.done'), key: 'date', width: 180, render: (_, v) => v.visitedOn ?? <Space size={4}>{t('hsFile.visit.pending')} <DeadlineBadge due={v.dueOn} /></Space> },
                { title: t('hsFile.form.visitor'), dataIndex: 'visitor', width: 90, render: (s: string | null) => s ?? '—' },
                { title: t('hsFile.form.findings'), dataIndex: 'findings', ellipsis: true, render: (s: string | null) => s ?? '—' },
              ]} />
          ),
        },
        { key: 'attachments', label: 'hsFile.sec.attachments', children: <AttachmentsCard fileId={f.id} items={f.attachments} canWrite={f.can.attach} onChanged={reload} /> },
        {
          key: 'aid', label: 'hsFile.sec.aid',
          children: (
            <>
              <Typography.Paragraph type="secondary">{t('hsFile.aid.total', { n: f.aid.length, amount: yuan(f.aid.reduce((s, a) => s + a.amountFen, 0)) })}</Typography.Paragraph>
              {!f.can.aid && f.status !== 'filed' && f.status !== 'exited' && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('hsFile.aid.notOpen')} />}
              <Table rowKey="id" size="small" pagination={false} dataSource={f.aid} data-testid="hs-aid-table" locale={{ emptyText: t('common.noData') }} onRow={(a) => testId(`hs-aid-row-${a.id}`)} scroll={{ x: 860 }}
                columns={[
                  { title: t('hsFile.aid.col.date'), dataIndex: 'paidOn', width: 110 },
                  { title: t('hsFile.aid.col.kind'), dataIndex: 'kind', width: 100, render: (k: string) => label(AID_KINDS, k) },
                  { title: t('hsFile.aid.col.amount'), dataIndex: 'amountFen', width: 120, align: 'right', render: (n: number) => <Typography.Text strong>{yuan(n)}</Typography.Text> },
                  { title: t('hsFile.aid.col.budget'), dataIndex: 'budgetLine', width: 140, render: (s: string | null) => s ?? '—' },
                  { title: t('hsFile.aid.col.payer'), dataIndex: 'payer', ellipsis: true },
                  { title: t('hsFile.aid.col.recipient'), key: 'recipient', width: 170, render: (_, a) => <span data-testid={`hs-aid-recipient-${a.id}`}>{recipientText(a)}</span> },
                  { title: t('hsFile.aid.cause'), dataIndex: 'causeKey', width: 110, render: (s: string | null) => s ?? '—' },
                  {
                    title: t('hsFile.aid.col.receipt'), key: 'receipt', width: 160,
                    render: (_, a) => a.proofStatus === 'pending'
                      ? (
                        <span data-testid={`hs-aid-proof-${a.id}`} data-proof="pending">
                          <Tag color="warning">{t('hsFile.aid.receipt.none')}</Tag>
                          {access.canWriteAid && <Button type="link" size="small" onClick={() => setProofOf(a)} {...testId(`hs-aid-proof-add-${a.id}`)}>{t('hsAid.proof.add')}</Button>}
                        </span>
                      )
                      : a.hasReceipt
                        ? <Button type="link" size="small" onClick={() => downloadUrl(urlOf(hardshipAidApi.receipt, { params: { id: a.id } }), `receipt-${a.id}`).catch(showError)} {...testId(`hs-aid-receipt-${a.id}`)}>{t('hsFile.aid.receipt.view')}</Button>
                        : <Tag color="green">{t('hsAid.receipt.yes')}</Tag>,
                  },
                ]} />
              <ProofModal aid={proofOf} household={f.household} onClose={() => setProofOf(null)} onDone={() => { setProofOf(null); reload(); }} />
            </>
          ),
        },
        {
          key: 'events', label: 'hsFile.sec.events',
          children: f.events.length ? (
            <Timeline data-testid="hs-file-events" items={[...f.events].reverse().map((e) => ({
              key: e.id, color: EVENT_COLOR[e.kind] ?? 'blue', title: e.onDate,
              content: (
                <div data-testid={`hs-event-${e.kind}`}>
                  <Typography.Text strong>{EVENT_KEYS[e.kind] ? t(EVENT_KEYS[e.kind]!, { level: e.level ?? '' }) : e.kind}</Typography.Text>
                  {e.actorOrgName && <Typography.Text type="secondary"> · {e.actorOrgName}</Typography.Text>}
                  {e.note && <div style={{ fontSize: 13 }}>{e.note}</div>}
                </div>
              ),
            }))} />
          ) : <Empty description={t('common.noData')} />,
        },
      ]}
    />
  );
}
