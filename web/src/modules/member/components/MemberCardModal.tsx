import { Modal, Skeleton, Typography } from 'antd';
import { memberApi } from '../../../../../common/src/contracts/member';
import { call } from '../../../api/client';
import { useRequest } from '../../../app/use-request';
import { useApiError } from '../../../app/use-api-error';
import { useI18n } from '../../../i18n';
import { StatusTag } from '../../../kit';
import { STATUSES } from '../vocab';

function CardBody({ memberId }: { memberId: string }) {
  const { t } = useI18n();
  const { showError } = useApiError();
  const { data, loading } = useRequest(() => call(memberApi.card, { params: { id: memberId } }), [memberId], showError);
  if (loading || !data) return <Skeleton active />;
  return (
    <div data-testid="member-card" data-card-no={data.cardNo}>
      <div
        style={{
          borderRadius: 14,
          padding: 20,
          color: '#fff',
          background: 'linear-gradient(135deg, #a8141b 0%, #c8161d 55%, #1f5fbf 140%)',
          display: 'flex',
          gap: 16,
          alignItems: 'center',
          boxShadow: '0 8px 24px rgba(168,20,27,0.25)',
        }}
      >
        <div style={{ flex: 1, minWidth: 0 }}>
          <div style={{ fontSize: 13, opacity: 0.85, letterSpacing: 2 }}>{t('member.card.heading')}</div>
          <div style={{ fontSize: 24, fontWeight: 600, margin: '8px 0 4px' }} data-testid="member-card-name">
            {data.name}
          </div>
          <div style={{ fontSize: 13, opacity: 0.9, wordBreak: 'break-all' }}>{data.orgName}</div>
          <div style={{ marginTop: 12, fontSize: 13 }}>
            {t('member.field.cardNo')}：<span style={{ fontFamily: 'monospace' }}>{data.cardNo}</span>
          </div>
          <div style={{ fontSize: 13 }}>
            {t('member.field.joinDate')}：{data.joinDate}
          </div>
        </div>
        <div style={{ background: '#fff', borderRadius: 8, padding: 6, flexShrink: 0 }}>
          <img src={data.qrDataUrl} alt={t('member.card.qrAlt')} width={132} height={132} data-testid="member-card-qr" />
        </div>
      </div>
      <div style={{ marginTop: 12, display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8 }}>
        <StatusTag vocab={STATUSES} value={data.status} testId="member-status" />
        <Typography.Link href={data.verifyUrl} target="_blank" rel="noreferrer" data-testid="member-card-verify-link">
          {t('member.card.verifyLink')}
        </Typography.Link>
      </div>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 12 }}>
        {t('member.card.note')}
      </Typography.Paragraph>
    </div>
  );
}

/** 电子会员卡: the card with the QR code of the signed verification link (GET /api/members/:id/card). */
export function MemberCardModal({ memberId, open, onClose }: { memberId: string; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Modal open={open} title={t('member.card.title')} onCancel={onClose} footer={null} width={480} destroyOnHidden>
      {open && <CardBody memberId={memberId} />}
    </Modal>
  );
}
