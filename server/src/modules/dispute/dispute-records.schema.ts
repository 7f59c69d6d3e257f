import { sql } from 'drizzle-orm';
import { bigint, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bytea } from '../hardship/hardship.schema.js';

/**
 * What a case gathers after intake (docs/rights.md "Evidence, agreement, payments, arbitration"):
 * evidence files, the signatures on the mediation agreement, its payment schedule, and the
 * arbitration milestones of a case referred or transferred to arbitration. Every row carries the
 * case's handling body (`org_id`) so that a transfer moves it with the case.
 */

/** Evidence (证据材料): PDF, JPEG or PNG by their first bytes, at most 5 MB, kept in the database. */
export const disputeEvidence = pgTable(
  'dispute_evidence',
  {
    id: uuid('id').primaryKey(),
    disputeId: uuid('dispute_id').notNull(),
    orgId: uuid('org_id').notNull(),
    kind: text('kind').notNull(),
    fileName: text('file_name').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    data: bytea('data').notNull(),
    uploadedBy: uuid('uploaded_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('dispute_evidence_case_idx').on(t.disputeId)],
);

/** A signature on the mediation agreement (调解协议书): the applicant, the employer and the mediator, one each. */
export const disputeSignature = pgTable(
  'dispute_signature',
  {
    id: uuid('id').primaryKey(),
    disputeId: uuid('dispute_id').notNull(),
    orgId: uuid('org_id').notNull(),
    role: text('role').notNull(),
    signerName: text('signer_name').notNull(),
    signedOn: date('signed_on', { mode: 'string' }).notNull(),
    /** `on_screen` (drawn on the case page) or `upload` (a scan of the signed page). */
    method: text('method').notNull(),
    mime: text('mime'),
    image: bytea('image'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('dispute_signature_role_uq').on(t.disputeId, t.role)],
);

/**
 * One instalment of the agreement's payment schedule (履行计划). `paid_fen` is the sum of the
 * payments recorded against it (`dispute_payment`, kept in the same transaction); `paid_on` is the
 * day it was paid in full (the last payment's day), null while anything is outstanding.
 */
export const disputeInstalment = pgTable(
  'dispute_instalment',
  {
    id: uuid('id').primaryKey(),
    disputeId: uuid('dispute_id').notNull(),
    orgId: uuid('org_id').notNull(),
    seq: integer('seq').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    paidOn: date('paid_on', { mode: 'string' }),
    paidFen: bigint('paid_fen', { mode: 'number' }).notNull().default(0),
    /** The day the worker and the handling body were told this instalment was missed (the breach job). */
    breachNoticeOn: date('breach_notice_on', { mode: 'string' }),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('dispute_instalment_seq_uq').on(t.disputeId, t.seq),
    index('dispute_instalment_unpaid_idx')
      .on(t.dueOn)
      .where(sql`paid_on IS NULL`),
    index('dispute_instalment_paid_idx').on(t.paidOn),
  ],
);

/** A payment against one instalment (履行款), whole or partial, with its day. */
export const disputePayment = pgTable(
  'dispute_payment',
  {
    id: uuid('id').primaryKey(),
    disputeId: uuid('dispute_id').notNull(),
    orgId: uuid('org_id').notNull(),
    seq: integer('seq').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    paidOn: date('paid_on', { mode: 'string' }).notNull(),
    note: text('note'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('dispute_payment_case_idx').on(t.disputeId, t.seq), index('dispute_payment_paid_idx').on(t.paidOn)],
);

/**
 * The referral to arbitration after a breach of the agreement (劳动争议调解仲裁法 Art. 15) or a
 * failed mediation (Art. 14): one per case, with the file assembled at the time.
 */
export const disputeReferral = pgTable(
  'dispute_referral',
  {
    id: uuid('id').primaryKey(),
    disputeId: uuid('dispute_id').notNull(),
    orgId: uuid('org_id').notNull(),
    /** `breach` (an instalment missed) or `no_agreement`. */
    ground: text('ground').notNull(),
    referredOn: date('referred_on', { mode: 'string' }).notNull(),
    commission: text('commission').notNull(),
    note: text('note'),
    /** The file assembled: the agreement, the missed instalments, the evidence list. */
    file: jsonb('file')
      .$type<{
        missed: { seq: number; dueOn: string; amountFen: number; paidFen?: number }[];
        evidence: { id: string; kind: string; fileName: string }[];
        agreedOn: string | null;
        agreementAmountFen: number | null;
      }>()
      .notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('dispute_referral_case_uq').on(t.disputeId)],
);

/** An arbitration milestone (仲裁节点): application, acceptance, hearing, extension, award. */
export const disputeMilestone = pgTable(
  'dispute_milestone',
  {
    id: uuid('id').primaryKey(),
    disputeId: uuid('dispute_id').notNull(),
    orgId: uuid('org_id').notNull(),
    kind: text('kind').notNull(),
    onDate: date('on_date', { mode: 'string' }).notNull(),
    reference: text('reference'),
    note: text('note'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('dispute_milestone_case_idx').on(t.disputeId, t.onDate)],
);
