import { useEffect, useState } from 'react';
import { Alert, App, Col, DatePicker, Form, Input, InputNumber, Modal, Radio, Row, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { ApiError } from '../../../api/client';
import { hardshipFileApi, type FileDetail } from '../../../api/hardship-files';
import { useApiError } from '../../../app/use-api-error';
import { useI18n } from '../../../i18n';
import { testId } from '../../../app/test-id';
import { toFen, useLabel, useOptions, V } from '../shared/vocab';
import { DATE } from './file-form';

export type WorkflowAction = 'check' | 'review' | 'reassess' | 'exit' | 'relapse' | 'visit';

interface Values {
  approve?: boolean;
  note?: string;
  reason?: string;
  annualIncome?: number | null;
  rigidMedical?: number | null;
  rigidSchooling?: number | null;
  kind?: string;
  plannedVisitId?: string;
  visitedOn?: Dayjs;
  visitor?: string;
  findings?: string;
}

const money = { min: 0, max: 100_000_000, precision: 2, step: 100, style: { width: '100%' } } as const;

/**
 * The workflow steps of a file, each in its own modal with required fields and a confirmation:
 * 核实 check, 审核 review (level n), 年度复核 reassess, 解困脱困 exit, 返困 relapse, and 记录走访 visit.
 * The server decides whether the step applies (status, level, scope); its refusal is shown here.
 */
export function WorkflowModal({ file, action, onClose, onDone }: { file: FileDetail; action: WorkflowAction | null; onClose: () => void; onDone: () => void }) {
  const { t, pick } = useI18n();
  const options = useOptions();
  const label = useLabel();
  const { modal, message } = App.useApp();
  const { showError, errorText } = useApiError();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const approve = Form.useWatch('approve', form);
  const level = file.reviewLevelsDone + 1;
  const planned = file.visits.filter((v) => !v.visitedOn);

  useEffect(() => {
    if (!action) return;
    form.resetFields();
    setRefusal(null);
    if (action === 'check' || action === 'review') form.setFieldsValue({ approve: true });
    if (action === 'visit') {
      const next = planned[0];
      form.setFieldsValue({ kind: next ? 'follow_up' : 'reassessment', plannedVisitId: next?.id, visitedOn: dayjs() });
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [action, form]);

  const titles: Record<WorkflowAction, string> = {
    check: t('hsFile.check.title'),
    review: t('hsFile.review.title', { level }),
    reassess: t('hsFile.reassess.title'),
    exit: t('hsFile.exit.title'),
    relapse: t('hsFile.relapse.title'),
    visit: t('hsFile.visit.title'),
  };

  const run = async (v: Values) => {
    const note = v.note?.trim() || null;
    const id = file.id;
    switch (action) {
      case 'check':
        await hardshipFileApi.check(id, !!v.approve, note);
        void message.success(t('hsFile.done'));
        break;
      case 'review':
        await hardshipFileApi.review(id, !!v.approve, note);
        void message.success(t('hsFile.done'));
        break;
      case 'reassess': {
        const r = await hardshipFileApi.reassess(id, note);
        modal.info({
          title: t('hsFile.reassess.done', { tier: r.tier ? label(V.TIER_LABELS, r.tier) : t('hardship.tier.none') }),
          width: 640,
          content: (
            <div data-testid="hs-reassess-result">
              {r.suggestExit && <Alert type="warning" showIcon style={{ marginBottom: 8 }} title={t('hsFile.reassess.suggestExit')} />}
              <div style={{ whiteSpace: 'pre-wrap', fontSize: 13 }}>{r.explanation}</div>
            </div>
          ),
        });
        break;
      }
      case 'exit': {
        const r = await hardshipFileApi.exit(id, {
          reason: v.reason!,
          note,
          ...(v.annualIncome != null ? { annualIncomeFen: toFen(v.annualIncome) } : {}),
          ...(v.rigidMedical != null ? { rigidMedicalFen: toFen(v.rigidMedical) } : {}),
          ...(v.rigidSchooling != null ? { rigidSchoolingFen: toFen(v.rigidSchooling) } : {}),
        });
        modal.success({
          title: t('hsFile.exit.done', { date: r.monitoringUntil }),
          content: <div data-testid="hs-exit-result">{t('hsFile.exit.planned', { dates: r.plannedVisits.join('、') || '—' })}</div>,
        });
        break;
      }
      case 'relapse':
        await hardshipFileApi.relapse(id, (v.note ?? '').trim());
        void message.success(t('hsFile.done'));
        break;
      case 'visit':
        await hardshipFileApi.visit(id, {
          kind: v.plannedVisitId ? 'follow_up' : v.kind!,
          visitedOn: v.visitedOn!.format(DATE),
          visitor: (v.visitor ?? '').trim(),
          findings: (v.findings ?? '').trim(),
          ...(v.plannedVisitId ? { plannedVisitId: v.plannedVisitId } : {}),
        });
        void message.success(t('hsFile.visit.saved'));
        break;
    }
  };

  const submit = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const go = async () => {
      setSaving(true);
      setRefusal(null);
      try {
        await run(v);
        onDone();
      } catch (e) {
        if (e instanceof ApiError && e.code === 'VERSION_CONFLICT') showError(e, { reload: onDone });
        else if (e instanceof ApiError && e.status !== 401) setRefusal(errorText(e));
        else showError(e);
      } finally {
        setSaving(false);
      }
    };
    // Status changes cannot be undone: ask first. A visit is only added.
    if (action === 'visit') return go();
    modal.confirm({
      title: t('hsFile.confirm.title'),
      content: t('hsFile.confirm.irreversible'),
      okText: t('action.confirm'),
      cancelText: t('action.cancel'),
      okButtonProps: testId('hs-action-confirm'),
      onOk: go,
    });
  };

  const noteRules = (required: boolean, msg: string) => [...(required ? [{ required: true, whitespace: true, message: msg }, { min: 2, message: msg }] : []), { max: 500, message: t('hsFile.rule.max', { n: 500 }) }];

  return (
    <Modal
      open={!!action}
      title={action ? titles[action] : ''}
      onCancel={onClose}
      onOk={submit}
      okText={t('action.confirm')}
      okButtonProps={{ loading: saving, danger: action === 'check' || action === 'review' ? approve === false : false, ...testId('hs-action-submit') }}
      cancelText={t('action.cancel')}
      width={action === 'exit' ? 640 : 560}
      forceRender
      mask={{ closable: false }}
      modalRender={(node) => <div data-testid={`hs-action-modal-${action ?? 'none'}`}>{node}</div>}
    >
      <Form form={form} layout="vertical" name="hardship-workflow" data-testid="hs-action-form">
        {action === 'check' && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('hsFile.check.hint')} />}
        {action === 'review' && file.nextReviewLevelOrg && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('hsFile.review.hint', { name: file.nextReviewLevelOrg.name })} />}
        {action === 'reassess' && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('hsFile.reassess.hint')} />}
        {action === 'exit' && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('hsFile.exit.hint')} />}
        {action === 'relapse' && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('hsFile.relapse.hint')} />}

        {(action === 'check' || action === 'review') && (
          <>
            <Form.Item name="approve" label={t('hsFile.decision')} rules={[{ required: true }]}>
              <Radio.Group
                data-testid="hs-action-approve"
                options={[
                  { value: true, label: t('hsFile.decision.approve') },
                  { value: false, label: t('hsFile.decision.reject') },
                ]}
              />
            </Form.Item>
            <Form.Item name="note" label={t('hsFile.decision.note')} rules={noteRules(approve === false, t('hsFile.rule.rejectNote'))}>
              <Input.TextArea rows={3} maxLength={500} showCount data-testid="hs-action-note" />
            </Form.Item>
          </>
        )}
        {action === 'reassess' && (
          <Form.Item name="note" label={t('hsFile.decision.note')} rules={noteRules(false, '')}>
            <Input.TextArea rows={3} maxLength={500} data-testid="hs-action-note" />
          </Form.Item>
        )}
        {action === 'exit' && (
          <>
            <Form.Item name="reason" label={t('hsFile.exit.reason')} rules={[{ required: true, message: t('hsFile.rule.select', { field: t('hsFile.exit.reason') }) }]}>
              <Select options={options(V.EXIT_REASONS, V.EXIT_REASON_LABELS)} placeholder={t('common.pleaseSelect')} data-testid="hs-action-reason" />
            </Form.Item>
            <Typography.Text type="secondary">{t('hsFile.exit.figures')}</Typography.Text>
            <Row gutter={12} style={{ marginTop: 8 }}>
              <Col span={8}>
                <Form.Item name="annualIncome" label={t('hsFile.f.annualIncome')}>
                  <InputNumber {...money} placeholder={String(file.annualIncomeFen / 100)} data-testid="hs-action-annualIncome" />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name="rigidMedical" label={t('hsFile.f.rigidMedical')}>
                  <InputNumber {...money} placeholder={String(file.rigidMedicalFen / 100)} data-testid="hs-action-rigidMedical" />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name="rigidSchooling" label={t('hsFile.f.rigidSchooling')}>
                  <InputNumber {...money} placeholder={String(file.rigidSchoolingFen / 100)} data-testid="hs-action-rigidSchooling" />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item name="note" label={t('hsFile.decision.note')} rules={noteRules(false, '')}>
              <Input.TextArea rows={2} maxLength={500} data-testid="hs-action-note" />
            </Form.Item>
          </>
        )}
        {action === 'relapse' && (
          <Form.Item name="note" label={t('hsFile.relapse.note')} rules={noteRules(true, t('hsFile.rule.note'))}>
            <Input.TextArea rows={3} maxLength={500} showCount data-testid="hs-action-note" />
          </Form.Item>
        )}
        {action === 'visit' && (
          <Row gutter={12}>
            {planned.length > 0 && (
              <Col span={24}>
                <Form.Item name="plannedVisitId" label={t('hsFile.visit.planned')}>
                  <Select
                    allowClear
                    placeholder={t('hsFile.visit.plannedNone')}
                    data-testid="hs-visit-planned"
                    options={planned.map((p) => ({ value: p.id, label: `${label(V.VISIT_KIND_LABELS, p.kind)} · ${t('hsFile.visit.due')} ${p.dueOn ?? '—'}` }))}
                  />
                </Form.Item>
              </Col>
            )}
            <Col span={12}>
              <Form.Item noStyle shouldUpdate={(a, b) => a.plannedVisitId !== b.plannedVisitId}>
                {() => (
                  <Form.Item name="kind" label={t('hsFile.visit.kind')} rules={[{ required: true, message: t('hsFile.rule.select', { field: t('hsFile.visit.kind') }) }]}>
                    <Select disabled={!!form.getFieldValue('plannedVisitId')} options={V.VISIT_KINDS.map((k) => ({ value: k, label: pick(V.VISIT_KIND_LABELS[k]) }))} data-testid="hs-visit-kind" />
                  </Form.Item>
                )}
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="visitedOn" label={t('hsFile.visit.done')} rules={[{ required: true, message: t('hsFile.rule.select', { field: t('hsFile.visit.done') }) }]}>
                <DatePicker style={{ width: '100%' }} format={DATE} disabledDate={(d) => d.isAfter(dayjs(), 'day')} data-testid="hs-visit-date" />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="visitor" label={t('hsFile.form.visitor')} rules={[{ required: true, whitespace: true, message: t('hsFile.rule.required', { field: t('hsFile.form.visitor') }) }, { max: 60, message: t('hsFile.rule.max', { n: 60 }) }]}>
                <Input maxLength={60} data-testid="hs-visit-visitor" />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="findings" label={t('hsFile.form.findings')} rules={[{ required: true, whitespace: true, min: 2, message: t('hsFile.rule.findings') }, { max: 2000, message: t('hsFile.rule.max', { n: 2000 }) }]}>
                <Input.TextArea rows={3} maxLength={2000} showCount data-testid="hs-visit-findings" />
              </Form.Item>
            </Col>
          </Row>
        )}
        {refusal && <Alert type="error" showIcon title={refusal} data-testid="hs-action-error" style={{ whiteSpace: 'pre-wrap' }} />}
      </Form>
    </Modal>
  );
}
