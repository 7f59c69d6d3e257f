import { bigint, boolean, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** Member benefits (普惠服务, docs/benefits.md): partner merchants, their offers, members' coupons, recuperation places. */
export const benefitMerchant = pgTable(
  'benefit_merchant',
  {
    id: uuid('id').primaryKey(),
    /** The union that signed the merchant: the scope column. */
    orgId: uuid('org_id').notNull(),
    name: text('name').notNull(),
    uscc: text('uscc'),
    category: text('category').notNull(),
    address: text('address'),
    signedOn: date('signed_on').notNull(),
    endsOn: date('ends_on'),
    isDemo: boolean('is_demo').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('benefit_merchant_org_idx').on(t.orgId, t.signedOn)],
);

export const benefitOffer = pgTable(
  'benefit_offer',
  {
    id: uuid('id').primaryKey(),
    /** The offering union (the merchant's): the scope column; `members` offers reach its subtree's members. */
    orgId: uuid('org_id').notNull(),
    merchantId: uuid('merchant_id').notNull(),
    title: text('title').notNull(),
    kind: text('kind').notNull(),
    valueFen: bigint('value_fen', { mode: 'number' }).notNull().default(0),
    description: text('description'),
    audience: text('audience').notNull(),
    perMember: integer('per_member').notNull(),
    total: integer('total'),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    isDemo: boolean('is_demo').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('benefit_offer_org_idx').on(t.orgId, t.startsOn),
    index('benefit_offer_merchant_idx').on(t.merchantId),
    index('benefit_offer_open_idx').on(t.endsOn, t.startsOn),
  ],
);

/** A coupon a worker claimed on the portal; its QR token is signed from its id, and it is redeemed once. */
export const benefitClaim = pgTable(
  'benefit_claim',
  {
    id: uuid('id').primaryKey(),
    offerId: uuid('offer_id').notNull(),
    /** The offer's union, for the scope of the figures. */
    orgId: uuid('org_id').notNull(),
    /** The worker's portal account, and their member record when linked. */
    accountId: uuid('account_id').notNull(),
    memberId: uuid('member_id'),
    claimedAt: timestamp('claimed_at', { withTimezone: true }).notNull().defaultNow(),
    redeemedAt: timestamp('redeemed_at', { withTimezone: true }),
    redeemedBy: uuid('redeemed_by'),
  },
  (t) => [
    index('benefit_claim_offer_idx').on(t.offerId, t.accountId),
    index('benefit_claim_account_idx').on(t.accountId, t.claimedAt),
    index('benefit_claim_org_idx').on(t.orgId, t.claimedAt),
  ],
);

/** Recuperation places (疗休养名额) of a year held by a union; an allocation carved from its parent's places. */
export const recuperationQuota = pgTable(
  'recuperation_quota',
  {
    id: uuid('id').primaryKey(),
    year: integer('year').notNull(),
    orgId: uuid('org_id').notNull(),
    parentId: uuid('parent_id'),
    places: integer('places').notNull(),
    note: text('note'),
    isDemo: boolean('is_demo').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('recuperation_quota_year_org_uq').on(t.year, t.orgId), index('recuperation_quota_parent_idx').on(t.parentId)],
);
