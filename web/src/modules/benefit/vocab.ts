import type { Vocab } from '../../kit';

export const MERCHANT_CATEGORIES: Vocab = {
  dining: { zh: '餐饮', en: 'Dining' },
  shopping: { zh: '购物', en: 'Shopping' },
  health: { zh: '健康体检', en: 'Health' },
  travel: { zh: '旅游疗休养', en: 'Travel and recuperation' },
  culture: { zh: '文体', en: 'Culture and sports' },
  services: { zh: '生活服务', en: 'Services' },
};
export const OFFER_KINDS: Vocab = { discount: { zh: '折扣', en: 'Discount' }, voucher: { zh: '代金券', en: 'Voucher' }, free: { zh: '免费服务', en: 'Free service' } };
export const OFFER_AUDIENCES: Vocab = { members: { zh: '本级及下级工会会员', en: 'Members of this union and below' }, all_workers: { zh: '全体职工', en: 'All workers' } };
export const CURRENT: Vocab = { true: { zh: '进行中', en: 'Open today' } };
