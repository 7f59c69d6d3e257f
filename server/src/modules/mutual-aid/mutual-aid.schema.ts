import { bigint, boolean, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bytea } from '../hardship/hardship.schema.js';

/** Mutual aid (职工互助保障, docs/mutual-aid.md): plans, members' enrolments, claims and their documents. */
export const mutualAidPlan = pgTable(
  'mutual_aid_plan',
  {
    id: uuid('id').primaryKey(),
    /** The federation running the plan: the scope column; the unions below it enrol their members. */
    orgId: uuid('org_id').notNull(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    feeFen: bigint('fee_fen', { mode: 'number' }).notNull(),
    maxPayoutFen: bigint('max_payout_fen', { mode: 'number' }).notNull(),
    startsOn: date('starts_on').notNull(),
    /** The cover period of the rule in force on the start date (common/src/mutual-aid-rules.ts), kept with the plan. */
    coverYears: integer('cover_years').notNull(),
    isDemo: boolean('is_demo').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('mutual_aid_plan_org_idx').on(t.orgId, t.startsOn)],
);

export const mutualAidEnrolment = pgTable(
  'mutual_aid_enrolment',
  {
    id: uuid('id').primaryKey(),
    planId: uuid('plan_id').notNull(),
    /** The member's union, which enrolled and paid for them: the scope column. */
    orgId: uuid('org_id').notNull(),
    memberId: uuid('member_id').notNull(),
    paidOn: date('paid_on').notNull(),
    feeFen: bigint('fee_fen', { mode: 'number' }).notNull(),
    coverFrom: date('cover_from').notNull(),
    coverTo: date('cover_to').notNull(),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('mutual_aid_enrolment_plan_member_uq').on(t.planId, t.memberId),
    index('mutual_aid_enrolment_org_idx').on(t.orgId, t.coverFrom),
    index('mutual_aid_enrolment_member_idx').on(t.memberId),
  ],
);

export const mutualAidClaim = pgTable(
  'mutual_aid_claim',
  {
    id: uuid('id').primaryKey(),
    claimNo: text('claim_no').notNull(),
    enrolmentId: uuid('enrolment_id').notNull(),
    planId: uuid('plan_id').notNull(),
    orgId: uuid('org_id').notNull(),
    memberId: uuid('member_id').notNull(),
    status: text('status').notNull(),
    benefit: text('benefit').notNull(),
    eventOn: date('event_on').notNull(),
    assessedOn: date('assessed_on'),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    approvedFen: bigint('approved_fen', { mode: 'number' }),
    description: text('description').notNull(),
    /** `union` (the unit union filed it) or `worker` (on the portal). */
    filedBy: text('filed_by').notNull(),
    accountId: uuid('account_id'),
    reason: text('reason'),
    paidOn: date('paid_on'),
    isDemo: boolean('is_demo').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('mutual_aid_claim_no_uq').on(t.claimNo),
    index('mutual_aid_claim_org_idx').on(t.orgId, t.createdAt),
    index('mutual_aid_claim_member_idx').on(t.memberId),
    index('mutual_aid_claim_status_idx').on(t.status, t.orgId),
  ],
);

/** Documents of a claim (诊断证明、发票、伤残鉴定): PDF, JPEG or PNG by their magic bytes. */
export const mutualAidDocument = pgTable(
  'mutual_aid_document',
  {
    id: uuid('id').primaryKey(),
    claimId: uuid('claim_id').notNull(),
    orgId: uuid('org_id').notNull(),
    kind: text('kind').notNull(),
    fileName: text('file_name').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    data: bytea('data').notNull(),
    uploadedBy: text('uploaded_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('mutual_aid_document_claim_idx').on(t.claimId)],
);
