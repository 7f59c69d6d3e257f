import { useState } from 'react';
import { Alert, Button, Card, Form, Result, Tabs } from 'antd';
import { legalAidPublicApi } from '../../../../common/src/contracts/legal-aid';
import { CURRENT_CONSENT_VERSION } from '../../../../common/src/member-input';
import { call } from '../../api/client';
import { useApiError } from '../../app/use-api-error';
import { useRequest } from '../../app/use-request';
import { disputePublicApi } from '../../../../common/src/contracts/dispute';
import { useI18n } from '../../i18n';
import { ConsentNotice, Fields, FormFields, StatusTag, type FieldSpec } from '../../kit';
import { PublicForm } from '../../kit/PublicForm';
import { PublicShell } from '../join/PublicShell';
import { DISPUTE_TYPE, LEGAL_AID_KIND, LEGAL_AID_STATUS } from './vocab';

/** What a worker fills in for legal aid, on the public page and in the portal (the portal adds no mobile: the account's is used). */
export const legalAidRequestFields = (unions: { id: string; name: string }[]): FieldSpec[] => [
  { name: 'orgId', label: 'legalAid.field.orgId', kind: 'select', required: true, span: 24, options: unions.map((c) => ({ value: c.id, label: c.name })) },
  { name: 'kind', label: 'legalAid.field.kind', kind: 'radio', required: true, span: 24, vocab: LEGAL_AID_KIND },
  { name: 'type', label: 'legalAid.field.type', kind: 'select', required: true, span: 24, vocab: DISPUTE_TYPE },
  { name: 'applicantName', label: 'legalAid.field.applicantName', required: true, max: 40, span: 24 },
  { name: 'employerName', label: 'dispute.field.employerName', max: 100, span: 24 },
  { name: 'employerUscc', label: 'dispute.field.employerUscc', kind: 'uscc', span: 24 },
  { name: 'summary', label: 'legalAid.field.summary', kind: 'textarea', required: true, max: 2000, span: 24 },
];
export interface LegalAidValues {
  orgId: string;
  kind: string;
  type: string;
  applicantName: string;
  employerName?: string;
  employerUscc?: string;
  summary: string;
}
export const legalAidBody = (v: LegalAidValues) => ({
  orgId: v.orgId,
  kind: v.kind as never,
  type: v.type as never,
  applicantName: v.applicantName,
  employerName: v.employerName || null,
  employerUscc: v.employerUscc || null,
  summary: v.summary,
});

/** /legal-aid/apply: a worker asks for legal aid (consultation, drafting, representation) without an account, and follows the request by its number and mobile. */
export default function LegalAidApplyPage() {
  const { t } = useI18n();
  const [form] = Form.useForm<LegalAidValues & { mobile: string; accepted?: boolean }>();
  const [done, setDone] = useState<{ requestNo: string; orgName: string } | null>(null);
  const { data: centres } = useRequest(() => call(disputePublicApi.centres, {}), []);
  const apply = done ? (
    <Result status="success" title={t('legalAidPublic.done')} subTitle={t('legalAidPublic.doneSub', { no: done.requestNo, org: done.orgName })} data-testid="legal-aid-apply-done" data-request-no={done.requestNo} />
  ) : (
    <PublicForm<LegalAidValues & { mobile: string; accepted?: boolean }>
      form={form}
      testId="legal-aid-apply"
      initialValues={{ kind: 'consultation' }}
      submitText={t('legalAidPublic.submit')}
      rateLimitedHint={t('disputePublic.rateLimited')}
      onSubmit={async (v) => setDone(await call(legalAidPublicApi.apply, { body: { ...legalAidBody(v), mobile: v.mobile, consent: { version: CURRENT_CONSENT_VERSION, accepted: true } } }))}
    >
      <FormFields testId="legal-aid-apply" span={24} fields={[...legalAidRequestFields(centres ?? []), { name: 'mobile', label: 'dispute.field.mobile', kind: 'mobile', required: true, span: 24, extra: 'disputePublic.followPrivacy' }]} />
      <ConsentNotice name="accepted" testId="legal-aid-apply" title={t('disputePublic.consentTitle')} body={t('legalAidPublic.consentBody')} agree={t('disputePublic.consentAgree')} required={t('disputePublic.consentRequired')} />
    </PublicForm>
  );
  return (
    <PublicShell title={t('legalAidPublic.title')} testId="legal-aid-apply-page">
      <Card>
        <Tabs items={[{ key: 'apply', label: t('legalAidPublic.tab.apply'), children: apply }, { key: 'follow', label: t('disputePublic.tab.follow'), children: <Follow /> }]} />
      </Card>
    </PublicShell>
  );
}

function Follow() {
  const { t } = useI18n();
  const { errorText } = useApiError();
  const [error, setError] = useState<string | null>(null);
  const [r, setR] = useState<Awaited<ReturnType<typeof look>> | null>(null);
  const look = (requestNo: string, mobile: string) => call(legalAidPublicApi.follow, { query: { requestNo, mobile } });
  return (
    <Form
      layout="vertical"
      requiredMark={false}
      onFinish={(v: { requestNo: string; mobile: string }) => {
        setError(null);
        setR(null);
        look(v.requestNo.trim().toUpperCase(), v.mobile.trim()).then(setR, (e) => setError(errorText(e)));
      }}
    >
      <FormFields
        testId="legal-aid-follow"
        span={24}
        fields={[
          { name: 'requestNo', label: 'legalAidPublic.requestNo', required: true, max: 30, placeholder: { zh: 'FY2026000001', en: 'FY2026000001' } },
          { name: 'mobile', label: 'dispute.field.mobile', required: true, max: 40 },
        ]}
      />
      <Button type="primary" size="large" htmlType="submit" block data-testid="legal-aid-follow-submit">{t('disputePublic.follow')}</Button>
      {error && <Alert type="warning" showIcon title={error} style={{ marginTop: 16 }} data-testid="legal-aid-follow-error" />}
      {r && (
        <Fields
          column={1}
          items={[
            { label: 'legalAidPublic.requestNo', value: r.requestNo },
            { label: 'dispute.filter.status', value: <StatusTag vocab={LEGAL_AID_STATUS} value={r.status} /> },
            { label: 'legalAid.field.kind', value: <StatusTag vocab={LEGAL_AID_KIND} value={r.kind} /> },
            { label: 'legalAid.field.orgId', value: r.orgName },
            { label: 'legalAid.field.requestedOn', value: r.requestedOn },
            !!r.lawyerName && { label: 'legalAid.col.lawyer', value: `${r.lawyerName}（${r.lawyerFirm ?? ''}）` },
            !!r.declineReason && { label: 'legalAid.field.reason', value: r.declineReason },
          ]}
        />
      )}
    </Form>
  );
}
