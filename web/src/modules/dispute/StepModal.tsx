import { App } from 'antd';
import { disputeApi, disputePublicApi, mediatorApi, type DisputeDetail } from '../../../../common/src/contracts/dispute';
import { DISPUTE_FLOW, type DisputeAction } from '../../../../common/src/dispute-workflow';
import { call } from '../../api/client';
import { useRequest } from '../../app/use-request';
import { useI18n } from '../../i18n';
import { FormModal, todayInChina, type FieldSpec } from '../../kit';
import { REFER } from './vocab';

/** A step of the case page: the machine's transitions, plus recording a session. */
export type CaseStep = DisputeAction | 'session';

type Values = Record<string, string | number | null | undefined>;

/**
 * One step of a case (common/src/dispute-workflow.ts) in a form with the step's fields and, where
 * the machine says so, a confirmation. The server decides whether it applies (state, scope, the
 * mediator's panel); its refusal is shown in the form.
 */
export function StepModal({ dispute, step, onClose, onDone }: { dispute: DisputeDetail; step: CaseStep | null; onClose: () => void; onDone: () => void }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const params = { id: dispute.id };
  const { data: mediators } = useRequest(() => (step === 'assign' ? call(mediatorApi.list, { query: { pageSize: 200 } }) : Promise.resolve(null)), [step]);
  const { data: centres } = useRequest(() => (step === 'transfer' ? call(disputePublicApi.centres, {}) : Promise.resolve(null)), [step]);
  if (!step) return null;
  const transition = step === 'session' ? null : DISPUTE_FLOW.transitions[step];
  const title = transition ? pick(transition) : t('dispute.session.add');
  const fields: Record<CaseStep, FieldSpec[]> = {
    assign: [
      {
        name: 'mediatorId', label: 'dispute.field.mediator', kind: 'select', extra: 'dispute.step.assign.hint', placeholder: 'dispute.step.assign.auto',
        options: (mediators?.items ?? []).filter((m) => m.active).map((m) => ({ value: m.id, label: `${m.name}（${m.orgName}，${t('mediator.col.open')} ${m.open}）` })),
      },
      { name: 'note', label: 'dispute.step.note', kind: 'textarea', max: 500 },
    ],
    transfer: [
      { name: 'toOrgId', label: 'dispute.step.transfer.to', kind: 'select', required: true, options: (centres ?? []).filter((c) => c.id !== dispute.orgId).map((c) => ({ value: c.id, label: c.name })) },
      { name: 'reason', label: 'dispute.step.reason', kind: 'textarea', required: true, max: 500 },
    ],
    session: [
      { name: 'heldOn', label: 'dispute.session.heldOn', kind: 'date', required: true, noFuture: true },
      { name: 'attendees', label: 'dispute.session.attendees', max: 200 },
      { name: 'notes', label: 'dispute.session.notes', kind: 'textarea', required: true, max: 4000 },
    ],
    agree: [
      { name: 'terms', label: 'dispute.step.terms', kind: 'textarea', required: true, max: 4000 },
      { name: 'amountFen', label: 'dispute.step.amount', kind: 'money' },
      { name: 'effectiveOn', label: 'dispute.step.effectiveOn', kind: 'date', noFuture: true, required: true },
    ],
    fail: [
      { name: 'reason', label: 'dispute.step.reason', kind: 'textarea', required: true, max: 500 },
      { name: 'advice', label: 'dispute.step.advice', kind: 'textarea', max: 1000 },
    ],
    close: [{ name: 'note', label: 'dispute.step.note', kind: 'textarea', max: 500 }],
    reject: [
      { name: 'reason', label: 'dispute.step.reason', kind: 'textarea', required: true, max: 500 },
      { name: 'referTo', label: 'dispute.step.referTo', kind: 'select', vocab: REFER, required: true },
    ],
  };
  const send = async (v: Values) => {
    const s = (k: string) => (typeof v[k] === 'string' && (v[k] as string).trim() ? (v[k] as string) : null);
    switch (step) {
      case 'assign': return call(disputeApi.assign, { params, body: { mediatorId: s('mediatorId'), note: s('note') } });
      case 'transfer': return call(disputeApi.transfer, { params, body: { toOrgId: String(v.toOrgId), reason: String(v.reason) } });
      case 'session': return call(disputeApi.session, { params, body: { heldOn: String(v.heldOn), attendees: s('attendees'), notes: String(v.notes) } });
      case 'agree': return call(disputeApi.agree, { params, body: { terms: String(v.terms), amountFen: Number(v.amountFen ?? 0), effectiveOn: s('effectiveOn') ?? undefined } });
      case 'fail': return call(disputeApi.fail, { params, body: { reason: String(v.reason), advice: s('advice') } });
      case 'close': return call(disputeApi.close, { params, body: { note: s('note') } });
      case 'reject': return call(disputeApi.reject, { params, body: { reason: String(v.reason), referTo: v.referTo as never } });
    }
  };
  return (
    <FormModal<Values>
      open
      title={title}
      testId={`dispute-step-${step}`}
      fields={fields[step]}
      initialValues={step === 'session' || step === 'agree' ? { heldOn: todayInChina(), effectiveOn: todayInChina() } : step === 'fail' ? { advice: t('dispute.step.adviceDefault') } : {}}
      okText={transition ? { zh: transition.zh, en: transition.en } : 'action.save'}
      confirm={transition?.confirm ? { zh: `确定${transition.zh}？`, en: `${transition.en}?` } : undefined}
      danger={transition?.danger}
      inlineErrors
      onClose={onClose}
      onSubmit={send}
      onDone={() => {
        void message.success(t('dispute.step.done'));
        onDone();
      }}
    />
  );
}
