import { benefitApi } from '../../../../common/src/contracts/benefit';
import { call } from '../../api/client';
import { useRequest } from '../../app/use-request';
import type { FieldSpec } from '../../kit';
import { OFFER_AUDIENCES, OFFER_KINDS } from './vocab';

/** The merchants in scope as select options (the first 200 by name). */
export function useMerchantOptions() {
  const merchants = useRequest(() => call(benefitApi.merchants, { query: { pageSize: 200, sort: 'name', order: 'asc' } }), []);
  return (merchants.data?.items ?? []).map((m) => ({ value: m.id, label: m.name }));
}

/** The fields of an offer, for publishing one and for changing it. */
export const offerFields = (merchantOptions: { value: string; label: string }[]): FieldSpec[] => [
  { name: 'merchantId', label: 'benefit.offer.merchant', kind: 'select', options: merchantOptions, required: true, span: 12 },
  { name: 'title', label: 'benefit.offer.title', required: true, max: 120, span: 12 },
  { name: 'kind', label: 'benefit.offer.kind', kind: 'select', vocab: OFFER_KINDS, required: true },
  { name: 'valueFen', label: 'benefit.offer.value', kind: 'money' },
  { name: 'audience', label: 'benefit.offer.audience', kind: 'select', vocab: OFFER_AUDIENCES, required: true },
  { name: 'perMember', label: 'benefit.offer.perMember', kind: 'number', min: 1, max: 100, required: true },
  { name: 'total', label: 'benefit.offer.total', kind: 'number', min: 1, max: 1_000_000, extra: 'benefit.offer.totalHint' },
  { name: 'startsOn', label: 'benefit.offer.startsOn', kind: 'date', required: true },
  { name: 'endsOn', label: 'benefit.offer.endsOn', kind: 'date', required: true },
  { name: 'description', label: 'benefit.offer.description', kind: 'textarea', max: 1000, span: 24 },
];
