import { useSearchParams } from 'react-router-dom';
import { Card, Descriptions, Result, Skeleton } from 'antd';
import { memberApi } from '../../api/members';
import { useRequest } from '../../app/use-request';
import { useI18n, type MessageKey } from '../../i18n';
import { useMemberVocab } from '../member/member-vocab';
import { PublicShell } from './PublicShell';

const REASON: Record<string, MessageKey> = {
  signature: 'card.verify.reason.signature',
  unknown: 'card.verify.reason.unknown',
  left: 'card.verify.reason.left',
};

/** /card/verify?token=…: the target of the card's QR code; shows only the masked name and the union. */
export default function CardVerifyPage() {
  const { t } = useI18n();
  const { statusLabel } = useMemberVocab();
  const [sp] = useSearchParams();
  const token = sp.get('token') ?? '';
  const { data, loading, error } = useRequest(() => (token ? memberApi.verifyCard(token) : Promise.resolve(null)), [token]);

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
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label={t('member.field.name')}>
              <span data-testid="card-verify-name">{data.maskedName}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('member.field.union')}>{data.unionName}</Descriptions.Item>
            {data.status && <Descriptions.Item label={t('member.field.status')}>{statusLabel(data.status)}</Descriptions.Item>}
          </Descriptions>
        )}
      </Result>
    );

  return (
    <PublicShell title={t('card.verify.title')} testId="card-verify-page">
      <Card>{body}</Card>
    </PublicShell>
  );
}
