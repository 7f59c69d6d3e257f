import { sql } from 'drizzle-orm';
import { bigint, boolean, date, index, integer, pgSequence, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** Labour disputes (劳动争议, docs/rights.md): cases, their applicants and sessions, the mediator panel. Money is integer fen. */

/** Case numbers: 'TJ' + year + 6 digits from this sequence. */
export const disputeCaseSeq = pgSequence('dispute_case_seq', { startWith: 1 });

/**
 * A labour-dispute case (`dispute`) of a joint mediation centre. `org_id` is the handling body (the
 * union whose centre received it, or to which it was transferred): the scope column. The clocks are
 * dates kept on the case (and tracked in tracked_deadline) so that lists and the overdue filter use
 * an index.
 */
export const disputeCase = pgTable(
  'dispute_case',
  {
    id: uuid('id').primaryKey(),
    caseNo: text('case_no').notNull(),
    orgId: uuid('org_id').notNull(),
    channel: text('channel').notNull(),
    type: text('type').notNull(),
    status: text('status').notNull(),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    knewOn: date('knew_on', { mode: 'string' }),
    employmentOngoing: boolean('employment_ongoing').notNull().default(false),
    /** common/src/dispute-rules.ts LimitationState, flagged at intake. */
    limitationState: text('limitation_state').notNull(),
    limitationDue: date('limitation_due', { mode: 'string' }),
    mediationDue: date('mediation_due', { mode: 'string' }),
    courtCaseNo: text('court_case_no'),
    courtReturnOn: date('court_return_on', { mode: 'string' }),
    referralNo: text('referral_no'),
    employerName: text('employer_name').notNull(),
    employerUscc: text('employer_uscc'),
    platformName: text('platform_name'),
    workerCount: integer('worker_count').notNull().default(1),
    collective: boolean('collective').notNull().default(false),
    firstApplicant: text('first_applicant').notNull(),
    amountClaimedFen: bigint('amount_claimed_fen', { mode: 'number' }).notNull().default(0),
    facts: text('facts').notNull(),
    outcomeSought: text('outcome_sought').notNull(),
    /** Blind indexes of the applicants' mobiles: a worker follows the case with its number and one of them. */
    mobileIndexes: text('mobile_indexes')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    mediatorId: uuid('mediator_id'),
    assignedOn: date('assigned_on', { mode: 'string' }),
    agreementTerms: text('agreement_terms'),
    agreementAmountFen: bigint('agreement_amount_fen', { mode: 'number' }),
    agreedOn: date('agreed_on', { mode: 'string' }),
    confirmationDue: date('confirmation_due', { mode: 'string' }),
    failReason: text('fail_reason'),
    advice: text('advice'),
    rejectReason: text('reject_reason'),
    referTo: text('refer_to'),
    closedOn: date('closed_on', { mode: 'string' }),
    consentVersion: text('consent_version'),
    isDemo: boolean('is_demo').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('dispute_case_no_uq').on(t.caseNo),
    index('dispute_case_org_received_idx').on(t.orgId, t.receivedOn),
    index('dispute_case_open_due_idx')
      .on(t.mediationDue)
      .where(sql`${t.status} IN ('received', 'mediating')`),
    index('dispute_case_mediator_idx')
      .on(t.mediatorId)
      .where(sql`${t.status} IN ('received', 'mediating')`),
  ],
);
export type DisputeCaseRow = typeof disputeCase.$inferSelect;

/** The applicants (申请人) of a case; a collective case lists its representatives (代表人, Art. 7). */
export const disputeParty = pgTable(
  'dispute_party',
  {
    id: uuid('id').primaryKey(),
    disputeId: uuid('dispute_id').notNull(),
    orgId: uuid('org_id').notNull(),
    seq: integer('seq').notNull(),
    name: text('name').notNull(),
    idCipher: text('id_cipher'),
    idIndex: text('id_index'),
    idMasked: text('id_masked'),
    mobileCipher: text('mobile_cipher'),
    mobileMasked: text('mobile_masked'),
    representative: boolean('representative').notNull().default(false),
  },
  (t) => [index('dispute_party_case_idx').on(t.disputeId, t.seq), index('dispute_party_id_idx').on(t.idIndex)],
);

/** A mediation session (调解记录). */
export const disputeSession = pgTable(
  'dispute_session',
  {
    id: uuid('id').primaryKey(),
    disputeId: uuid('dispute_id').notNull(),
    orgId: uuid('org_id').notNull(),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    attendees: text('attendees'),
    notes: text('notes').notNull(),
    mediatorId: uuid('mediator_id'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('dispute_session_case_idx').on(t.disputeId, t.heldOn)],
);

/** The centre's mediator panel (union, HR bureau, court-appointed, lawyer); a centre's cases may also use the panels of the unions above it. */
export const mediator = pgTable(
  'mediator',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id').notNull(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    specialties: text('specialties')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    capacity: integer('capacity').notNull().default(10),
    active: boolean('active').notNull().default(true),
    isDemo: boolean('is_demo').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('mediator_org_idx').on(t.orgId)],
);
export type MediatorRow = typeof mediator.$inferSelect;
export * from './legal-aid.schema.js';
export * from './wage-arrears.schema.js';
