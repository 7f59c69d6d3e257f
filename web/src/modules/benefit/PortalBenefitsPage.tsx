import { useEffect, useState, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Button, Card, Empty, Image, List, Modal, Skeleton, Space, Tag, Typography } from 'antd';
import { portalBenefitApi, type WorkerClaimT } from '../../../../common/src/contracts/benefit';
import { ApiError, call } from '../../api/client';
import { useBusy } from '../../app/use-api-error';
import { useRequest } from '../../app/use-request';
import { useI18n } from '../../i18n';
import { formatDateTime, StatusTag, yuan } from '../../kit';
import { PublicShell } from '../join/PublicShell';
import { MERCHANT_CATEGORIES } from './vocab';

const quiet = { quiet401: true } as const;

/** A phone card of items: a skeleton while loading, the empty text when there are none. */
function CardList<T>({ title, data, empty, renderItem }: { title: string; data: T[] | null | undefined; empty: string; renderItem: (item: T) => ReactNode }) {
  return (
    <Card title={title} size="small">
      {!data ? <Skeleton active /> : !data.length ? <Empty description={empty} /> : <List dataSource={data} renderItem={renderItem} />}
    </Card>
  );
}

/** /m/benefits (会员普惠): the offers open to me with a big claim button, and my coupons with their QR codes. A phone page. */
export default function PortalBenefitsPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [tick, setTick] = useState(0);
  const [showing, setShowing] = useState<WorkerClaimT | null>(null);
  const { busy, run } = useBusy();
  const offers = useRequest(() => call(portalBenefitApi.offers, {}, quiet), [tick]);
  const claims = useRequest(() => call(portalBenefitApi.claims, {}, quiet), [tick]);
  useEffect(() => {
    if (offers.error instanceof ApiError && offers.error.status === 401) navigate('/m/login', { replace: true });
  }, [offers.error, navigate]);

  const claim = (id: string) =>
    run(async () => {
      const k = await call(portalBenefitApi.claim, { params: { id } }, quiet);
      setShowing(k);
      setTick((x) => x + 1);
    }, t('portal.benefits.claimed'));

  return (
    <PublicShell title={t('portal.benefits.title')} testId="portal-benefits-page">
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Link to="/m">‹ {t('portal.title')}</Link>
        <CardList title={t('portal.benefits.offers')} data={offers.data} empty={t('portal.benefits.none')}
          renderItem={(o) => (
                <List.Item data-testid={`portal-offer-${o.id}`}>
                  <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                    <Space wrap>
                      <Typography.Text strong>{o.title}</Typography.Text>
                      <StatusTag vocab={MERCHANT_CATEGORIES} value={o.category} />
                      {o.valueFen > 0 && <Tag color="red">{yuan(o.valueFen)}</Tag>}
                    </Space>
                    <Typography.Text type="secondary">{o.merchantName}{o.address ? ` · ${o.address}` : ''}</Typography.Text>
                    <Typography.Text type="secondary">{t('portal.benefits.until', { date: o.endsOn })} · {t('portal.benefits.left', { n: o.left })}</Typography.Text>
                    <Button type="primary" size="large" block disabled={!o.left} loading={busy} onClick={() => claim(o.id)} data-testid={`portal-offer-claim-${o.id}`}>
                      {t('portal.benefits.claim')}
                    </Button>
                  </Space>
                </List.Item>
              )} />
        <CardList title={t('portal.benefits.mine')} data={claims.data} empty={t('portal.benefits.noCoupons')}
          renderItem={(k) => (
                <List.Item data-testid={`portal-coupon-${k.id}`}
                  extra={k.token ? <Button size="large" onClick={() => setShowing(k)} data-testid={`portal-coupon-show-${k.id}`}>{t('portal.benefits.show')}</Button> : null}>
                  <List.Item.Meta
                    title={k.offerTitle}
                    description={
                      <>
                        {k.merchantName} ·{' '}
                        {k.redeemedAt ? <Tag>{t('portal.benefits.used', { at: formatDateTime(k.redeemedAt) })}</Tag> : k.token ? t('portal.benefits.until', { date: k.endsOn }) : <Tag>{t('portal.benefits.expired')}</Tag>}
                      </>
                    }
                  />
                </List.Item>
              )} />
      </Space>
      <Modal open={!!showing} footer={null} onCancel={() => setShowing(null)} title={showing?.offerTitle} centered>
        {showing?.qrDataUrl && (
          <Space orientation="vertical" align="center" style={{ width: '100%' }} data-testid="portal-coupon-qr">
            <Image src={showing.qrDataUrl} preview={false} width={220} alt={showing.offerTitle} />
            <Typography.Text copyable code style={{ fontSize: 12, wordBreak: 'break-all' }} data-testid="portal-coupon-token">{showing.token}</Typography.Text>
            <Typography.Text type="secondary">{showing.merchantName} · {t('portal.benefits.until', { date: showing.endsOn })}</Typography.Text>
          </Space>
        )}
      </Modal>
    </PublicShell>
  );
}
