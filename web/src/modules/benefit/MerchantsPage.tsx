import { Link } from 'react-router-dom';
import { benefitApi, type MerchantForm } from '../../../../common/src/contracts/benefit';
import { call } from '../../api/client';
import { useAccess } from '../../app/auth-context';
import { ListPage, listFilters, StatusTag, type FieldSpec } from '../../kit';
import { MERCHANT_CATEGORIES } from './vocab';

/** A merchant's fields, as registered. */
const MERCHANT_FIELDS: FieldSpec[] = [
  { name: 'orgId', label: 'benefit.merchant.org', kind: 'org', required: true, span: 12 },
  { name: 'name', label: 'benefit.merchant.name', required: true, max: 120, span: 12 },
  { name: 'category', label: 'benefit.merchant.category', kind: 'select', vocab: MERCHANT_CATEGORIES, required: true },
  { name: 'uscc', label: 'benefit.merchant.uscc', kind: 'uscc' },
  { name: 'address', label: 'benefit.merchant.address', max: 200, span: 24 },
  { name: 'signedOn', label: 'benefit.merchant.signedOn', kind: 'date', required: true, noFuture: true },
  { name: 'endsOn', label: 'benefit.merchant.endsOn', kind: 'date' },
];

/** 签约商户: the partner merchants the unions in scope signed, with their offers. */
export default function MerchantsPage() {
  const access = useAccess();
  return (
    <ListPage testId="benefit-merchants" endpoint={benefitApi.merchants} rowTestId={(m) => `merchant-row-${m.id}`}
      filters={listFilters('benefit.merchant.name', { category: ['benefit.merchant.category', MERCHANT_CATEGORIES] }, 'benefit.merchant.org')}
      columns={[
        { key: 'name', title: 'benefit.merchant.name', dataIndex: 'name', sort: 'name', fixedShown: true },
        { key: 'category', title: 'benefit.merchant.category', dataIndex: 'category', width: 120, render: (c: string) => <StatusTag vocab={MERCHANT_CATEGORIES} value={c} /> },
        { key: 'org', title: 'benefit.merchant.org', dataIndex: 'orgName', width: 200, ellipsis: true },
        { key: 'address', title: 'benefit.merchant.address', dataIndex: 'address', ellipsis: true },
        { key: 'signedOn', title: 'benefit.merchant.signedOn', dataIndex: 'signedOn', sort: 'signedOn', width: 120 },
        { key: 'endsOn', title: 'benefit.merchant.endsOn', dataIndex: 'endsOn', width: 120, render: (d: string | null) => d ?? '—' },
        { key: 'offers', title: 'benefit.merchant.offers', dataIndex: 'offers', width: 90, align: 'right', render: (n: number, m) => <Link to={`/benefits/offers?merchantId=${m.id}`}>{n}</Link> },
      ]}
      create={{
        label: 'benefit.merchant.new', show: access.canWriteBenefit, testId: 'merchant-new',
        form: {
          testId: 'merchant-form',
          initialValues: { category: 'dining' },
          onSubmit: (v: MerchantForm) => call(benefitApi.createMerchant, { body: v }),
          fields: MERCHANT_FIELDS,
        },
      }}
    />
  );
}
