import { useSearchParams } from 'react-router-dom';
import { Card, Result, Skeleton } from 'antd';
import { call } from '../../api/client';
import { memberApi } from '../../../../common/src/contracts/member';
import { MEMBER_STATUS_LABELS } from '../../../../common/src/member-vocab';
import { useRequest } from '../../app/use-request';
import { useI18n, type MessageKey } from '../../i18n';
import { Fields, useVocab } from '../../kit';
import { PublicShell } from './PublicShell';

const REASON: Record<string, MessageKey> = {
  signature: 'card.verify.reason.signature',
  unknown: 'card.verify.reason.unknown',
  left: 'card.verify.reason.left',
};

/** /card/verify?token=…: the target of the card's QR code; shows only the masked name and the union. */
export default function CardVerifyPage() {
  const { t } = useI18n();
  const { label } = useVocab();
  const [sp] = useSearchParams();
  const token = sp.get('token') ?? '';
  const { data, loading, error } = useRequest(() => (token ? call(memberApi.verifyCard, { query: { token } }) : Promise.resolve(null)), [token]);

  let body;
  if (!token) body = <Result status="warning" title={t('card.verify.noToken')} data-testid="card-verify-result" data-valid="false" />;
  else if (loading && !data) body = <Skeleton active />;
  else if (error || !data) body = <Result status="error" title={t('error.loadFailed')} data-testid="card-verify-result" data-valid="false" />;
  else
    body = (
      <Result
        status={data.valid ? 'success' : 'error'}
        title={t(data.valid ? 'card.verify.valid' : 'card.verify.invalid')}
        subTitle={!data.valid && data.reason ? t(REASON[data.reason] ?? 'card.verify.invalid') : undefined}
        data-testid="card-verify-result"
        data-valid={String(data.valid)}
      >
        {data.maskedName && (
          <Fields
            column={1}
            items={[
              { label: 'member.field.name', value: data.maskedName, testId: 'card-verify-name' },
              { label: 'member.field.union', value: data.unionName },
              !!data.status && { label: 'member.field.status', value: label(MEMBER_STATUS_LABELS, data.status) },
            ]}
          />
        )}
      </Result>
    );

  return (
    <PublicShell title={t('card.verify.title')} testId="card-verify-page">
      <Card>{body}</Card>
    </PublicShell>
  );
}
