/**
 * Member benefits (普惠服务, docs/benefits.md): partner merchants and their offers to members, each
 * member's quota of an offer claimed on the worker portal and redeemed once by its QR code, and the
 * recuperation places (疗休养名额) a federation allocates down its tree.
 */
import { z } from 'zod';
import { UsccInput } from './org.js';
import {
  endpoints,
  type RateLimit,
  fen,
  HistoryEntrySchema,
  IdParams,
  isoDate,
  optionalText,
  order,
  PageQuery,
  cappedPageOf,
  requiredText,
  version,
} from './kit.js';

export const MERCHANT_CATEGORIES = ['dining', 'shopping', 'health', 'travel', 'culture', 'services'] as const;
export const OFFER_KINDS = ['discount', 'voucher', 'free'] as const;
/** `members`: members of the offering union's subtree; `all_workers`: every signed-in worker, member or not. */
export const OFFER_AUDIENCES = ['members', 'all_workers'] as const;

const merchantFields = {
  orgId: z.uuid('请选择签约工会 / choose the union that signed the merchant'),
  name: requiredText(120, '请填写商户名称', 'name is required'),
  uscc: UsccInput.optional().transform((v) => v ?? null),
  category: z.enum(MERCHANT_CATEGORIES, { error: '商户类别不正确 / unknown category' }),
  address: optionalText(200),
  signedOn: isoDate,
  endsOn: isoDate.nullish().transform((v) => v ?? null),
};
const datesInOrder = (v: { signedOn?: string; endsOn?: string | null; startsOn?: string }) => !v.endsOn || v.endsOn >= (v.signedOn ?? v.startsOn ?? '');
const datesMessage = { message: '结束日期不能早于开始日期 / the end date is before the start', path: ['endsOn'] };

export const MerchantBody = z.strictObject(merchantFields).refine(datesInOrder, datesMessage);
export const MerchantUpdateBody = z.strictObject({ ...merchantFields, version }).refine(datesInOrder, datesMessage);
export const MerchantListQuery = z.strictObject({
  ...PageQuery,
  q: z.string().trim().max(40).optional(),
  category: z.enum(MERCHANT_CATEGORIES).optional(),
  under: z.uuid().optional(),
  sort: z.enum(['name', 'signedOn']).default('signedOn'),
  order: order('desc'),
});
export const MerchantItem = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  name: z.string(),
  uscc: z.string().nullable(),
  category: z.string(),
  address: z.string().nullable(),
  signedOn: z.string(),
  endsOn: z.string().nullable(),
  offers: z.number(),
  version: z.number(),
});

const offerFields = {
  merchantId: z.uuid('请选择商户 / choose the merchant'),
  title: requiredText(120, '请填写优惠名称', 'title is required'),
  kind: z.enum(OFFER_KINDS, { error: '优惠类型不正确 / unknown kind' }),
  /** The voucher's face value or the discount's typical saving, in fen; 0 for a free service counted by use. */
  valueFen: fen.default(0),
  description: optionalText(1000),
  audience: z.enum(OFFER_AUDIENCES, { error: '适用对象不正确 / unknown audience' }),
  perMember: z
    .number({ error: '每人限领次数须为1至100的整数 / 1 to 100 per member' })
    .int()
    .min(1, '每人限领次数至少为1 / at least 1 per member')
    .max(100, '每人限领次数不超过100 / at most 100'),
  total: z
    .number()
    .int()
    .min(1, '总量至少为1 / the total is at least 1')
    .max(1_000_000)
    .nullish()
    .transform((v) => v ?? null),
  startsOn: isoDate,
  endsOn: isoDate,
};
export const OfferBody = z.strictObject(offerFields).refine((v) => v.endsOn >= v.startsOn, datesMessage);
export const OfferUpdateBody = z.strictObject({ ...offerFields, version }).refine((v) => v.endsOn >= v.startsOn, datesMessage);
export const OfferListQuery = z.strictObject({
  ...PageQuery,
  q: z.string().trim().max(40).optional(),
  kind: z.enum(OFFER_KINDS).optional(),
  merchantId: z.uuid().optional(),
  /** `true`: only offers open today. */
  current: z.enum(['true']).optional(),
  under: z.uuid().optional(),
  sort: z.enum(['startsOn', 'endsOn', 'title']).default('startsOn'),
  order: order('desc'),
});
export const OfferItem = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  merchantId: z.string(),
  merchantName: z.string(),
  title: z.string(),
  kind: z.string(),
  valueFen: z.number(),
  description: z.string().nullable(),
  audience: z.string(),
  perMember: z.number(),
  total: z.number().nullable(),
  startsOn: z.string(),
  endsOn: z.string(),
  claimed: z.number(),
  redeemed: z.number(),
  version: z.number(),
});
export const OfferDetail = OfferItem.extend({ can: z.object({ edit: z.boolean() }) });

export const RedeemBody = z.strictObject({ token: requiredText(200, '请扫描或输入券码', 'scan or type the code') });
export const Redeemed = z.object({
  claimId: z.string(),
  offerTitle: z.string(),
  merchantName: z.string(),
  memberName: z.string(),
  claimedAt: z.string(),
  redeemedAt: z.string(),
});

export const QuotaBody = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  orgId: z.uuid('请选择分配到的工会 / choose the union'),
  /** The allocation this one is carved from; none for the places a federation holds itself. */
  parentId: z
    .uuid()
    .nullish()
    .transform((v) => v ?? null),
  places: z.number({ error: '名额须为整数 / places must be a whole number' }).int().min(0, '名额不能为负数 / places cannot be negative').max(100_000),
  note: optionalText(200),
});
export const QuotaUpdateBody = z.strictObject({ places: QuotaBody.shape.places, note: optionalText(200), version });
export const QuotaQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) });
export const QuotaItem = z.object({
  id: z.string(),
  year: z.number(),
  orgId: z.string(),
  orgName: z.string(),
  parentId: z.string().nullable(),
  places: z.number(),
  /** Places passed on to the unions below. */
  allocated: z.number(),
  note: z.string().nullable(),
  version: z.number(),
  /** The caller may pass places of this allocation on (it is theirs, or in their scope). */
  canAllocate: z.boolean(),
});

export const BenefitFigures = z.object({
  merchants: z.number(),
  offersOpen: z.number(),
  claimed: z.number(),
  redeemed: z.number(),
  /** Face value redeemed this year, fen. */
  redeemedValueFen: z.number(),
  byCategory: z.array(z.object({ key: z.string(), n: z.number() })),
  byMonth: z.array(z.object({ month: z.string(), claimed: z.number(), redeemed: z.number() })),
  recuperation: z.object({ year: z.number(), places: z.number(), allocated: z.number() }),
});

export const benefitApi = endpoints('普惠服务 benefits', {
  merchants: {
    method: 'GET',
    path: '/api/benefits/merchants',
    access: 'benefit.read',
    summary: '签约商户 / partner merchants in scope',
    query: MerchantListQuery,
    response: cappedPageOf(MerchantItem),
  },
  merchant: {
    method: 'GET',
    path: '/api/benefits/merchants/:id',
    access: 'benefit.read',
    summary: '商户详情 / one merchant',
    params: IdParams,
    response: MerchantItem,
  },
  merchantHistory: {
    method: 'GET',
    path: '/api/benefits/merchants/:id/history',
    access: 'benefit.read',
    summary: '商户变更记录 / history',
    params: IdParams,
    response: z.array(HistoryEntrySchema),
  },
  createMerchant: {
    method: 'POST',
    path: '/api/benefits/merchants',
    access: 'benefit.write',
    summary: '登记商户 / register a merchant',
    body: MerchantBody,
    response: MerchantItem,
    status: 201,
  },
  updateMerchant: {
    method: 'PUT',
    path: '/api/benefits/merchants/:id',
    access: 'benefit.write',
    summary: '修改商户 / update a merchant',
    params: IdParams,
    body: MerchantUpdateBody,
    response: MerchantItem,
  },
  offers: {
    method: 'GET',
    path: '/api/benefits/offers',
    access: 'benefit.read',
    summary: '优惠项目 / offers in scope',
    query: OfferListQuery,
    response: cappedPageOf(OfferItem),
  },
  offer: { method: 'GET', path: '/api/benefits/offers/:id', access: 'benefit.read', summary: '优惠详情 / one offer', params: IdParams, response: OfferDetail },
  offerHistory: {
    method: 'GET',
    path: '/api/benefits/offers/:id/history',
    access: 'benefit.read',
    summary: '优惠变更记录 / history',
    params: IdParams,
    response: z.array(HistoryEntrySchema),
  },
  createOffer: {
    method: 'POST',
    path: '/api/benefits/offers',
    access: 'benefit.write',
    summary: '发布优惠 / publish an offer',
    body: OfferBody,
    response: OfferDetail,
    status: 201,
  },
  updateOffer: {
    method: 'PUT',
    path: '/api/benefits/offers/:id',
    access: 'benefit.write',
    summary: '修改优惠 / update an offer',
    params: IdParams,
    body: OfferUpdateBody,
    response: OfferDetail,
  },
  redeem: {
    method: 'POST',
    path: '/api/benefits/redeem',
    access: 'benefit.write',
    summary: '核销会员优惠券（每张一次）/ redeem a member’s coupon, once',
    body: RedeemBody,
    response: Redeemed,
  },
  quotas: {
    method: 'GET',
    path: '/api/benefits/recuperation',
    access: 'benefit.read',
    summary: '疗休养名额分配 / recuperation places',
    query: QuotaQuery,
    response: z.array(QuotaItem),
  },
  createQuota: {
    method: 'POST',
    path: '/api/benefits/recuperation',
    access: 'benefit.write',
    summary: '分配疗休养名额 / allocate places',
    body: QuotaBody,
    response: QuotaItem,
    status: 201,
  },
  updateQuota: {
    method: 'PUT',
    path: '/api/benefits/recuperation/:id',
    access: 'benefit.write',
    summary: '调整名额 / change an allocation',
    params: IdParams,
    body: QuotaUpdateBody,
    response: QuotaItem,
  },
  dashboard: {
    method: 'GET',
    path: '/api/benefits/dashboard',
    access: 'benefit.read',
    summary: '普惠服务数据 / benefit figures in scope',
    response: BenefitFigures,
  },
});

/** On the worker portal: the offers open to me, with how many I may still claim. */
export const WorkerOffer = OfferItem.pick({
  id: true,
  orgName: true,
  merchantName: true,
  title: true,
  kind: true,
  valueFen: true,
  description: true,
  perMember: true,
  endsOn: true,
}).extend({
  category: z.string(),
  address: z.string().nullable(),
  /** Claims I may still make: my quota less my claims, and none when the total is gone. */
  left: z.number(),
});
export const WorkerClaim = z.object({
  id: z.string(),
  offerTitle: z.string(),
  merchantName: z.string(),
  claimedAt: z.string(),
  redeemedAt: z.string().nullable(),
  endsOn: z.string(),
  /** The coupon's QR code (for a claim not yet redeemed and still valid), to show at the counter. */
  token: z.string().nullable(),
  qrDataUrl: z.string().nullable(),
});
const workerRead: RateLimit = { bucket: 'portal-read', limit: 300, windowMs: 60_000 };
const workerClaim: RateLimit = { bucket: 'portal-benefit-claim', limit: 30, windowMs: 3_600_000 };
export const portalBenefitApi = endpoints('普惠服务（职工）worker benefits', {
  offers: {
    method: 'GET',
    path: '/api/portal/benefits',
    access: 'public',
    summary: '我可领取的普惠优惠 / offers open to me',
    response: z.array(WorkerOffer),
    rateLimit: workerRead,
  },
  claims: {
    method: 'GET',
    path: '/api/portal/benefits/claims',
    access: 'public',
    summary: '我领取的优惠券 / my coupons',
    response: z.array(WorkerClaim),
    rateLimit: workerRead,
  },
  claim: {
    method: 'POST',
    path: '/api/portal/benefits/:id/claim',
    access: 'public',
    summary: '领取优惠券 / claim a coupon',
    params: IdParams,
    response: WorkerClaim,
    status: 201,
    rateLimit: workerClaim,
  },
});

export type MerchantInput = z.infer<typeof MerchantBody>;
export type OfferInput = z.infer<typeof OfferBody>;
export type MerchantListParams = z.infer<typeof MerchantListQuery>;
export type OfferListParams = z.infer<typeof OfferListQuery>;
export type BenefitFiguresT = z.infer<typeof BenefitFigures>;
export type OfferDetail = z.infer<typeof OfferDetail>;
export type QuotaItemT = z.infer<typeof QuotaItem>;
export type WorkerOfferT = z.infer<typeof WorkerOffer>;
export type WorkerClaimT = z.infer<typeof WorkerClaim>;
/** What a form sends (before the contract's defaults and transforms). */
export type MerchantForm = z.input<typeof MerchantBody>;
