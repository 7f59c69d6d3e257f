import { useState } from 'react';
import { App, Button, Form, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { hardshipAidApi } from '../../../../../common/src/contracts/hardship-aid';
import { rulesApi } from '../../../../../common/src/contracts/rules';
import { AID_PROOF_RULE, proofsFor, type AidProofRule } from '../../../../../common/src/hardship-proof';
import { versionOn } from '../../../../../common/src/rules';
import type { AidMethod, ProofKind } from '../../../../../common/src/hardship-vocab';
import { call } from '../../../api/client';
import { useRequest } from '../../../app/use-request';
import { useI18n } from '../../../i18n';
import { FormModal, useVocab, type FieldSpec } from '../../../kit';
import { fileToBase64 } from '../../../kit/download';
import { PROOF_KINDS, RECIPIENT_KINDS, RELATIONSHIPS } from './vocab';

/** A scan of a receipt, roster or bank record: PDF, JPEG or PNG, at most 5 MB (the server checks the bytes again). */
export const SCAN_TYPES = ['application/pdf', 'image/jpeg', 'image/png'];
export const MAX_SCAN = 5 * 1024 * 1024;

/**
 * The proof each way of paying accepts, as the server's dated rule says on the payment date (GET
 * /api/rules, the version in force by common/src/rules.ts versionOn): the form offers those and the
 * server decides. Until the rules have loaded, the rule's shipped default.
 */
export function useProofRule(): (method: AidMethod, paidOn: string) => ProofKind[] {
  const { data } = useRequest(() => call(rulesApi.list), []);
  const rule = data?.find((r) => r.key === AID_PROOF_RULE.key);
  return (method, paidOn) => {
    const value = rule ? (versionOn(rule.versions, paidOn).value as AidProofRule) : AID_PROOF_RULE.defaults.at(-1)!.value;
    return proofsFor(value, method).filter((k) => k !== 'upload');
  };
}

/** Who received it: the fields of the aid form and of 补签领 (the member list is the file's household). */
export function recipientFields(kind: string | undefined, household: { id: string; name: string; relationship: string }[], label: (v: string) => string, optional = false): (FieldSpec | false)[] {
  return [
    {
      name: 'recipientKind', label: 'hsAid.recipient.kind', kind: 'radio', vocab: RECIPIENT_KINDS, required: !optional, span: 24, testId: 'hs-aid-recipient-kind',
      extra: optional ? 'hsAid.recipient.keep' : 'hsAid.recipient.hint',
    },
    kind === 'member' && {
      name: 'recipientMemberId', label: 'hsAid.recipient.member', kind: 'select', required: 'hsAid.recipient.memberRequired', span: 12, testId: 'hs-aid-recipient-member',
      options: household.map((m) => ({ value: m.id, label: `${m.name}（${label(m.relationship)}）` })),
    },
    kind === 'proxy' && { name: 'proxyName', label: 'hsAid.recipient.proxyName', required: 'hsAid.recipient.proxyNameRequired', max: 40, span: 8, testId: 'hs-aid-proxy-name' },
    kind === 'proxy' && { name: 'proxyRelation', label: 'hsAid.recipient.proxyRelation', required: 'hsAid.recipient.proxyRelationRequired', max: 20, span: 8, placeholder: 'hsAid.recipient.proxyRelationPh', testId: 'hs-aid-proxy-relation' },
    kind === 'proxy' && { name: 'proxyReason', label: 'hsAid.recipient.proxyReason', required: 'hsAid.recipient.proxyReasonRequired', max: 200, span: 8, placeholder: 'hsAid.recipient.proxyReasonPh', testId: 'hs-aid-proxy-reason' },
  ];
}

interface LaterValues {
  kind: ProofKind;
  recipientKind?: string;
  recipientMemberId?: string;
  proxyName?: string;
  proxyRelation?: string;
  proxyReason?: string;
}

/**
 * 补签领: add the missing proof of a payment afterwards — a photo or scan of the signed receipt or
 * roster, or the bank record for a transfer — and, when someone else signed, who (a household member
 * or a proxy with the relation and the reason). Audited on the server; the payment is then complete.
 */
export function ProofModal({ aid, household, onClose, onDone }: {
  aid: { id: string; method: string; paidOn: string } | null;
  household?: { id: string; name: string; relationship: string }[];
  onClose: () => void;
  onDone: () => void;
}) {
  const { t, pick: pickLabel } = useI18n();
  const { label } = useVocab();
  const { message } = App.useApp();
  const [form] = Form.useForm<LaterValues>();
  const [scan, setScan] = useState<File | null>(null);
  const accepted = useProofRule();
  const kinds = aid ? accepted(aid.method as AidMethod, aid.paidOn).filter((k) => k !== 'signature') : [];
  const recipientKind = Form.useWatch('recipientKind', form);
  const pick = (f: File) => {
    const problem = !SCAN_TYPES.includes(f.type) ? t('hsFile.att.badType', { name: f.name }) : f.size > MAX_SCAN ? t('hsFile.att.tooBig', { name: f.name }) : null;
    form.setFields([{ name: 'kind', errors: problem ? [problem] : [] }]);
    if (!problem) setScan(f);
    return Upload.LIST_IGNORE;
  };
  return (
    <FormModal<LaterValues>
      open={!!aid}
      form={form}
      testId="hs-proof"
      submitTestId="hs-proof-save"
      title={t('hsAid.proof.title')}
      width={640}
      inlineErrors
      initialValues={{ kind: kinds[kinds.length > 1 && aid?.method !== 'transfer' ? 1 : 0] ?? kinds[0] }}
      onClose={() => {
        setScan(null);
        onClose();
      }}
      onSubmit={async ({ kind, ...who }) => {
        if (!scan) throw new Error(t('hsAid.proof.fileRequired'));
        const data = await fileToBase64(scan);
        const recipient = who.recipientKind ? Object.fromEntries(Object.entries(who).filter(([, v]) => v != null && v !== '')) : {};
        await call(hardshipAidApi.attachReceipt, { params: { id: aid!.id }, body: { kind: kind as never, data, ...recipient } });
        void message.success(t('hsAid.proof.saved'));
        setScan(null);
      }}
      onDone={onDone}
      fields={[
        {
          name: 'kind', label: 'hsAid.proof.kind', kind: 'radio', required: true, span: 24, testId: 'hs-proof-kind',
          options: kinds.map((k) => ({ value: k, label: pickLabel(PROOF_KINDS[k]) })),
          extra: 'hsAid.proof.kindHint',
          rules: [{ validator: () => (scan ? Promise.resolve() : Promise.reject(new Error(t('hsAid.proof.fileRequired')))) }],
        },
        ...(household ? recipientFields(recipientKind, household, (r) => label(RELATIONSHIPS, r), true) : []),
      ]}
    >
      <Upload accept=".pdf,.jpg,.jpeg,.png" maxCount={1} beforeUpload={pick} onRemove={() => setScan(null)} fileList={scan ? [{ uid: 'p', name: scan.name, status: 'done' }] : []}>
        <Button icon={<UploadOutlined />} data-testid="hs-proof-upload">{t('hsFile.aid.upload.pick')}</Button>
      </Upload>
    </FormModal>
  );
}
