import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Form, Result } from 'antd';
import { disputePublicApi } from '../../../../common/src/contracts/dispute';
import { call } from '../../api/client';
import { useInlineBusy } from '../../app/use-api-error';
import { useI18n } from '../../i18n';
import { Fields, FormFields, StatusTag } from '../../kit';
import { PublicShell } from '../join/PublicShell';
import { DISPUTE_STATUS, DISPUTE_TYPE, REFER } from './vocab';

type Followed = Awaited<ReturnType<typeof followCase>>;
const followCase = (caseNo: string, mobile: string) => call(disputePublicApi.follow, { query: { caseNo, mobile } });
const mono = { size: 'large', allowClear: false, style: { fontFamily: 'monospace' } } as const;

/** /mediation/status: a worker follows their case with its number and the mobile they gave; nobody else can. */
export default function MediationStatusPage() {
  const { t } = useI18n();
  const [sp] = useSearchParams();
  const { busy: loading, error, run } = useInlineBusy();
  const [r, setR] = useState<Followed | null>(null);
  const look = (v: { caseNo: string; mobile: string }) => {
    setR(null);
    return run(async () => setR(await followCase(v.caseNo.trim().toUpperCase(), v.mobile.trim())));
  };
  return (
    <PublicShell title={t('disputePublic.tab.follow')} testId="mediation-status-page">
      <Card>
        <Form layout="vertical" initialValues={{ caseNo: sp.get('caseNo') ?? '' }} onFinish={(v) => void look(v)} requiredMark={false}>
          <FormFields
            testId="mediation-status"
            span={24}
            fields={[
              { name: 'caseNo', label: 'disputePublic.caseNo', required: true, max: 30, placeholder: { zh: 'TJ2026000001', en: 'TJ2026000001' }, props: mono },
              { name: 'mobile', label: 'dispute.field.mobile', required: true, max: 40, extra: 'disputePublic.followPrivacy', props: mono },
            ]}
          />
          <Button type="primary" size="large" htmlType="submit" block loading={loading} data-testid="mediation-status-submit">
            {t('disputePublic.follow')}
          </Button>
        </Form>
        {error && <Alert type="warning" showIcon title={error} style={{ marginTop: 16 }} data-testid="mediation-status-error" />}
        {r && (
          <Result status={r.status === 'rejected' || r.status === 'failed' ? 'warning' : 'info'} title={<StatusTag vocab={DISPUTE_STATUS} value={r.status} />} data-testid="mediation-status-result" data-status={r.status}>
            <Fields
              column={1}
              items={[
                { label: 'disputePublic.caseNo', value: r.caseNo },
                { label: 'dispute.field.type', value: <StatusTag vocab={DISPUTE_TYPE} value={r.type} /> },
                { label: 'disputePublic.centre', value: r.centreName },
                { label: 'dispute.field.receivedOn', value: r.receivedOn },
                !!r.mediationDue && { label: 'dispute.col.clock', value: r.mediationDue },
                !!r.mediatorName && { label: 'dispute.field.mediator', value: r.mediatorName },
                { label: 'disputePublic.sessions', value: r.sessions.length },
                !!r.agreedOn && { label: 'dispute.step.effectiveOn', value: r.agreedOn },
                !!r.advice && { label: 'dispute.step.advice', value: r.advice },
                !!r.rejectReason && { label: 'dispute.step.reason', value: r.rejectReason },
                !!r.referTo && { label: 'dispute.step.referTo', value: <StatusTag vocab={REFER} value={r.referTo} /> },
              ]}
            />
          </Result>
        )}
      </Card>
    </PublicShell>
  );
}
