import { Alert, App, Form } from 'antd';
import { hardshipFilesApi, type FileDetail } from '../../../../../common/src/contracts/hardship-files';
import { FILE_FLOW, type FileAction } from '../../../../../common/src/hardship-workflow';
import { call } from '../../../api/client';
import { useI18n, type MessageKey } from '../../../i18n';
import { FormFields, FormModal, todayInChina, useVocab, type FieldSpec } from '../../../kit';
import { EXIT_REASONS, TIERS, VISIT_KINDS } from '../shared/vocab';

/** A step the file page offers as a button: the machine's, with `reject` reached through the decision of a check or review. */
export type StepAction = Exclude<FileAction, 'reject'>;

const HINT: Record<StepAction, MessageKey> = {
  check: 'hsFile.check.hint', review: 'hsFile.review.hint', reassess: 'hsFile.reassess.hint', exit: 'hsFile.exit.hint', relapse: 'hsFile.relapse.hint',
};
const required = (a: FileAction, field: string) => (FILE_FLOW.transitions[a].requires ?? []).includes(field);

interface Values {
  approve?: boolean;
  note?: string | null;
  reason?: string;
  annualIncomeFen?: number | null;
  rigidMedicalFen?: number | null;
  rigidSchoolingFen?: number | null;
  accidentCostFen?: number | null;
}

/** The figures a step may bring up to date (blank: the file's own); a relapse also takes the year's accident costs. */
const FIGURES = { annualIncomeFen: 'hsFile.f.annualIncome', rigidMedicalFen: 'hsFile.f.rigidMedical', rigidSchoolingFen: 'hsFile.f.rigidSchooling', accidentCostFen: 'hsFile.f.accidentCost' } as const;
const figuresOf = (a: StepAction | null) => (a === 'exit' ? (['annualIncomeFen', 'rigidMedicalFen', 'rigidSchoolingFen'] as const) : a === 'relapse' ? (Object.keys(FIGURES) as (keyof typeof FIGURES)[]) : []);

/**
 * One workflow step of a file (common/src/hardship-workflow.ts) in a form with the step's required
 * fields and a confirmation: 核实 and 审核 pass or refuse (refusing is the `reject` step, which needs
 * the reason), 年度复核, 解困脱困 with the reason and the figures at exit, 返困 with the current
 * figures (the server evaluates them: back to the check, or refused with the numbers). The server decides
 * whether the step applies (state, level, scope); its refusal is shown in the form.
 */
export function StepModal({ file, action, onClose, onDone }: { file: FileDetail; action: StepAction | null; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const { label } = useVocab();
  const { modal, message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const approve = Form.useWatch('approve', form);
  const level = file.reviewLevelsDone + 1;
  const decides = action === 'check' || action === 'review';
  const canReject = file.actions.includes('reject');
  const params = { id: file.id };

  const send = async (v: Values): Promise<void> => {
    const note = v.note?.trim() || null;
    if (action === 'check' || action === 'review') {
      await call(hardshipFilesApi[action], { params, body: { approve: !!v.approve, note } });
      void message.success(t('hsFile.done'));
    } else if (action === 'reassess') {
      const r = await call(hardshipFilesApi.reassess, { params, body: { note } });
      modal.info({
        title: t('hsFile.reassess.done', { tier: r.tier ? label(TIERS, r.tier) : t('hardship.tier.none') }),
        width: 640,
        content: (
          <div data-testid="hs-reassess-result">
            {r.suggestExit && <Alert type="warning" showIcon style={{ marginBottom: 8 }} title={t('hsFile.reassess.suggestExit')} />}
            <div style={{ whiteSpace: 'pre-wrap', fontSize: 13 }}>{r.explanation}</div>
          </div>
        ),
      });
    }
    const figures = Object.fromEntries(figuresOf(action).filter((k) => v[k] != null).map((k) => [k, v[k]]));
    if (action === 'exit') {
      const r = await call(hardshipFilesApi.exit, { params, body: { reason: v.reason as never, note, ...figures } });
      modal.success({ title: t('hsFile.exit.done', { date: r.monitoringUntil }), content: <div data-testid="hs-exit-result">{t('hsFile.exit.planned', { dates: r.plannedVisits.join('、') || '—' })}</div> });
    } else if (action === 'relapse') {
      // The server evaluates the household and says why, with the numbers; nothing is compared here.
      const r = await call(hardshipFilesApi.relapse, { params, body: { note: note ?? '', ...figures } });
      (r.eligible ? modal.success : modal.warning)({
        title: r.eligible ? t('hsFile.relapse.eligible') : t('hsFile.relapse.refused', { date: r.monitoringUntil ?? '—' }),
        width: 640,
        content: (
          <div data-testid="hs-relapse-result" data-eligible={String(r.eligible)}>
            <p>{r.summary}</p>
            <div style={{ whiteSpace: 'pre-wrap', fontSize: 12, color: 'rgba(0,0,0,0.55)' }}>{r.explanation}</div>
          </div>
        ),
      });
    }
  };

  const noteRequired = decides ? approve === false && required('reject', 'note') : !!action && required(action, 'note');
  const fields: (FieldSpec | false)[] = !action ? [] : [
    decides && {
      name: 'approve', label: 'hsFile.decision', kind: 'radio', required: true,
      options: [{ value: true, label: t('hsFile.decision.approve') }, ...(canReject ? [{ value: false, label: t('hsFile.decision.reject') }] : [])],
    },
    action === 'exit' && { name: 'reason', label: 'hsFile.exit.reason', kind: 'select', vocab: EXIT_REASONS, required: required('exit', 'reason') },
    ...figuresOf(action).map((k): FieldSpec => ({
      name: k, label: FIGURES[k], kind: 'money', span: action === 'relapse' ? 12 : 8, props: { placeholder: String(file[k] / 100) }, testId: `hs-action-${k.replace(/Fen$/, '')}`,
    })),
    {
      name: 'note', label: action === 'relapse' ? 'hsFile.relapse.note' : 'hsFile.decision.note', kind: 'textarea', max: 500, dependencies: ['approve'],
      required: noteRequired && (decides ? 'hsFile.rule.rejectNote' : 'hsFile.rule.note'), rules: noteRequired ? [{ min: 2, message: t(decides ? 'hsFile.rule.rejectNote' : 'hsFile.rule.note') }] : [],
    },
  ];

  return (
    <FormModal<Values>
      open={!!action}
      form={form}
      testId="hs-action"
      modalTestId={`hs-action-modal-${action ?? 'none'}`}
      submitTestId="hs-action-submit"
      confirmTestId="hs-action-confirm"
      title={!action ? '' : action === 'review' ? t('hsFile.review.title', { level }) : t(`hsFile.${action}.title` as MessageKey)}
      okText="action.confirm"
      width={action === 'exit' || action === 'relapse' ? 640 : 560}
      initialValues={decides ? { approve: true } : {}}
      confirm="hsFile.confirm.irreversible"
      danger={(decides && approve === false) || (!!action && !!FILE_FLOW.transitions[action].danger)}
      inlineErrors
      onClose={onClose}
      onReload={onDone}
      onSubmit={send}
      onDone={onDone}
    >
      {action && <Alert type={action === 'relapse' ? 'warning' : 'info'} showIcon style={{ marginBottom: 12 }} title={t(HINT[action], { name: file.nextReviewLevelOrg?.name ?? '' })} />}
      <FormFields testId="hs-action" span={24} fields={fields} />
    </FormModal>
  );
}

/** 记录走访: a visit, or the completion of a planned follow-up visit. Visits are only added. */
export function VisitModal({ file, open, onClose, onDone }: { file: FileDetail; open: boolean; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const { label } = useVocab();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const planned = file.visits.filter((v) => !v.visitedOn);
  const plannedId = Form.useWatch('plannedVisitId', form) as string | undefined;
  return (
    <FormModal<{ plannedVisitId?: string; kind: string; visitedOn: string; visitor: string; findings: string }>
      open={open}
      form={form}
      testId="hs-visit"
      title={t('hsFile.visit.title')}
      initialValues={{ kind: planned[0] ? 'follow_up' : 'reassessment', plannedVisitId: planned[0]?.id, visitedOn: todayInChina() }}
      fields={[
        planned.length > 0 && {
          name: 'plannedVisitId', label: 'hsFile.visit.planned', kind: 'select', placeholder: 'hsFile.visit.plannedNone', testId: 'hs-visit-planned',
          options: planned.map((p) => ({ value: p.id, label: `${label(VISIT_KINDS, p.kind)} · ${t('hsFile.visit.due')} ${p.dueOn ?? '—'}` })),
        },
        { name: 'kind', label: 'hsFile.visit.kind', kind: 'select', vocab: VISIT_KINDS, required: true, span: 12, disabled: !!plannedId },
        { name: 'visitedOn', label: 'hsFile.visit.done', kind: 'date', noFuture: true, required: true, span: 12, testId: 'hs-visit-date' },
        { name: 'visitor', label: 'hsFile.form.visitor', required: true, max: 60 },
        { name: 'findings', label: 'hsFile.form.findings', kind: 'textarea', required: 'hsFile.rule.findings', max: 2000, rules: [{ min: 2, message: t('hsFile.rule.findings') }] },
      ]}
      onClose={onClose}
      onSubmit={async (v) => {
        await call(hardshipFilesApi.visit, {
          params: { id: file.id },
          body: { kind: (v.plannedVisitId ? 'follow_up' : v.kind) as never, visitedOn: v.visitedOn, visitor: v.visitor.trim(), findings: v.findings.trim(), ...(v.plannedVisitId ? { plannedVisitId: v.plannedVisitId } : {}) },
        });
        void message.success(t('hsFile.visit.saved'));
      }}
      onDone={onDone}
    />
  );
}
