import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { Card, Col, Row, Statistic } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { benefitApi, type OfferDetail, type OfferInput } from '../../../../common/src/contracts/benefit';
import { call } from '../../api/client';
import { useI18n } from '../../i18n';
import { Actions, DetailPage, Fields, FormModal, StatusTag, useVocab, yuan } from '../../kit';
import { OFFER_AUDIENCES, OFFER_KINDS } from './vocab';
import { offerFields, useMerchantOptions } from './offer-form';

/** 优惠详情: the offer, its coupons claimed and redeemed, its changes. */
export default function OfferDetailPage() {
  const { id } = useParams<{ id: string }>();
  const { t } = useI18n();
  const { label } = useVocab();
  const [editing, setEditing] = useState(false);
  const merchantOptions = useMerchantOptions();
  return (
    <DetailPage<OfferDetail> testId="offer" get={benefitApi.offer} title={(o) => o.title}
      tags={(o) => <StatusTag vocab={OFFER_KINDS} value={o.kind} />}
      actions={(o, reload) => (
        <>
          <Actions actions={[{ key: 'edit', label: 'action.edit', icon: <EditOutlined />, show: o.can.edit, testId: 'offer-edit', onClick: () => setEditing(true) }]} />
          <FormModal<OfferInput>
            open={editing} testId="offer-edit-form" title={t('action.edit')} initialValues={{ ...o, kind: o.kind as OfferInput['kind'], audience: o.audience as OfferInput['audience'] }} onClose={() => setEditing(false)}
            onSubmit={async (v) => { await call(benefitApi.updateOffer, { params: { id: o.id }, body: { ...v, version: o.version } }); setEditing(false); reload(); }}
            fields={offerFields(merchantOptions)} />
        </>
      )}
      body={(o) => (
        <>
          <Card size="small">
            <Fields items={[
              { label: 'benefit.offer.merchant', value: o.merchantName },
              { label: 'benefit.offer.org', value: o.orgName },
              { label: 'benefit.offer.value', value: o.valueFen ? yuan(o.valueFen) : '—' },
              { label: 'benefit.offer.audience', value: label(OFFER_AUDIENCES, o.audience) },
              { label: 'benefit.offer.period', value: `${o.startsOn} ~ ${o.endsOn}` },
              { label: 'benefit.offer.perMember', value: o.perMember },
              { label: 'benefit.offer.description', value: o.description, span: 2 },
            ]} />
          </Card>
          <Card size="small" style={{ marginTop: 16 }} data-testid="offer-figures">
            <Row gutter={16}>
              <Col span={8}><Statistic title={t('benefit.offer.total')} value={o.total ?? '∞'} /></Col>
              <Col span={8}><Statistic title={t('benefit.offer.claimed')} value={o.claimed} /></Col>
              <Col span={8}><Statistic title={t('benefit.offer.redeemed')} value={o.redeemed} /></Col>
            </Row>
          </Card>
        </>
      )}
      history={{ endpoint: benefitApi.offerHistory, id: id! }}
    />
  );
}
