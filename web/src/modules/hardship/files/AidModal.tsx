import { useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Col, DatePicker, Form, Input, InputNumber, Modal, Radio, Row, Select, Space, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { ApiError } from '../../../api/client';
import { fileToBase64, hardshipFileApi, MAX_UPLOAD_BYTES, UPLOAD_TYPES, type Budget, type FileDetail, type ReceiptInput } from '../../../api/hardship-files';
import { useApiError } from '../../../app/use-api-error';
import { useRequest } from '../../../app/use-request';
import { useI18n } from '../../../i18n';
import { testId } from '../../../app/test-id';
import { toFen, useOptions, V, yuan } from '../shared/vocab';
import { DATE } from './file-form';
import { SignaturePad, type SignaturePadHandle } from './SignaturePad';

interface Values {
  kind?: string;
  amount?: number | null;
  paidOn?: Dayjs;
  budgetId?: string;
  payer?: string;
  recipientName?: string;
  recipientRelation?: 'self' | 'spouse' | 'child' | 'parent' | 'other';
  causeKey?: string;
  note?: string;
  receiptKind?: 'signature' | 'upload' | 'later';
}

const RELATIONS = ['self', 'spouse', 'child', 'parent', 'other'] as const;

/**
 * 登记帮扶: one payment or service for the household, real-name, with a signed receipt (an on-screen
 * signature sent as PNG, or an uploaded scan). The budget is chosen among those that may pay this
 * household in the payment's year, with what remains; the server checks the caps and the budget and
 * its refusal (AID_CAP_EXCEEDED, BUDGET_EXCEEDED …) is shown in the modal.
 */
export function AidModal({ file, open, onClose, onDone }: { file: FileDetail; open: boolean; onClose: () => void; onDone: () => void }) {
  const { t, lang } = useI18n();
  const options = useOptions();
  const { message } = App.useApp();
  const { showError, errorText } = useApiError();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [upload, setUpload] = useState<File | null>(null);
  const pad = useRef<SignaturePadHandle>(null);
  const paidOn = Form.useWatch('paidOn', form);
  const budgetId = Form.useWatch('budgetId', form);
  const kind = Form.useWatch('kind', form);
  const receiptKind = Form.useWatch('receiptKind', form);
  const year = (paidOn ?? dayjs()).year();
  const { data: budgets, loading: loadingBudgets } = useRequest<Budget[]>(
    () => (open ? hardshipFileApi.budgets(year, file.orgId) : Promise.resolve([])),
    [open, year, file.orgId],
    showError,
  );
  const budget = budgets?.find((b) => b.id === budgetId);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ kind: 'living', paidOn: dayjs(), recipientName: file.name, recipientRelation: 'self', receiptKind: 'signature' });
    setRefusal(null);
    setUpload(null);
  }, [open, form, file.name]);

  // Keep the budget choice valid when the year changes; pick the only one when there is one.
  useEffect(() => {
    if (!budgets) return;
    const current = form.getFieldValue('budgetId') as string | undefined;
    if (current && !budgets.some((b) => b.id === current)) form.setFieldValue('budgetId', undefined);
    if (!current && budgets.length === 1) form.setFieldValue('budgetId', budgets[0]!.id);
  }, [budgets, form]);

  const submit = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    let receipt: ReceiptInput | undefined;
    if (v.receiptKind === 'signature') {
      const png = pad.current?.toPng();
      if (!png) {
        form.setFields([{ name: 'receiptKind', errors: [t('hsFile.aid.sign.empty')] }]);
        return;
      }
      receipt = { kind: 'signature', data: png };
    } else if (v.receiptKind === 'upload') {
      if (!upload) {
        form.setFields([{ name: 'receiptKind', errors: [t('hsFile.aid.upload.empty')] }]);
        return;
      }
      receipt = { kind: 'upload', data: await fileToBase64(upload) };
    }
    setSaving(true);
    setRefusal(null);
    try {
      const amountFen = toFen(v.amount!);
      const r = await hardshipFileApi.recordAid(file.id, {
        kind: v.kind!,
        amountFen,
        paidOn: v.paidOn!.format(DATE),
        budgetId: v.budgetId!,
        payer: v.payer?.trim() || null,
        recipientName: (v.recipientName ?? '').trim(),
        recipientRelation: v.recipientRelation ?? 'self',
        causeKey: v.causeKey?.trim() || null,
        note: v.note?.trim() || null,
        ...(receipt ? { receipt } : {}),
      });
      void message.success(t('hsFile.aid.saved', { amount: yuan(amountFen), remaining: yuan(r.budgetRemainingFen) }));
      onDone();
    } catch (e) {
      if (e instanceof ApiError && e.status !== 401) {
        // Field problems go next to their fields; refusals (caps, budget, status) stay in the modal, in full.
        const fieldMap: Record<string, keyof Values> = { amountFen: 'amount', budgetId: 'budgetId', paidOn: 'paidOn', recipientName: 'recipientName', kind: 'kind', causeKey: 'causeKey', payer: 'payer' };
        const placed = e.fieldIssues
          .map((f) => ({ name: fieldMap[f.path.split('.').filter((p) => p !== 'body')[0] ?? ''], msg: lang === 'zh-CN' ? f.message : (f.messageEn ?? f.message) }))
          .filter((x): x is { name: keyof Values; msg: string } => !!x.name);
        if (placed.length) form.setFields(placed.map((p) => ({ name: p.name, errors: [p.msg.split(' / ')[lang === 'zh-CN' ? 0 : 1] ?? p.msg] })));
        setRefusal(errorText(e));
      } else showError(e);
    } finally {
      setSaving(false);
    }
  };

  const beforeUpload = (f: File) => {
    if (!UPLOAD_TYPES.includes(f.type)) {
      form.setFields([{ name: 'receiptKind', errors: [t('hsFile.att.badType', { name: f.name })] }]);
      return Upload.LIST_IGNORE;
    }
    if (f.size > MAX_UPLOAD_BYTES) {
      form.setFields([{ name: 'receiptKind', errors: [t('hsFile.att.tooBig', { name: f.name })] }]);
      return Upload.LIST_IGNORE;
    }
    form.setFields([{ name: 'receiptKind', errors: [] }]);
    setUpload(f);
    return false;
  };

  return (
    <Modal
      open={open}
      title={t('hsFile.aid.title')}
      onCancel={onClose}
      footer={
        <Space>
          <Button onClick={onClose}>{t('action.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={submit} {...testId('hs-aid-save')}>
            {t('action.save')}
          </Button>
        </Space>
      }
      width={720}
      mask={{ closable: false }}
      destroyOnHidden
      modalRender={(node) => <div data-testid="hs-aid-modal">{node}</div>}
    >
      <Form form={form} layout="vertical" name="hardship-aid" requiredMark data-testid="hs-aid-form">
        <Row gutter={12}>
          <Col xs={24} md={8}>
            <Form.Item name="kind" label={t('hsFile.aid.kind')} rules={[{ required: true, message: t('hsFile.rule.select', { field: t('hsFile.aid.kind') }) }]}>
              <Select options={options(V.AID_KINDS, V.AID_KIND_LABELS)} data-testid="hs-aid-kind" />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item
              name="amount"
              label={t('hsFile.aid.amount')}
              rules={[
                { required: true, message: t('hsFile.rule.required', { field: t('hsFile.aid.amount') }) },
                {
                  validator: (_, v: number | null | undefined) =>
                    v == null || v > 0 ? Promise.resolve() : Promise.reject(new Error(t('hsFile.rule.positive'))),
                },
                {
                  validator: (_, v: number | null | undefined) =>
                    v == null || !budget || toFen(v) <= budget.remainingFen ? Promise.resolve() : Promise.reject(new Error(t('hsFile.aid.overBudget', { remaining: yuan(budget.remainingFen) }))),
                },
              ]}
            >
              <InputNumber min={0.01} max={100_000_000} precision={2} step={100} style={{ width: '100%' }} prefix="¥" data-testid="hs-aid-amount" />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="paidOn" label={t('hsFile.aid.paidOn')} rules={[{ required: true, message: t('hsFile.rule.select', { field: t('hsFile.aid.paidOn') }) }]}>
              <DatePicker style={{ width: '100%' }} format={DATE} disabledDate={(d) => d.isAfter(dayjs(), 'day')} allowClear={false} data-testid="hs-aid-paidOn" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              name="budgetId"
              label={t('hsFile.aid.budget')}
              rules={[{ required: true, message: t('hsFile.rule.select', { field: t('hsFile.aid.budget') }) }]}
              extra={budgets && budgets.length === 0 && !loadingBudgets ? <Typography.Text type="warning">{t('hsFile.aid.noBudget', { year })}</Typography.Text> : undefined}
            >
              <Select
                loading={loadingBudgets}
                data-testid="hs-aid-budget"
                placeholder={t('common.pleaseSelect')}
                options={(budgets ?? []).map((b) => ({
                  value: b.id,
                  disabled: b.remainingFen <= 0,
                  label: t('hsFile.aid.budgetOption', { org: b.orgName, line: b.line, remaining: yuan(b.remainingFen) }),
                }))}
                optionRender={(o) => <span data-testid={`hs-aid-budget-option-${o.value}`}>{o.label}</span>}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="recipientName" label={t('hsFile.aid.recipient')} rules={[{ required: true, whitespace: true, message: t('hsFile.rule.required', { field: t('hsFile.aid.recipient') }) }, { max: 40, message: t('hsFile.rule.max', { n: 40 }) }]}>
              <Input maxLength={40} data-testid="hs-aid-recipient" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="recipientRelation" label={t('hsFile.aid.relation')}>
              <Select options={RELATIONS.map((r) => ({ value: r, label: t(`hsFile.aid.rel.${r}` as const) }))} data-testid="hs-aid-relation" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="payer" label={t('hsFile.aid.payer')} extra={t('hsFile.aid.payerHint')} rules={[{ max: 60, message: t('hsFile.rule.max', { n: 60 }) }]}>
              <Input maxLength={60} data-testid="hs-aid-payer" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="causeKey"
              label={t('hsFile.aid.cause')}
              extra={kind === 'medical' ? t('hsFile.aid.causeHint') : undefined}
              rules={[{ required: kind === 'medical', whitespace: true, message: t('hsFile.rule.required', { field: t('hsFile.aid.cause') }) }, { max: 60, message: t('hsFile.rule.max', { n: 60 }) }]}
            >
              <Input maxLength={60} data-testid="hs-aid-cause" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="note" label={t('hsFile.aid.note')} rules={[{ max: 500, message: t('hsFile.rule.max', { n: 500 }) }]}>
              <Input maxLength={500} data-testid="hs-aid-note" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="receiptKind" label={t('hsFile.aid.receipt')}>
              <Radio.Group
                data-testid="hs-aid-receipt-kind"
                options={[
                  { value: 'signature', label: t('hsFile.aid.receipt.signature') },
                  { value: 'upload', label: t('hsFile.aid.receipt.upload') },
                  { value: 'later', label: t('hsFile.aid.receipt.later') },
                ]}
              />
            </Form.Item>
            {open && receiptKind === 'signature' && <SignaturePad ref={pad} onChange={(empty) => !empty && form.setFields([{ name: 'receiptKind', errors: [] }])} />}
            {receiptKind === 'upload' && (
              <Upload accept=".pdf,.jpg,.jpeg,.png" maxCount={1} beforeUpload={beforeUpload} onRemove={() => setUpload(null)} fileList={upload ? [{ uid: 'r', name: upload.name, status: 'done' }] : []}>
                <Button icon={<UploadOutlined />} data-testid="hs-aid-upload">
                  {t('hsFile.aid.upload.pick')}
                </Button>
              </Upload>
            )}
          </Col>
        </Row>
        {refusal && <Alert style={{ marginTop: 12 }} type="error" showIcon title={t('hsFile.aid.refused')} description={refusal} data-testid="hs-aid-error" />}
      </Form>
    </Modal>
  );
}
