import { useState } from 'react';
import { Alert, Collapse, Form, Typography } from 'antd';
import { portalCasesApi } from '../../../../common/src/contracts/portal-cases';
import { disputePublicApi } from '../../../../common/src/contracts/dispute';
import { call } from '../../api/client';
import { useRequest } from '../../app/use-request';
import { useI18n } from '../../i18n';
import { FormFields } from '../../kit';
import { PublicForm } from '../../kit/PublicForm';
import { legalAidBody, legalAidRequestFields, type LegalAidValues } from '../dispute/LegalAidApplyPage';

/** The portal's legal-aid request: the same fields as the public page; the signed-in account's mobile follows it. */
export function RequestLegalAid() {
  const { t } = useI18n();
  const [form] = Form.useForm<LegalAidValues>();
  const [done, setDone] = useState<string | null>(null);
  const { data: centres } = useRequest(() => call(disputePublicApi.centres, {}), []);
  return (
    <Collapse
      data-testid="portal-legal-aid"
      items={[{
        key: 'aid',
        label: t('portalAid.title'),
        children: done ? <Alert type="success" showIcon title={t('portalAid.done', { no: done })} data-testid="portal-legal-aid-done" /> : (
          <>
            <Typography.Paragraph type="secondary">{t('portalAid.hint')}</Typography.Paragraph>
            <PublicForm<LegalAidValues>
              form={form}
              testId="portal-legal-aid"
              initialValues={{ kind: 'consultation' }}
              submitText={t('portalAid.submit')}
              rateLimitedHint={t('disputePublic.rateLimited')}
              onSubmit={async (v) => setDone((await call(portalCasesApi.requestLegalAid, { body: legalAidBody(v) })).requestNo)}
            >
              <FormFields testId="portal-legal-aid" span={24} fields={legalAidRequestFields(centres ?? [])} />
            </PublicForm>
          </>
        ),
      }]}
    />
  );
}
