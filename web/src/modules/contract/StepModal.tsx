import { Alert, Button, Col, Form, Input, Row, Select, Space, Switch, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { contractApi, type ContractDetailT } from '../../../../common/src/contracts/contract';
import { CLAUSE_LIBRARY } from '../../../../common/src/contract-clauses';
import { countVote } from '../../../../common/src/congress-rules';
import { call } from '../../api/client';
import { useI18n, type MessageKey } from '../../i18n';
import { FormModal, todayInChina, useText, useVocab, type FieldSpec } from '../../kit';
import { BODIES, CATEGORIES, SIDES } from './vocab';

/** The forms of a bargaining's steps: the machine's transitions and the module's own (negotiators, rounds, publication). */
export type ContractStep = 'answer' | 'negotiators' | 'vacate' | 'round' | 'draft' | 'vote' | 'sign' | 'file' | 'object' | 'publish';

const TITLE: Record<ContractStep, MessageKey | { zh: string; en: string }> = {
  answer: { zh: '登记书面回应', en: 'Record the answer' }, negotiators: 'contract.action.negotiators', vacate: 'contract.action.vacate', round: 'contract.action.round',
  draft: { zh: '形成合同草案', en: 'Draft the contract' }, vote: { zh: '登记职代会表决', en: 'Record the vote' }, sign: { zh: '双方首席代表签字', en: 'Both chiefs sign' },
  file: { zh: '报送劳动行政部门', en: 'File with the labour administration' }, object: { zh: '登记审查异议', en: 'Record an objection' }, publish: 'contract.action.publish',
};
const HINT: Partial<Record<ContractStep, MessageKey>> = {
  negotiators: 'contract.negotiators.hint', vacate: 'contract.vacate.hint', sign: 'contract.sign.hint', file: 'contract.file.hint', object: 'contract.object.hint', draft: 'contract.draft.hint', vote: 'contract.voteRule',
};

type Values = Record<string, unknown> & { negotiators?: { side: string; name: string; chief: boolean; chosenBy?: string }[]; clauses?: { category: string; title: string; text: string }[] };

/** The live count of a vote as it is typed: who must be present and vote for, and what fails. */
function VoteCheck() {
  const { t, pick } = useI18n();
  const form = Form.useFormInstance();
  const v = Form.useWatch([], form) as Record<string, number> | undefined;
  if (!v?.delegates) return null;
  const r = countVote({ delegates: Number(v.delegates) || 0, present: Number(v.present) || 0, for: Number(v.for) || 0, against: Number(v.against) || 0, abstain: Number(v.abstain) || 0 });
  return (
    <Alert type={r.passed ? 'success' : 'warning'} showIcon data-testid="contract-vote-check" style={{ marginBottom: 12 }}
      title={t('contract.voteCheck', { q: r.quorumNeeded, m: r.majorityNeeded })}
      description={r.problems.length ? r.problems.map((p) => pick(p)).join('；') : undefined} />
  );
}

function NegotiatorList() {
  const { t } = useI18n();
  const { options } = useVocab();
  return (
    <Form.List name="negotiators">
      {(fields, { add, remove }) => (
        <>
          {fields.map((f, i) => (
            <Row key={f.key} gutter={8} align="middle" data-testid={`contract-seat-${i}`}>
              <Col span={6}><Form.Item name={[f.name, 'side']} rules={[{ required: true }]}><Select options={options(SIDES)} data-testid={`contract-seat-${i}-side`} /></Form.Item></Col>
              <Col span={6}><Form.Item name={[f.name, 'name']} rules={[{ required: true, message: t('contract.f.name') }]}><Input placeholder={t('contract.f.name')} maxLength={40} data-testid={`contract-seat-${i}-name`} /></Form.Item></Col>
              <Col span={4}><Form.Item name={[f.name, 'chief']} valuePropName="checked"><Switch checkedChildren={t('contract.chief')} unCheckedChildren={t('contract.chief')} data-testid={`contract-seat-${i}-chief`} /></Form.Item></Col>
              <Col span={6}><Form.Item name={[f.name, 'chosenBy']}><Input placeholder={t('contract.f.chosenBy')} maxLength={60} /></Form.Item></Col>
              <Col span={2}><Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} /></Col>
            </Row>
          ))}
          <Space>
            <Button icon={<PlusOutlined />} onClick={() => add({ side: 'union', chief: false, chosenBy: '职工代表大会民主推选' })} data-testid="contract-seat-add-union">{t('contract.side.union')}</Button>
            <Button icon={<PlusOutlined />} onClick={() => add({ side: 'employer', chief: false })} data-testid="contract-seat-add-employer">{t('contract.side.employer')}</Button>
          </Space>
        </>
      )}
    </Form.List>
  );
}

function ClauseList() {
  const { t } = useI18n();
  const { options } = useVocab();
  return (
    <Form.List name="clauses">
      {(fields, { add, remove }) => (
        <>
          <Space style={{ marginBottom: 12 }} wrap>
            <Select style={{ width: 320 }} placeholder={t('contract.draft.fromLibrary')} value={null} data-testid="contract-clause-library"
              options={CLAUSE_LIBRARY.map((c) => ({ value: c.key, label: c.title }))}
              onChange={(k) => { const c = CLAUSE_LIBRARY.find((x) => x.key === k); if (c) add({ category: c.category, title: c.title, text: c.text }); }} />
            <Button icon={<PlusOutlined />} onClick={() => add({ category: 'other', title: '', text: '' })}>{t('contract.draft.addClause')}</Button>
          </Space>
          {fields.map((f, i) => (
            <Row key={f.key} gutter={8} data-testid={`contract-clause-${i}`}>
              <Col span={6}><Form.Item name={[f.name, 'category']} rules={[{ required: true }]}><Select options={options(CATEGORIES)} /></Form.Item></Col>
              <Col span={16}><Form.Item name={[f.name, 'title']} rules={[{ required: true, message: t('contract.draft.clauseTitle') }]}><Input placeholder={t('contract.draft.clauseTitle')} maxLength={60} /></Form.Item></Col>
              <Col span={2}><Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} /></Col>
              <Col span={24}><Form.Item name={[f.name, 'text']} rules={[{ required: true, message: t('contract.draft.clauseText') }]}><Input.TextArea rows={2} maxLength={4000} /></Form.Item></Col>
            </Row>
          ))}
        </>
      )}
    </Form.List>
  );
}

export function StepModal({ k, step, onClose, onDone }: { k: ContractDetailT; step: ContractStep | null; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const text = useText();
  const today = todayInChina();
  const version = k.version;
  const params = { id: k.id };
  const active = k.negotiators.filter((n) => !n.vacatedOn);
  const chief = (side: string) => active.find((n) => n.side === side && n.chief)?.name;
  const fields: Record<ContractStep, FieldSpec[]> = {
    answer: [
      { name: 'answeredOn', label: 'contract.f.answeredOn', kind: 'date', required: true, noFuture: true, span: 12 },
      { name: 'agreed', label: 'contract.f.agreed', kind: 'switch', span: 12 },
      { name: 'answer', label: 'contract.f.answer', kind: 'textarea', required: true, max: 2000, span: 24 },
    ],
    negotiators: [],
    vacate: [
      { name: 'negotiatorId', label: 'contract.f.negotiator', kind: 'select', required: true, options: active.map((n) => ({ value: n.id, label: `${n.name}（${n.side === 'union' ? '职工方' : '企业方'}）` })), span: 12 },
      { name: 'vacatedOn', label: 'contract.f.vacatedOn', kind: 'date', required: true, noFuture: true, span: 12 },
    ],
    round: [
      { name: 'heldOn', label: 'contract.f.heldOn', kind: 'date', required: true, noFuture: true, span: 12 },
      { name: 'minutes', label: 'contract.f.minutes', kind: 'textarea', required: true, max: 4000, span: 24 },
      { name: 'agreed', label: 'contract.f.agreedPoints', kind: 'textarea', max: 2000, span: 12 },
      { name: 'open', label: 'contract.f.openPoints', kind: 'textarea', max: 2000, span: 12 },
    ],
    draft: [{ name: 'termYears', label: 'contract.f.termYears', kind: 'number', required: true, min: 1, max: 10, span: 8 }],
    vote: [
      { name: 'body', label: 'contract.f.body', kind: 'select', vocab: BODIES, required: true, span: 8 },
      { name: 'heldOn', label: 'contract.f.heldOn', kind: 'date', required: true, noFuture: true, span: 8 },
      { name: 'delegates', label: 'contract.f.delegates', kind: 'number', required: true, min: 1, max: 100000, span: 8 },
      { name: 'present', label: 'contract.f.present', kind: 'number', required: true, min: 0, max: 100000, span: 6 },
      { name: 'for', label: 'contract.f.for', kind: 'number', required: true, min: 0, max: 100000, span: 6 },
      { name: 'against', label: 'contract.f.against', kind: 'number', required: true, min: 0, max: 100000, span: 6 },
      { name: 'abstain', label: 'contract.f.abstain', kind: 'number', required: true, min: 0, max: 100000, span: 6 },
    ],
    sign: [
      { name: 'signedOn', label: 'contract.f.signedOn', kind: 'date', required: true, noFuture: true, span: 8 },
      { name: 'unionChief', label: 'contract.f.unionChief', required: true, max: 40, span: 8 },
      { name: 'employerChief', label: 'contract.f.employerChief', required: true, max: 40, span: 8 },
    ],
    file: [
      { name: 'filedOn', label: 'contract.f.filedOn', kind: 'date', required: true, noFuture: true, span: 8 },
      { name: 'authority', label: 'contract.f.authority', required: true, max: 100, span: 16 },
    ],
    object: [{ name: 'objection', label: 'contract.f.objection', kind: 'textarea', required: true, max: 2000, span: 24 }],
    publish: [
      { name: 'publishedOn', label: 'contract.f.publishedOn', kind: 'date', required: true, noFuture: true, span: 8 },
      { name: 'publishedVia', label: 'contract.f.publishedVia', required: true, max: 100, span: 16 },
    ],
  };
  const initial: Record<ContractStep, Values> = {
    answer: { answeredOn: today, agreed: true },
    negotiators: { negotiators: active.length ? active.map((n) => ({ side: n.side, name: n.name, chief: n.chief, chosenBy: n.chosenBy ?? undefined })) : [
      { side: 'union', name: '', chief: true, chosenBy: '职工代表大会民主推选' }, { side: 'union', name: '', chief: false, chosenBy: '职工代表大会民主推选' }, { side: 'union', name: '', chief: false, chosenBy: '职工代表大会民主推选' },
      { side: 'employer', name: '', chief: true }, { side: 'employer', name: '', chief: false }, { side: 'employer', name: '', chief: false },
    ] },
    vacate: { vacatedOn: today },
    round: { heldOn: today },
    draft: { termYears: k.termYears ?? (k.kind === 'wage' ? 1 : 3), clauses: k.draft.length ? k.draft : [] },
    vote: { body: k.votingBody.form, heldOn: today, delegates: k.votingBody.delegates ?? k.votingBody.minDelegates ?? undefined, against: 0, abstain: 0 },
    sign: { signedOn: today, unionChief: chief('union'), employerChief: chief('employer') },
    file: { filedOn: today },
    object: {},
    publish: { publishedOn: today, publishedVia: '厂务公开栏张贴' },
  };
  const send = async (v: Values) => {
    if (!step) return;
    const body = { ...v, version } as never;
    if (step === 'answer') return call(contractApi.answer, { params, body: { ...(v as object), agreed: !!v.agreed, version } as never });
    if (step === 'negotiators') return call(contractApi.negotiators, { params, body: { negotiators: (v.negotiators ?? []).map((n) => ({ ...n, chief: !!n.chief, chosenBy: n.chosenBy || undefined })), version } as never });
    if (step === 'round') return call(contractApi.round, { params, body: v as never });
    if (step === 'vacate') return call(contractApi.vacate, { params, body });
    if (step === 'draft') return call(contractApi.draft, { params, body: { clauses: v.clauses ?? [], termYears: Number(v.termYears), version } as never });
    if (step === 'vote') return call(contractApi.vote, { params, body });
    return call(contractApi[step], { params, body });
  };
  return (
    <FormModal<Values>
      open={!!step}
      title={step ? text(TITLE[step]) : ''}
      testId={`contract-step-${step ?? 'none'}`}
      width={step === 'draft' || step === 'negotiators' ? 900 : 640}
      drawer={step === 'draft'}
      inlineErrors
      intro={step && HINT[step] ? <Typography.Paragraph type="secondary">{t(HINT[step]!)}</Typography.Paragraph> : undefined}
      initialValues={step ? initial[step] : undefined}
      fields={step ? fields[step] : []}
      onSubmit={send}
      onClose={onClose}
      onDone={onDone}
      okText={step ? TITLE[step] : undefined}
    >
      {step === 'vote' && <VoteCheck />}
      {step === 'negotiators' && <NegotiatorList />}
      {step === 'draft' && <ClauseList />}
    </FormModal>
  );
}
