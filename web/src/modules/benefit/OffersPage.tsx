import { useState } from 'react';
import { Link } from 'react-router-dom';
import { App, Button } from 'antd';
import { ScanOutlined } from '@ant-design/icons';
import { benefitApi, type OfferInput } from '../../../../common/src/contracts/benefit';
import { call } from '../../api/client';
import { useAccess } from '../../app/auth-context';
import { useI18n } from '../../i18n';
import { FormModal, ListPage, listFilters, StatusTag, TwoLines, yuan } from '../../kit';
import { CURRENT, OFFER_AUDIENCES, OFFER_KINDS } from './vocab';
import { offerFields, useMerchantOptions } from './offer-form';

/** 优惠项目: the offers of the partner merchants in scope, their coupons claimed and redeemed, and the counter's redeem. */
export default function OffersPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const access = useAccess();
  const [redeeming, setRedeeming] = useState(false);
  const merchantOptions = useMerchantOptions();
  return (
    <>
      <ListPage testId="benefit-offers" endpoint={benefitApi.offers} rowTestId={(o) => `offer-row-${o.id}`}
        filters={[
          ...listFilters('benefit.offer.title', { kind: ['benefit.offer.kind', OFFER_KINDS], current: ['benefit.offer.current', CURRENT] }, 'benefit.offer.org'),
          { name: 'merchantId', label: 'benefit.offer.merchant', kind: 'select', options: merchantOptions },
        ]}
        toolbar={access.canWriteBenefit && <Button icon={<ScanOutlined />} onClick={() => setRedeeming(true)} data-testid="benefit-redeem">{t('benefit.redeem')}</Button>}
        columns={[
          { key: 'title', title: 'benefit.offer.title', dataIndex: 'title', sort: 'title', fixedShown: true, render: (v: string, o) => <TwoLines main={<Link to={`/benefits/offers/${o.id}`}>{v}</Link>} sub={o.merchantName} /> },
          { key: 'kind', title: 'benefit.offer.kind', dataIndex: 'kind', width: 100, render: (k: string) => <StatusTag vocab={OFFER_KINDS} value={k} /> },
          { key: 'value', title: 'benefit.offer.value', dataIndex: 'valueFen', width: 110, align: 'right', render: (f: number) => (f ? yuan(f) : '—') },
          { key: 'audience', title: 'benefit.offer.audience', dataIndex: 'audience', width: 170, render: (a: string) => <StatusTag vocab={OFFER_AUDIENCES} value={a} /> },
          { key: 'perMember', title: 'benefit.offer.perMember', dataIndex: 'perMember', width: 90, align: 'right' },
          { key: 'period', title: 'benefit.offer.period', dataIndex: 'startsOn', sort: 'startsOn', width: 200, render: (s: string, o) => `${s} ~ ${o.endsOn}` },
          { key: 'claimed', title: 'benefit.offer.claimed', dataIndex: 'claimed', width: 90, align: 'right' },
          { key: 'redeemed', title: 'benefit.offer.redeemed', dataIndex: 'redeemed', width: 90, align: 'right' },
          { key: 'org', title: 'benefit.offer.org', dataIndex: 'orgName', width: 180, ellipsis: true },
        ]}
        create={{
          label: 'benefit.offer.new', show: access.canWriteBenefit, testId: 'offer-new', to: (r) => `/benefits/offers/${r.id}`,
          form: {
            testId: 'offer-form',
            initialValues: { kind: 'discount', audience: 'members', perMember: 1 },
            onSubmit: (v: OfferInput) => call(benefitApi.createOffer, { body: v }),
            fields: offerFields(merchantOptions),
          },
        }}
      />
      <FormModal<{ token: string }>
        open={redeeming}
        testId="benefit-redeem-form"
        title={t('benefit.redeem')}
        onClose={() => setRedeeming(false)}
        onSubmit={async (v) => {
          const r = await call(benefitApi.redeem, { body: v });
          setRedeeming(false);
          void message.success(t('benefit.redeem.done', { title: r.offerTitle, merchant: r.merchantName, name: r.memberName }));
        }}
        fields={[{ name: 'token', label: 'benefit.redeem.token', required: true, max: 200, span: 24, extra: 'benefit.redeem.tokenHint' }]}
      />
    </>
  );
}
