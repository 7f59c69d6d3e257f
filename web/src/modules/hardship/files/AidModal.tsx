import { useEffect, useRef, useState } from 'react';
import { App, Button, Form, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { hardshipAidApi, type AidInput, type BudgetItem, type ReceiptInput } from '../../../../../common/src/contracts/hardship-aid';
import { call } from '../../../api/client';
import { useI18n } from '../../../i18n';
import { FormModal, todayInChina, useVocab, yuan } from '../../../kit';
import { fileToBase64 } from '../../../kit/download';
import { AID_KINDS, AID_METHODS, RELATIONSHIPS } from '../aid/vocab';
import { BudgetSelect } from '../aid/BudgetSelect';
import { MAX_SCAN, recipientFields, SCAN_TYPES, useProofRule } from '../aid/proof';
import { SignaturePad, type SignaturePadHandle } from './SignaturePad';
import type { AidMethod } from '../../../../../common/src/hardship-vocab';

type Values = Omit<AidInput, 'receipt'> & { receiptKind: 'signature' | 'signed_roster' | 'bank_record' | 'later' };

/**
 * 登记帮扶: one payment or service for the household, real-name, to the head of the household, a
 * listed household member or a proxy (代领, with the relation and the reason), with the proof its way
 * of paying needs under the dated rule (an on-screen signature sent as PNG, a photo of the signed
 * receipt or roster, the bank record of a transfer) or 稍后补签领. The budget is chosen among those
 * that may pay this household in the payment's year, with what remains; the server checks the
 * recipient, the proof, the caps and the budget, and its refusal is shown in the form.
 */
export function AidModal({ file, open, onClose, onDone }: { file: { id: string; orgId: string; name: string; household: { id: string; name: string; relationship: string }[] }; open: boolean; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const { label } = useVocab();
  const accepted = useProofRule();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [budget, setBudget] = useState<BudgetItem | undefined>();
  const [scan, setScan] = useState<File | null>(null);
  const pad = useRef<SignaturePadHandle>(null);
  const paidOn = Form.useWatch('paidOn', form) as string | undefined;
  const kind = Form.useWatch('kind', form);
  const receiptKind = Form.useWatch('receiptKind', form);
  const method = Form.useWatch('method', form) as AidMethod | undefined;
  const recipientKind = Form.useWatch('recipientKind', form);
  const proofs = method ? accepted(method, paidOn ?? todayInChina()) : [];
  const year = Number((paidOn ?? todayInChina()).slice(0, 4));
  useEffect(() => {
    if (open) setScan(null);
  }, [open]);
  // A way of paying that does not take the chosen proof (a transfer and a signature): offer its first.
  const proofKey = proofs.join(',');
  useEffect(() => {
    if (method && receiptKind !== 'later' && !proofKey.split(',').includes(receiptKind)) form.setFieldValue('receiptKind', proofKey.split(',')[0] || 'later');
  }, [method, proofKey, receiptKind, form]);

  const save = async ({ receiptKind: how, ...v }: Values) => {
    let receipt: ReceiptInput | undefined;
    if (how === 'signature') receipt = { kind: 'signature', data: pad.current!.toPng()! };
    else if (how !== 'later') receipt = { kind: how, data: await fileToBase64(scan!) };
    const r = await call(hardshipAidApi.record, { params: { id: file.id }, body: { ...v, ...(receipt ? { receipt } : {}) } });
    void message.success(t('hsFile.aid.saved', { amount: yuan(v.amountFen), remaining: yuan(r.budgetRemainingFen) }));
    onDone();
  };

  const pickScan = (f: File) => {
    const problem = !SCAN_TYPES.includes(f.type) ? t('hsFile.att.badType', { name: f.name }) : f.size > MAX_SCAN ? t('hsFile.att.tooBig', { name: f.name }) : null;
    form.setFields([{ name: 'receiptKind', errors: problem ? [problem] : [] }]);
    if (!problem) setScan(f);
    return Upload.LIST_IGNORE;
  };

  return (
    <FormModal<Values>
      open={open}
      form={form}
      title={t('hsFile.aid.title')}
      testId="hs-aid"
      submitTestId="hs-aid-save"
      inlineErrors
      width={720}
      span={8}
      initialValues={{ kind: 'living', paidOn: todayInChina(), recipientKind: 'head', receiptKind: 'signature' }}
      onClose={onClose}
      onSubmit={save}
      fields={[
        { name: 'kind', label: 'hsFile.aid.kind', kind: 'select', vocab: AID_KINDS, required: true, props: { allowClear: false } },
        {
          name: 'amountFen', label: 'hsFile.aid.amount', kind: 'money', required: true, testId: 'hs-aid-amount',
          rules: [{ validator: (_, v: number | null) => (v == null || v > 0 ? Promise.resolve() : Promise.reject(new Error(t('hsFile.rule.positive')))) },
            { validator: (_, v: number | null) => (v == null || !budget || v <= budget.remainingFen ? Promise.resolve() : Promise.reject(new Error(t('hsFile.aid.overBudget', { remaining: yuan(budget.remainingFen) })))) }],
        },
        { name: 'paidOn', label: 'hsFile.aid.paidOn', kind: 'date', required: true, noFuture: true, testId: 'hs-aid-paidOn', props: { allowClear: false } },
        // No default: the way of paying decides the proof, so the clerk says which it was.
        { name: 'method', label: 'hsFile.aid.method', kind: 'radio', vocab: AID_METHODS, required: 'hsFile.aid.methodRequired', span: 24, testId: 'hs-aid-method' },
        {
          name: 'budgetId', label: 'hsFile.aid.budget', kind: 'custom', required: true, span: 24,
          input: <BudgetSelect year={year} forOrgId={file.orgId} follow disableSpent onPick={setBudget} optionTestId="hs-aid-budget-option" data-testid="hs-aid-budget" />,
        },
        ...recipientFields(recipientKind, file.household, (r) => label(RELATIONSHIPS, r)),
        { name: 'payer', label: 'hsFile.aid.payer', extra: 'hsFile.aid.payerHint', max: 60 },
        { name: 'causeKey', label: 'hsFile.aid.cause', span: 12, required: kind === 'medical', max: 60, extra: kind === 'medical' ? 'hsFile.aid.causeHint' : undefined, testId: 'hs-aid-cause' },
        { name: 'note', label: 'hsFile.aid.note', span: 12, max: 500 },
        {
          name: 'receiptKind', label: 'hsFile.aid.receipt', kind: 'radio', span: 24, testId: 'hs-aid-receipt-kind',
          extra: 'hsFile.aid.receiptHint',
          options: [...proofs, 'later' as const].map((k) => ({ value: k, label: t(`hsFile.aid.receipt.${k}`) })),
          rules: [{
            validator: (_, k: string) => (k !== 'later' && !proofs.includes(k as never) ? Promise.reject(new Error(t('hsFile.aid.receipt.pick')))
              : k === 'signature' && pad.current?.isEmpty() !== false ? Promise.reject(new Error(t('hsFile.aid.sign.empty')))
              : (k === 'signed_roster' || k === 'bank_record') && !scan ? Promise.reject(new Error(t('hsFile.aid.upload.empty'))) : Promise.resolve()),
          }],
        },
      ]}
    >
      {open && receiptKind === 'signature' && proofs.includes('signature') && <SignaturePad ref={pad} onChange={(empty) => !empty && form.setFields([{ name: 'receiptKind', errors: [] }])} />}
      {(receiptKind === 'signed_roster' || receiptKind === 'bank_record') && (
        <Upload accept=".pdf,.jpg,.jpeg,.png" maxCount={1} beforeUpload={pickScan} onRemove={() => setScan(null)} fileList={scan ? [{ uid: 'r', name: scan.name, status: 'done' }] : []}>
          <Button icon={<UploadOutlined />} data-testid="hs-aid-upload">
            {t('hsFile.aid.upload.pick')}
          </Button>
        </Upload>
      )}
    </FormModal>
  );
}
