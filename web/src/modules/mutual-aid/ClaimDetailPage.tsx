import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { Button, Card, List } from 'antd';
import { mutualAidApi, type ClaimDetailT } from '../../../../common/src/contracts/mutual-aid';
import { call } from '../../api/client';
import { Actions, DetailPage, Fields, FormModal, StatusTag, download, useVocab, yuan, type FieldSpec } from '../../kit';
import { useI18n } from '../../i18n';
import { BENEFIT_LABELS, CLAIM_STATUS_LABELS, KIND_LABELS } from './vocab';

type Step = 'approve' | 'pay' | 'reject';
const FIELDS: Record<Step, FieldSpec[]> = {
  approve: [{ name: 'approvedFen', label: 'mutualAid.field.approved', kind: 'money', required: true }],
  pay: [{ name: 'paidOn', label: 'mutualAid.field.paidOn', kind: 'date', required: true, noFuture: true }],
  reject: [{ name: 'reason', label: 'mutualAid.field.reason', kind: 'textarea', required: true, max: 500, span: 24 }],
};

/** 互助金申请详情: the claim, its cover, its documents, and the review steps the server allows. */
export default function ClaimDetailPage() {
  const { id } = useParams<{ id: string }>();
  const { t } = useI18n();
  const { label } = useVocab();
  const [open, setOpen] = useState<Step | null>(null);
  return (
    <DetailPage<ClaimDetailT> testId="mutual-aid-claim" get={mutualAidApi.claim} title={(k) => `${k.claimNo} ${k.memberName}`}
      tags={(k) => <StatusTag vocab={CLAIM_STATUS_LABELS} value={k.status} />}
      actions={(k, reload) => (
        <>
          <Actions actions={(['approve', 'pay', 'reject'] as const).map((s) => ({
            key: s, label: `mutualAid.action.${s}` as const, show: k.actions.includes(s), primary: s !== 'reject', danger: s === 'reject', testId: `mutual-aid-${s}`, onClick: () => setOpen(s),
          }))} />
          {open && (
            <FormModal<Record<string, unknown>> open testId={`mutual-aid-${open}-form`} title={t(`mutualAid.action.${open}`)} onClose={() => setOpen(null)}
              initialValues={open === 'approve' ? { approvedFen: k.amountFen } : {}}
              onSubmit={async (v) => { await call(mutualAidApi[open], { params: { id: k.id }, body: { ...v, version: k.version } as never }); setOpen(null); reload(); }}
              fields={FIELDS[open]} />
          )}
        </>
      )}
      body={(k) => (
        <>
          <Card size="small">
            <Fields items={[
              { label: 'mutualAid.field.org', value: k.orgName },
              { label: 'mutualAid.field.plan', value: `${k.planName}（${label(KIND_LABELS, k.kind)}）` },
              { label: 'mutualAid.field.cover', value: `${k.coverFrom} ~ ${k.coverTo}` },
              { label: 'mutualAid.field.benefit', value: label(BENEFIT_LABELS, k.benefit) },
              { label: 'mutualAid.field.eventOn', value: k.eventOn },
              { label: 'mutualAid.field.assessedOn', value: k.assessedOn },
              { label: 'mutualAid.field.amount', value: yuan(k.amountFen) },
              { label: 'mutualAid.field.approved', value: yuan(k.approvedFen) },
              { label: 'mutualAid.field.paidOn', value: k.paidOn },
              { label: 'mutualAid.field.reason', value: k.reason },
              { label: 'mutualAid.field.description', value: k.description, span: 2 },
            ]} />
          </Card>
          <Card size="small" title={t('mutualAid.field.documents')} style={{ marginTop: 16 }}>
            <List size="small" dataSource={k.documents} data-testid="mutual-aid-documents"
              renderItem={(d) => <List.Item><Button type="link" size="small" onClick={() => void download(mutualAidApi.document, { params: { id: d.id } }, d.fileName).catch(() => undefined)}>{d.fileName}</Button></List.Item>} />
          </Card>
        </>
      )}
      history={{ endpoint: mutualAidApi.claimHistory, id: id! }}
    />
  );
}
