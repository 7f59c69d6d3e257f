import { sql } from 'drizzle-orm';
import { bigint, boolean, customType, date, index, integer, jsonb, pgSequence, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { TierResult } from '../../../../common/src/hardship-tier.js';

/** The assistance domain (困难职工帮扶): household files, aid and funds, monitoring. All money is integer fen. */
export * from './aid.schema.js';
export * from './rules.schema.js';
export * from './warning.schema.js';

/** Raw bytes (scans, signature images): small files only, see attachment.service.ts. */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

/** File numbers: 'KN' + year + 6 digits from this sequence. */
export const hardshipFileSeq = pgSequence('hardship_file_seq', { startWith: 1 });

/**
 * A hardship household file (困难职工档案, `hardship_file`): the standard archive form. The worker
 * is usually a member (member_id), migrant workers included. ID number and mobile are stored only
 * encrypted with a blind index and a masked copy, as for members. The tier is never typed: it is
 * computed by common/src/hardship-tier.ts and stored with the computation (`tier_snapshot`).
 */
export const hardshipFile = pgTable(
  'hardship_file',
  {
    id: uuid('id').primaryKey(),
    fileNo: text('file_no').notNull(),
    /** The responsible union (grassroots, or street for territorial members): the scope column. */
    orgId: uuid('org_id').notNull(),
    memberId: uuid('member_id'),
    name: text('name').notNull(),
    idCipher: text('id_cipher').notNull(),
    idIndex: text('id_index').notNull(),
    idMasked: text('id_masked').notNull(),
    sex: text('sex').notNull(),
    birthDate: date('birth_date').notNull(),
    mobileCipher: text('mobile_cipher'),
    mobileMasked: text('mobile_masked'),
    /** Region whose subsistence line applies (defaults to the union's region). */
    regionCode: text('region_code').notNull(),
    address: text('address'),
    employerName: text('employer_name'),
    migrantWorker: boolean('migrant_worker').notNull().default(false),
    cityWorkSince: date('city_work_since'),
    health: text('health').notNull(),
    disability: text('disability').notNull().default('none'),
    employmentStatus: text('employment_status').notNull(),
    housing: text('housing'),
    industry: text('industry'),
    maritalStatus: text('marital_status'),
    hukouType: text('hukou_type').notNull(),
    singleParent: boolean('single_parent').notNull().default(false),
    zeroEmployment: boolean('zero_employment').notNull().default(false),
    monthlyIncomeFen: bigint('monthly_income_fen', { mode: 'number' }).notNull().default(0),
    annualIncomeFen: bigint('annual_income_fen', { mode: 'number' }).notNull(),
    rigidMedicalFen: bigint('rigid_medical_fen', { mode: 'number' }).notNull().default(0),
    rigidSchoolingFen: bigint('rigid_schooling_fen', { mode: 'number' }).notNull().default(0),
    accidentCostFen: bigint('accident_cost_fen', { mode: 'number' }).notNull().default(0),
    disaster: boolean('disaster').notNull().default(false),
    disasterOn: date('disaster_on'),
    workAccident: boolean('work_accident').notNull().default(false),
    /** Set when health becomes serious illness (新发大病); the warning key includes it. */
    seriousIllnessSince: date('serious_illness_since'),
    /** Set when the employment status becomes unemployed (失业). */
    jobLostOn: date('job_lost_on'),
    mainCause: text('main_cause').notNull(),
    otherCauses: text('other_causes')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    householdSize: integer('household_size').notNull().default(1),
    status: text('status').notNull(),
    origin: text('origin').notNull(),
    tier: text('tier'),
    tierSnapshot: jsonb('tier_snapshot').$type<TierResult>(),
    tierEvaluatedOn: date('tier_evaluated_on'),
    /** Per-person monthly income of the last evaluation (fen), kept for set-based monitoring. */
    perCapitaMonthlyFen: bigint('per_capita_monthly_fen', { mode: 'number' }),
    reviewLevelsRequired: integer('review_levels_required').notNull().default(0),
    reviewLevelsDone: integer('review_levels_done').notNull().default(0),
    appliedOn: date('applied_on').notNull(),
    filedOn: date('filed_on'),
    nextReviewDue: date('next_review_due'),
    exitOn: date('exit_on'),
    exitReason: text('exit_reason'),
    exitNote: text('exit_note'),
    exitSnapshot: jsonb('exit_snapshot').$type<TierResult>(),
    monitoringUntil: date('monitoring_until'),
    relapseCount: integer('relapse_count').notNull().default(0),
    lastRelapseOn: date('last_relapse_on'),
    rejectReason: text('reject_reason'),
    consentVersion: text('consent_version'),
    consentAt: timestamp('consent_at', { withTimezone: true }),
    isDemo: boolean('is_demo').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('hardship_file_no_uq').on(t.fileNo),
    /** One live file per person: a second application finds the first. */
    uniqueIndex('hardship_file_live_person_uq')
      .on(t.idIndex)
      .where(sql`${t.status} IN ('applied', 'reviewing', 'filed', 'exited')`),
    index('hardship_file_org_status_idx').on(t.orgId, t.status),
    index('hardship_file_member_idx').on(t.memberId),
    index('hardship_file_status_tier_idx').on(t.status, t.tier),
    index('hardship_file_review_due_idx').on(t.nextReviewDue),
  ],
);
export type HardshipFileRow = typeof hardshipFile.$inferSelect;

/** Household members (家庭成员) other than the worker. */
export const hardshipHouseholdMember = pgTable(
  'hardship_household_member',
  {
    id: uuid('id').primaryKey(),
    fileId: uuid('file_id').notNull(),
    orgId: uuid('org_id').notNull(),
    name: text('name').notNull(),
    relationship: text('relationship').notNull(),
    idCipher: text('id_cipher'),
    idIndex: text('id_index'),
    idMasked: text('id_masked'),
    birthDate: date('birth_date'),
    health: text('health').notNull(),
    employmentStatus: text('employment_status').notNull(),
    annualIncomeFen: bigint('annual_income_fen', { mode: 'number' }).notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('hardship_household_member_file_idx').on(t.fileId), index('hardship_household_member_id_idx').on(t.idIndex)],
);

/** Scans attached to a file (附件): PDF, JPEG or PNG by their magic bytes, small enough to live in the database. */
export const hardshipAttachment = pgTable(
  'hardship_attachment',
  {
    id: uuid('id').primaryKey(),
    fileId: uuid('file_id').notNull(),
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
  (t) => [index('hardship_attachment_file_idx').on(t.fileId)],
);

/** The file's history: applied, checked, each review level, filed, re-assessed, exited, relapsed … */
export const hardshipEvent = pgTable(
  'hardship_event',
  {
    id: uuid('id').primaryKey(),
    fileId: uuid('file_id').notNull(),
    orgId: uuid('org_id').notNull(),
    kind: text('kind').notNull(),
    onDate: date('on_date').notNull(),
    level: integer('level'),
    actorOrgId: uuid('actor_org_id'),
    actorId: uuid('actor_id'),
    note: text('note'),
    data: jsonb('data').$type<Record<string, unknown>>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('hardship_event_file_idx').on(t.fileId, t.onDate), index('hardship_event_kind_date_idx').on(t.kind, t.onDate)],
);

/**
 * Home visits (走访): discovery visits, yearly re-assessment visits and the follow-up visits of the
 * monitoring period, which are planned at exit (`due_on`) and done when recorded (`visited_on`).
 */
export const hardshipVisit = pgTable(
  'hardship_visit',
  {
    id: uuid('id').primaryKey(),
    fileId: uuid('file_id').notNull(),
    orgId: uuid('org_id').notNull(),
    kind: text('kind').notNull(),
    dueOn: date('due_on'),
    visitedOn: date('visited_on'),
    visitor: text('visitor'),
    findings: text('findings'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('hardship_visit_file_idx').on(t.fileId),
    index('hardship_visit_due_idx')
      .on(t.dueOn)
      .where(sql`${t.visitedOn} IS NULL`),
  ],
);
