import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Descriptions, Form, Input, Result } from 'antd';
import { joinApi, type JoinStatusResult } from '../../api/join';
import { useApiError } from '../../app/use-api-error';
import { useI18n, type MessageKey } from '../../i18n';
import { PublicShell } from './PublicShell';

const OUTCOME: Record<string, { status: 'info' | 'success' | 'warning'; title: MessageKey }> = {
  pending: { status: 'info', title: 'join.check.pending' },
  approved: { status: 'success', title: 'join.check.approved' },
  rejected: { status: 'warning', title: 'join.check.rejected' },
};

/** /join/status: an applicant looks up the outcome with the application number and their ID number. */
export default function JoinStatusPage() {
  const { t } = useI18n();
  const { errorText } = useApiError();
  const [sp] = useSearchParams();
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<JoinStatusResult | null>(null);

  const check = async (v: { appNo: string; idNumber: string }) => {
    setLoading(true);
    setError(null);
    setResult(null);
    try {
      setResult(await joinApi.status(v.appNo.trim().toUpperCase(), v.idNumber.trim()));
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
          <Form.Item name="appNo" label={t('join.field.appNo')} rules={[{ required: true, whitespace: true, message: t('join.check.appNoRule') }]}>
            <Input size="large" maxLength={30} placeholder="RH20260101000000" style={{ fontFamily: 'monospace' }} data-testid="join-status-appNo" />
          </Form.Item>
          <Form.Item name="idNumber" label={t('member.field.idNumber')} rules={[{ required: true, whitespace: true, message: t('member.rule.idNumber') }]} extra={t('join.check.privacy')}>
            <Input size="large" maxLength={40} style={{ fontFamily: 'monospace' }} data-testid="join-status-idNumber" />
          </Form.Item>
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
            <Descriptions column={1} bordered size="small">
              <Descriptions.Item label={t('join.field.appNo')}>{result.appNo}</Descriptions.Item>
              <Descriptions.Item label={t('join.field.union')}>{result.unionName}</Descriptions.Item>
              <Descriptions.Item label={t('join.field.submittedOn')}>{result.submittedOn}</Descriptions.Item>
              <Descriptions.Item label={t('join.field.dueOn')}>{result.dueOn}</Descriptions.Item>
              {result.decidedAt && <Descriptions.Item label={t('join.field.decidedAt')}>{new Date(result.decidedAt).toLocaleString()}</Descriptions.Item>}
              {result.rejectReason && <Descriptions.Item label={t('join.review.reason')}>{result.rejectReason}</Descriptions.Item>}
              {result.cardNo && (
                <Descriptions.Item label={t('member.field.cardNo')}>
                  <span style={{ fontFamily: 'monospace' }} data-testid="join-status-card">
                    {result.cardNo}
                  </span>
                </Descriptions.Item>
              )}
            </Descriptions>
          </Result>
        )}
      </Card>
    </PublicShell>
  );
}
