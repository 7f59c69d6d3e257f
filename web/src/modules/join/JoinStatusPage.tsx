import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Form, Result } from 'antd';
import { call } from '../../api/client';
import { joinApi, type JoinStatusResultT } from '../../../../common/src/contracts/join';
import { useApiError } from '../../app/use-api-error';
import { useI18n, type MessageKey } from '../../i18n';
import { Fields, FormFields, formatDateTime, ProvisionalTag } from '../../kit';
import { PublicShell } from './PublicShell';

const OUTCOME: Record<string, { status: 'info' | 'success' | 'warning'; title: MessageKey }> = {
  pending: { status: 'info', title: 'join.check.pending' },
  approved: { status: 'success', title: 'join.check.approved' },
  rejected: { status: 'warning', title: 'join.check.rejected' },
};
const mono = { size: 'large', allowClear: false, style: { fontFamily: 'monospace' } } as const;

/** /join/status: an applicant looks up the outcome with the application number and their ID number. */
export default function JoinStatusPage() {
  const { t } = useI18n();
  const { errorText } = useApiError();
  const [sp] = useSearchParams();
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<JoinStatusResultT | null>(null);

  const check = async (v: { appNo: string; idNumber: string }) => {
    setLoading(true);
    setError(null);
    setResult(null);
    try {
      setResult(await call(joinApi.status, { query: { appNo: v.appNo.trim().toUpperCase(), idNumber: v.idNumber.trim() } }));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setLoading(false);
    }
  };

  const outcome = result ? (OUTCOME[result.status] ?? OUTCOME.pending!) : null;
  return (
    <PublicShell title={t('join.check.title')} testId="join-status-page">
      <Card>
        <Form layout="vertical" name="join-status" initialValues={{ appNo: sp.get('appNo') ?? '' }} onFinish={(v) => void check(v)} requiredMark={false}>
          <FormFields
            testId="join-status"
            span={24}
            fields={[
              { name: 'appNo', label: 'join.field.appNo', required: 'join.check.appNoRule', max: 30, placeholder: { zh: 'RH20260101000000', en: 'RH20260101000000' }, props: mono },
              { name: 'idNumber', label: 'member.field.idNumber', required: 'member.rule.idNumber', max: 40, extra: 'join.check.privacy', props: mono },
            ]}
          />
          <Button type="primary" size="large" htmlType="submit" block loading={loading} data-testid="join-status-submit">
            {t('join.check.submit')}
          </Button>
        </Form>
        {error && <Alert type="warning" showIcon title={error} style={{ marginTop: 16 }} data-testid="join-status-error" />}
        {result && outcome && (
          <Result
            status={outcome.status}
            title={t(outcome.title)}
            subTitle={result.status === 'pending' ? t('join.check.pendingSub', { due: result.dueOn }) : undefined}
            data-testid="join-status-result"
            data-status={result.status}
          >
            <Fields
              column={1}
              items={[
                { label: 'join.field.appNo', value: result.appNo },
                { label: 'join.field.union', value: result.unionName },
                { label: 'join.field.submittedOn', value: result.submittedOn },
                { label: 'join.field.dueOn', value: <>{result.dueOn}{result.provisional && <ProvisionalTag testId="join-status-provisional" />}</> },
                !!result.decidedAt && { label: 'join.field.decidedAt', value: formatDateTime(result.decidedAt) },
                !!result.rejectReason && { label: 'join.review.reason', value: result.rejectReason },
                !!result.cardNo && { label: 'member.field.cardNo', value: <span style={{ fontFamily: 'monospace' }}>{result.cardNo}</span>, testId: 'join-status-card' },
              ]}
            />
          </Result>
        )}
      </Card>
    </PublicShell>
  );
}
