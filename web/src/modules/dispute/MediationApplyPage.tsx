import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Button, Card, Form, Result, Typography } from 'antd';
import { disputePublicApi } from '../../../../common/src/contracts/dispute';
import { CURRENT_CONSENT_VERSION } from '../../../../common/src/member-input';
import { call } from '../../api/client';
import { useRequest } from '../../app/use-request';
import { useI18n } from '../../i18n';
import { ConsentNotice, FormFields } from '../../kit';
import { PublicForm } from '../../kit/PublicForm';
import { PublicShell } from '../join/PublicShell';
import { caseFields, type CaseValues } from './IntakeModal';
import { ApplicantsList, applicantsOut } from './ApplicantsList';

interface Values extends CaseValues {
  accepted?: boolean;
}

/** /mediation: a worker applies to a union's mediation centre without an account, then follows the case by its number and their mobile. */
export default function MediationApplyPage() {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const [done, setDone] = useState<{ caseNo: string; mediationDue: string; centreName: string } | null>(null);
  const { data: centres } = useRequest(() => call(disputePublicApi.centres, {}), []);
  return (
    <PublicShell title={t('disputePublic.title')} testId="mediation-apply-page">
      {done ? (
        <Card>
          <Result
            status="success"
            title={t('disputePublic.done')}
            subTitle={t('disputePublic.doneSub', { no: done.caseNo, due: done.mediationDue })}
            data-testid="mediation-apply-done"
            data-case-no={done.caseNo}
            extra={<Link to={`/mediation/status?caseNo=${done.caseNo}`}><Button type="primary" size="large">{t('disputePublic.tab.follow')}</Button></Link>}
          />
        </Card>
      ) : (
        <Card>
          <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('disputePublic.intro')} />
          <PublicForm<Values>
            form={form}
            testId="mediation-apply"
            initialValues={{ workerCount: 1, employmentOngoing: false, applicants: [{ name: '', representative: false }] }}
            submitText={t('disputePublic.submit')}
            rateLimitedHint={t('disputePublic.rateLimited')}
            onSubmit={async (v) => {
              const r = await call(disputePublicApi.apply, {
                body: {
                  orgId: v.orgId, type: v.type as never, workerCount: v.workerCount, employerName: v.employerName, employerUscc: v.employerUscc || null,
                  platformName: v.platformName || null, amountClaimedFen: v.amountClaimedFen ?? 0, facts: v.facts, outcomeSought: v.outcomeSought, knewOn: v.knewOn || null,
                  employmentOngoing: !!v.employmentOngoing, applicants: applicantsOut(v.applicants) as never, consent: { version: CURRENT_CONSENT_VERSION, accepted: true },
                },
              });
              setDone(r);
            }}
          >
            <FormFields
              testId="mediation-apply"
              span={24}
              fields={[
                { name: 'orgId', label: 'disputePublic.centre', kind: 'select', required: true, options: (centres ?? []).map((c) => ({ value: c.id, label: c.name })) },
                ...caseFields('mediation-apply').map((f) => ({ ...f, span: 24 })),
              ]}
            />
            <Typography.Title level={5}>{t('dispute.field.applicants')}</Typography.Title>
            <ApplicantsList testId="mediation-apply" mobileRequired max={10} />
            <ConsentNotice
              name="accepted"
              testId="mediation-apply"
              title={t('disputePublic.consentTitle')}
              body={t('disputePublic.consentBody')}
              agree={t('disputePublic.consentAgree')}
              required={t('disputePublic.consentRequired')}
            />
          </PublicForm>
        </Card>
      )}
    </PublicShell>
  );
}
