import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, pgSequence, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Legal aid (法律援助, docs/rights.md "Legal aid"): requests, the lawyer panel and the 12351 call log. */

/** Request numbers: 'FY' + year + 6 digits from this sequence. */
export const legalAidSeq = pgSequence('legal_aid_seq', { startWith: 1 });

/** A worker's request for legal aid; `org_id` is the union handling it (the scope column). */
export const legalAidRequest = pgTable(
  'legal_aid_request',
  {
    id: uuid('id').primaryKey(),
    requestNo: text('request_no').notNull(),
    orgId: uuid('org_id').notNull(),
    channel: text('channel').notNull(),
    kind: text('kind').notNull(),
    type: text('type').notNull(),
    status: text('status').notNull(),
    requestedOn: date('requested_on', { mode: 'string' }).notNull(),
    applicantName: text('applicant_name').notNull(),
    mobileCipher: text('mobile_cipher'),
    mobileMasked: text('mobile_masked'),
    /** Blind index of the mobile: the worker follows an online request by its number and this mobile, and finds it in the portal. */
    mobileIndex: text('mobile_index'),
    employerName: text('employer_name'),
    employerUscc: text('employer_uscc'),
    disputeId: uuid('dispute_id'),
    summary: text('summary').notNull(),
    lawyerId: uuid('lawyer_id'),
    assignedOn: date('assigned_on', { mode: 'string' }),
    minutes: integer('minutes'),
    outcomeKind: text('outcome_kind'),
    outcome: text('outcome'),
    /** The worker's satisfaction, 1–5. */
    satisfaction: integer('satisfaction'),
    declineReason: text('decline_reason'),
    closedOn: date('closed_on', { mode: 'string' }),
    isDemo: boolean('is_demo').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('legal_aid_org_requested_idx').on(t.orgId, t.requestedOn),
    index('legal_aid_request_no_idx').on(t.requestNo),
    index('legal_aid_mobile_idx')
      .on(t.mobileIndex)
      .where(sql`${t.mobileIndex} IS NOT NULL`),
    index('legal_aid_lawyer_idx')
      .on(t.lawyerId)
      .where(sql`${t.status} = 'assigned'`),
  ],
);
export type LegalAidRow = typeof legalAidRequest.$inferSelect;

/** The panel of lawyers (援助律师) a union draws on: specialisms, capacity, and the employers they have acted for (the conflict check). */
export const lawyer = pgTable(
  'lawyer',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id').notNull(),
    name: text('name').notNull(),
    firm: text('firm').notNull(),
    specialties: text('specialties')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    capacity: integer('capacity').notNull().default(5),
    /** Credit codes of employers the lawyer has acted for: never assigned against them. */
    conflictUsccs: text('conflict_usccs')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    active: boolean('active').notNull().default(true),
    isDemo: boolean('is_demo').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('lawyer_org_idx').on(t.orgId)],
);
export type LawyerRow = typeof lawyer.$inferSelect;

/** One call to the 12351 hotline: every call is recorded, whatever came of it. */
export const hotlineCall = pgTable(
  'hotline_call',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id').notNull(),
    calledAt: timestamp('called_at', { withTimezone: true }).notNull(),
    callerName: text('caller_name'),
    mobileCipher: text('mobile_cipher'),
    mobileMasked: text('mobile_masked'),
    topic: text('topic').notNull(),
    summary: text('summary').notNull(),
    result: text('result').notNull(),
    legalAidId: uuid('legal_aid_id'),
    handledBy: uuid('handled_by'),
    isDemo: boolean('is_demo').notNull().default(false),
  },
  (t) => [index('hotline_call_org_at_idx').on(t.orgId, t.calledAt)],
);
