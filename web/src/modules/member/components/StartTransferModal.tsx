import { Alert, App, Form, Radio } from 'antd';
import { call } from '../../../api/client';
import { joinApi } from '../../../../../common/src/contracts/join';
import { transferApi, type TransferStartedT } from '../../../../../common/src/contracts/transfer';
import { useI18n } from '../../../i18n';
import { FormModal, type FieldSpec } from '../../../kit';
import type { OrgSearch } from '../../../kit/OrgPicker';

/**
 * 发起接转. Outgoing (from a member's page): the releasing union names the receiving one, which may
 * be anywhere in the city, or the territorial street/park union when the new employer has no
 * union. Incoming (按身份证号接收): the receiving union knows only the person's ID number.
 */
export type TransferStart = { kind: 'out'; memberId: string; memberName: string; fromUnionName: string } | { kind: 'in' };

interface Values {
  target: 'union' | 'territorial';
  toOrgId: string;
  idNumber?: string;
  reason: string;
}

/** The public look-ups (GET /api/join/unions, /api/join/territorial): the receiving union may lie outside the caller's scope. */
const anyUnion: OrgSearch = async (q) =>
  q.length < 2 ? [] : (await call(joinApi.unions, { query: { q } })).map((h) => ({ id: h.id, name: h.name, note: [h.districtName, h.streetName].filter(Boolean).join(' · ') }));
const territorial: OrgSearch = async (q) =>
  q.length < 2 ? [] : (await call(joinApi.territorial, { query: { q } })).map((h) => ({ id: h.id, name: h.name, note: h.districtName ?? undefined }));

export function StartTransferModal({ start, onClose, onStarted }: { start: TransferStart | null; onClose: () => void; onStarted: (r: TransferStartedT) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const target = Form.useWatch('target', form) ?? 'union';
  const out = start?.kind === 'out';

  const fields: (FieldSpec | false)[] = [
    !out && { name: 'idNumber', label: 'member.field.idNumber', kind: 'id', required: 'member.rule.idNumber' },
    out && {
      name: 'target', label: 'transfer.targetKind', kind: 'custom',
      input: (
        <Radio.Group
          onChange={() => form.setFieldsValue({ toOrgId: undefined })}
          data-testid="transfer-start-target"
          options={[
            { value: 'union', label: t('transfer.target.union') },
            { value: 'territorial', label: t('transfer.target.territorial') },
          ]}
        />
      ),
    },
    {
      name: 'toOrgId', label: out ? 'transfer.receiving' : 'transfer.receivingOwn', kind: 'org', required: 'transfer.receivingRule', testId: 'transfer-start-toOrg',
      ...(out ? { search: target === 'territorial' ? territorial : anyUnion, extra: 'transfer.receivingHint' as const } : { levels: ['grassroots'] }),
    },
    { name: 'reason', label: 'transfer.reason', kind: 'textarea', max: 200, required: 'transfer.reasonRule', placeholder: 'transfer.reasonPlaceholder', rules: [{ min: 2, message: t('transfer.reasonRule') }] },
  ];

  return (
    <FormModal<Values>
      open={!!start}
      form={form}
      title={out ? t('transfer.startOutTitle', { name: start.memberName }) : t('transfer.startInTitle')}
      testId="transfer-start"
      okText="transfer.submit"
      width={620}
      initialValues={{ target: 'union' }}
      fields={fields}
      onSubmit={(v) =>
        out
          ? call(transferApi.startOutgoing, { body: { memberId: start.memberId, toOrgId: v.toOrgId, reason: v.reason.trim() } })
          : call(transferApi.startIncoming, { body: { idNumber: v.idNumber!.trim(), toOrgId: v.toOrgId, reason: v.reason.trim() } })
      }
      onDone={(r) => {
        const s = r as TransferStartedT;
        void message.success(t('transfer.started', { name: s.memberName, to: s.toUnionName }));
        onStarted(s);
      }}
      onClose={onClose}
    >
      <Alert type="info" showIcon title={out ? t('transfer.outHint', { from: start.fromUnionName }) : t('transfer.inHint')} />
    </FormModal>
  );
}
