import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, App, Card, Col, Empty, List, Row, Space, Table, Tag, Timeline, Typography } from 'antd';
import { contractApi, type ContractDetailT } from '../../../../common/src/contracts/contract';
import { BARGAINING_MACHINE } from '../../../../common/src/contract-vocab';
import { call } from '../../api/client';
import { useApiError } from '../../app/use-api-error';
import { useI18n } from '../../i18n';
import { Actions, DeadlineBadge, DetailPage, Fields, StatusTag, useVocab, WorkflowSteps, type Action } from '../../kit';
import { BODIES, CATEGORIES, KINDS, SCOPES, STATUSES } from './vocab';
import { StepModal, type ContractStep } from './StepModal';

type Machine = typeof BARGAINING_MACHINE.transitions;
const FORM_STEPS: Partial<Record<keyof Machine, ContractStep>> = { answer: 'answer', draft: 'draft', vote: 'vote', sign: 'sign', file: 'file', object: 'object' };

/** The record's buttons: the workflow steps the server allows, and the module's own (negotiators, rounds, publication, renewal). */
function ContractActions({ k, reload, open }: { k: ContractDetailT; reload: () => void; open: (s: ContractStep) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { showError } = useApiError();
  const direct = async (f: () => Promise<unknown>) => {
    try {
      await f();
      void message.success(t('contract.done'));
      reload();
    } catch (e) {
      showError(e, { reload });
    }
  };
  const params = { id: k.id };
  const steps = k.actions as (keyof Machine)[];
  const inRounds = ['negotiating', 'draft', 'objected'].includes(k.status);
  return (
    <Actions actions={[
      ...steps.map((a): Action => {
        const tr = BARGAINING_MACHINE.transitions[a];
        const form = FORM_STEPS[a];
        return {
          key: a, label: tr, danger: tr.danger, primary: !tr.danger, testId: `contract-action-${a}`,
          confirm: form ? undefined : a === 'takeEffect' ? 'contract.effect.hint' : { zh: `确认${tr.zh}？`, en: `${tr.en}?` },
          onClick: () => (form ? open(form) : direct(() => call(a === 'takeEffect' ? contractApi.takeEffect : contractApi.expire, { params, body: { version: k.version } }))),
        };
      }),
      { key: 'negotiators', label: 'contract.action.negotiators', show: k.can.edit, testId: 'contract-action-negotiators', onClick: () => open('negotiators') },
      { key: 'vacate', label: 'contract.action.vacate', show: k.can.edit && k.negotiators.some((n) => !n.vacatedOn), testId: 'contract-action-vacate', onClick: () => open('vacate') },
      { key: 'round', label: 'contract.action.round', show: k.can.edit && inRounds, testId: 'contract-action-round', onClick: () => open('round') },
      { key: 'publish', label: 'contract.action.publish', show: k.can.publish, testId: 'contract-action-publish', onClick: () => open('publish') },
      { key: 'renew', label: 'contract.action.renew', show: k.can.renew, testId: 'contract-action-renew', confirm: 'contract.action.renewConfirm', onClick: () => direct(async () => {
        const r = await call(contractApi.renew, { params, body: { version: k.version } });
        window.location.assign(`/contracts/${r.id}`);
      }) },
    ]} />
  );
}

function Overview({ k }: { k: ContractDetailT }) {
  const { t, pick } = useI18n();
  const { label } = useVocab();
  const seatText = (n: ContractDetailT['negotiators'][number]) => (
    <Space size={4} wrap>
      <span style={n.vacatedOn ? { textDecoration: 'line-through' } : undefined}>{n.name}</span>
      {n.chief && <Tag color="blue">{t('contract.chief')}</Tag>}
      {n.vacatedOn && (n.fillDue ? <span>{t('contract.vacant', { date: n.vacatedOn, due: n.fillDue })} <DeadlineBadge due={n.fillDue} /></span> : <Typography.Text type="secondary">{t('contract.vacantFilled', { date: n.vacatedOn })}</Typography.Text>)}
    </Space>
  );
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={14}>
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Card size="small" title={t('contract.sec.request')}>
            <Fields testId="contract-request" items={[
              { label: 'contract.f.orgId', value: k.orgName },
              { label: 'contract.f.initiatedBy', value: k.initiatedBy === 'union' ? t('contract.side.union') : t('contract.side.employer') },
              { label: 'contract.f.requestOn', value: k.requestOn },
              { label: 'contract.f.answerDue', value: k.answerDue ? <Space>{k.answerDue}<DeadlineBadge due={k.answerDue} testId="contract-answer-due" /></Space> : null },
              { label: 'contract.f.answeredOn', value: k.answeredOn },
              { label: 'contract.f.answer', value: k.answer, span: 2 },
            ]} />
          </Card>
          <Card size="small" title={t('contract.sec.draft')} data-testid="contract-draft">
            {k.draft.length ? (
              <List size="small" dataSource={k.draft} renderItem={(c, i) => (
                <List.Item><List.Item.Meta title={<Space>{`第${i + 1}条`}{c.title}<Tag>{label(CATEGORIES, c.category)}</Tag></Space>} description={<span style={{ whiteSpace: 'pre-wrap' }}>{c.text}</span>} /></List.Item>
              )} />
            ) : <Empty description={t('contract.noDraft')} />}
          </Card>
          <Card size="small" title={t('contract.sec.rounds')} data-testid="contract-rounds">
            {k.rounds.length ? (
              <Timeline items={k.rounds.map((r) => ({ key: r.id, content: (
                <div data-testid={`contract-round-${r.no}`}>
                  <Typography.Text strong>{t('contract.round', { no: r.no, date: r.heldOn })}</Typography.Text>
                  <div style={{ whiteSpace: 'pre-wrap' }}>{r.minutes}</div>
                  {r.agreed && <div><Tag color="green">{t('contract.f.agreedPoints')}</Tag>{r.agreed}</div>}
                  {r.open && <div><Tag color="orange">{t('contract.f.openPoints')}</Tag>{r.open}</div>}
                </div>
              ) }))} />
            ) : <Empty description={t('contract.noRounds')} />}
          </Card>
        </Space>
      </Col>
      <Col xs={24} xl={10}>
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Card size="small" title={t('contract.sec.parties')}>
            <Table size="small" rowKey="orgId" pagination={k.partyList.length > 10 ? { pageSize: 10 } : false} dataSource={k.partyList} data-testid="contract-parties"
              columns={[{ title: t('coverage.area'), dataIndex: 'name' }, { title: t('coverage.workers'), dataIndex: 'workforce', align: 'right', render: (n: number) => n.toLocaleString() }]} />
          </Card>
          <Card size="small" title={t('contract.sec.negotiators')} data-testid="contract-negotiators">
            {k.negotiatorProblems.length > 0 && <Alert type="warning" showIcon style={{ marginBottom: 8 }} title={t('contract.negotiatorProblems')} description={k.negotiatorProblems.map((p) => pick(p)).join('；')} data-testid="contract-negotiator-problems" />}
            <Row gutter={8}>
              {(['union', 'employer'] as const).map((side) => (
                <Col span={12} key={side}>
                  <Typography.Text strong>{t(side === 'union' ? 'contract.side.union' : 'contract.side.employer')}</Typography.Text>
                  <List size="small" dataSource={k.negotiators.filter((n) => n.side === side)} renderItem={(n) => <List.Item>{seatText(n)}</List.Item>} locale={{ emptyText: '—' }} />
                </Col>
              ))}
            </Row>
          </Card>
          <Card size="small" title={t('contract.sec.vote')} data-testid="contract-vote">
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
              {t('contract.votingBody', { w: k.workers.toLocaleString(), body: label(BODIES, k.votingBody.form) })}{k.votingBody.minDelegates ? t('contract.votingMin', { n: k.votingBody.minDelegates }) : ''}
            </Typography.Paragraph>
            {k.vote && <div data-testid="contract-vote-tally">{label(BODIES, k.vote.body)}：{t('contract.voteTally', { d: k.vote.delegates, p: k.vote.present, f: k.vote.for, a: k.vote.against, ab: k.vote.abstain, date: k.vote.heldOn })}</div>}
          </Card>
          <Card size="small" title={t('contract.sec.filing')}>
            <Fields testId="contract-filing" column={1} items={[
              { label: 'contract.f.termYears', value: k.termYears },
              { label: 'contract.f.signedOn', value: k.signedOn },
              { label: 'contract.f.filingDue', value: k.filingDue ? <Space>{k.filingDue}<DeadlineBadge due={k.filingDue} testId="contract-filing-due" /></Space> : null },
              { label: 'contract.f.filedOn', value: k.filedOn ? `${k.filedOn}${k.filedWith ? ` · ${k.filedWith}` : ''}` : null },
              { label: 'contract.f.reviewDue', value: k.reviewDue ? <Space>{k.reviewDue}<DeadlineBadge due={k.reviewDue} testId="contract-review-due" /></Space> : null },
              k.objection ? { label: 'contract.f.objection', value: <Typography.Text type="danger">{k.objection}</Typography.Text> } : null,
              { label: 'contract.f.effectiveOn', value: k.effectiveOn, testId: 'contract-effective-on' },
              { label: 'contract.f.expiresOn', value: k.expiresOn },
              { label: 'contract.f.publishedOn', value: k.publishedOn ? `${k.publishedOn} · ${k.publishedVia}` : null },
              { label: 'contract.f.renewal', value: k.renewedById ? <Link to={`/contracts/${k.renewedById}`}>{t('contract.renewal.renewedBy')}</Link> : k.renewal ? (k.renewal.open ? <Tag color="orange">{t('contract.renewal.open', { date: k.renewal.opensOn })}</Tag> : t('contract.renewal.from', { date: k.renewal.opensOn })) : k.renewsId ? <Link to={`/contracts/${k.renewsId}`}>{t('contract.renewal.renews')}</Link> : null },
            ]} />
          </Card>
        </Space>
      </Col>
    </Row>
  );
}

/** One bargaining and its contract: where it stands on the statutory path, its clocks, and the steps the caller may take. */
export default function ContractDetailPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const [step, setStep] = useState<ContractStep | null>(null);
  return (
    <DetailPage<ContractDetailT> testId="contract-detail" get={contractApi.get}
      crumbs={() => [{ title: t('menu.contract') }, { title: t('menu.contracts'), path: '/contracts' }]}
      title={(k) => k.title}
      tags={(k) => <Space size={4}><StatusTag vocab={STATUSES} value={k.status} testId="contract-status" /><StatusTag vocab={SCOPES} value={k.scope} /><StatusTag vocab={KINDS} value={k.kind} /></Space>}
      actions={(k, reload) => (
        <>
          <ContractActions k={k} reload={reload} open={setStep} />
          <StepModal k={k} step={step} onClose={() => setStep(null)} onDone={() => { setStep(null); reload(); }} />
        </>
      )}
      alerts={(k) => (
        <Card size="small" style={{ marginBottom: 16 }} data-testid="contract-workflow">
          <WorkflowSteps machine={BARGAINING_MACHINE} status={k.status} testId="contract-steps" />
          {k.clock && (
            <div style={{ marginTop: 8 }} data-testid="contract-clock">
              {t(`contract.clock.${k.clock.field}` as 'contract.clock.answerDue')}：{k.clock.due} <DeadlineBadge due={k.clock.due} provisional={k.clock.provisional} />
            </div>
          )}
        </Card>
      )}
      body={(k) => <Overview k={k} />}
      history={{ endpoint: contractApi.history, id }}
    />
  );
}
