import { sql } from 'drizzle-orm';
import { bigint, boolean, date, index, integer, jsonb, pgSequence, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** Card numbers: 'GH' + 10 digits from this sequence, unique across the database. */
export const memberCardSeq = pgSequence('member_card_seq', { startWith: 1 });

/**
 * One real-name record per person (会员实名制), keyed by the blind index of the ID number.
 * ID number and mobile are stored only encrypted (`*_cipher`, AES-256-GCM with key id) with an
 * HMAC blind index (`*_index`) for exact lookup and uniqueness.
 * `status` and `org_id` are derived from membership events and kept in step in the same transaction.
 */
export const member = pgTable(
  'member',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id').notNull(),
    name: text('name').notNull(),
    /** Character bigrams and single characters of the name, for part-of-name search on a GIN index. */
    nameGrams: text('name_grams').array().notNull(),
    idCipher: text('id_cipher').notNull(),
    idIndex: text('id_index').notNull(),
    idKind: text('id_kind').notNull(),
    idMasked: text('id_masked').notNull(),
    birthDate: date('birth_date').notNull(),
    sex: text('sex').notNull(),
    mobileCipher: text('mobile_cipher'),
    mobileIndex: text('mobile_index'),
    mobileMasked: text('mobile_masked'),
    ethnicity: text('ethnicity'),
    education: text('education'),
    politicalStatus: text('political_status'),
    employmentForm: text('employment_form').notNull(),
    /** The roster cell's own text of the employment form (an HR system's 劳动合同制, 劳务派遣 …), null when typed in a form. */
    employmentFormText: text('employment_form_text'),
    migrantWorker: boolean('migrant_worker').notNull().default(false),
    occupation: text('occupation'),
    employerName: text('employer_name'),
    /** Home address: stored only encrypted, shown masked (changed through the worker portal's requests, docs/portal.md). */
    addressCipher: text('address_cipher'),
    addressMasked: text('address_masked'),
    joinDate: date('join_date').notNull(),
    cardNo: text('card_no').notNull(),
    status: text('status').notNull(),
    consentVersion: text('consent_version'),
    consentAt: timestamp('consent_at', { withTimezone: true }),
    consentMethod: text('consent_method'),
    /**
     * The legal basis of the processing (个人信息保护法 Art. 13): `consent` for a worker who joined
     * or was entered with their signed notice; `hr_management` for a roster imported from the
     * employer's HR records (Art. 13 (2)), whose own consent is still to be collected.
     */
    legalBasis: text('legal_basis').$type<'consent' | 'hr_management'>().notNull().default('consent'),
    /** `given`, or `to_collect` until the member confirms the notice (on the worker portal, or on paper). */
    consentStatus: text('consent_status').$type<'given' | 'to_collect'>().notNull().default('given'),
    /** Hash of the imported fields, so a re-import of the same row is recognised as unchanged. */
    rowHash: text('row_hash'),
    isDemo: boolean('is_demo').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('member_id_index_uq').on(t.idIndex),
    uniqueIndex('member_card_no_uq').on(t.cardNo),
    index('member_org_status_idx').on(t.orgId, t.status),
    index('member_mobile_idx').on(t.mobileIndex),
    index('member_name_prefix_idx').on(t.name.op('text_pattern_ops')),
    index('member_name_grams_idx').using('gin', t.nameGrams),
    index('member_join_date_idx').on(t.joinDate),
    index('member_consent_to_collect_idx')
      .on(t.orgId)
      .where(sql`consent_status = 'to_collect'`),
  ],
);

/** Membership history: every change is an event; the current status is derived from them. */
export const membershipEvent = pgTable(
  'membership_event',
  {
    id: uuid('id').primaryKey(),
    memberId: uuid('member_id').notNull(),
    orgId: uuid('org_id').notNull(),
    kind: text('kind').notNull(),
    onDate: date('on_date').notNull(),
    reason: text('reason'),
    refId: uuid('ref_id'),
    actorId: uuid('actor_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('membership_event_member_idx').on(t.memberId, t.onDate),
    index('membership_event_org_date_idx').on(t.orgId, t.onDate),
    /** The dashboard's last 12 months city-wide: an index-only range scan over the window. */
    index('membership_event_date_idx').on(t.onDate, t.orgId, t.kind),
  ],
);

/** An online application to join (入会申请), answered by the receiving union within 15 working days. */
export const joinApplication = pgTable(
  'join_application',
  {
    id: uuid('id').primaryKey(),
    appNo: text('app_no').notNull(),
    orgId: uuid('org_id').notNull(),
    name: text('name').notNull(),
    idCipher: text('id_cipher').notNull(),
    idIndex: text('id_index').notNull(),
    idMasked: text('id_masked').notNull(),
    mobileCipher: text('mobile_cipher'),
    mobileMasked: text('mobile_masked'),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    employerName: text('employer_name'),
    employerUscc: text('employer_uscc'),
    viaTerritorial: boolean('via_territorial').notNull().default(false),
    consentVersion: text('consent_version').notNull(),
    consentAt: timestamp('consent_at', { withTimezone: true }).notNull(),
    status: text('status').notNull(),
    submittedOn: date('submitted_on').notNull(),
    dueOn: date('due_on').notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: uuid('decided_by'),
    rejectReason: text('reject_reason'),
    memberId: uuid('member_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('join_application_no_uq').on(t.appNo),
    index('join_application_org_status_idx').on(t.orgId, t.status, t.dueOn),
    index('join_application_id_idx').on(t.idIndex),
    /** One pending application per person at a time (a concurrent second submission fails here). */
    uniqueIndex('join_application_one_pending_uq')
      .on(t.idIndex)
      .where(sql`${t.status} = 'pending'`),
  ],
);

/** Moving membership with the job (会员关系接转): both unions confirm. */
export const transfer = pgTable(
  'transfer',
  {
    id: uuid('id').primaryKey(),
    memberId: uuid('member_id').notNull(),
    fromOrgId: uuid('from_org_id').notNull(),
    toOrgId: uuid('to_org_id').notNull(),
    initiatedBy: text('initiated_by').notNull(),
    reason: text('reason'),
    status: text('status').notNull(),
    /** The member's status before the transfer (active or retained), restored when it is rejected or cancelled. */
    prevStatus: text('prev_status'),
    /** Why a side rejected or cancelled it. */
    closeReason: text('close_reason'),
    fromConfirmedAt: timestamp('from_confirmed_at', { withTimezone: true }),
    toConfirmedAt: timestamp('to_confirmed_at', { withTimezone: true }),
    completedOn: date('completed_on'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('transfer_member_idx').on(t.memberId),
    index('transfer_from_idx').on(t.fromOrgId, t.status),
    index('transfer_to_idx').on(t.toOrgId, t.status),
    uniqueIndex('transfer_one_open_uq')
      .on(t.memberId)
      .where(sql`${t.status} = 'pending'`),
  ],
);

/** A roster import: parsed off the request path into staging rows, previewed, then committed atomically. */
export const importBatch = pgTable(
  'import_batch',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id').notNull(),
    actorId: uuid('actor_id'),
    fileName: text('file_name').notNull(),
    fileHash: text('file_hash').notNull(),
    status: text('status').notNull(),
    total: integer('total').notNull().default(0),
    valid: integer('valid').notNull().default(0),
    rejected: integer('rejected').notNull().default(0),
    created: integer('created').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    unchanged: integer('unchanged').notNull().default(0),
    rowsDone: integer('rows_done').notNull().default(0),
    message: text('message'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('import_batch_org_idx').on(t.orgId, t.startedAt)],
);

export const importRow = pgTable(
  'import_row',
  {
    batchId: uuid('batch_id').notNull(),
    rowNo: integer('row_no').notNull(),
    idIndex: text('id_index').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    rowHash: text('row_hash').notNull(),
  },
  // One staged row per row number of a batch; also the stable order a backup reads it in.
  (t) => [primaryKey({ name: 'import_row_pk', columns: [t.batchId, t.rowNo] })],
);

export const importError = pgTable(
  'import_error',
  {
    /** A key of its own, so backups read the table in a stable order (platform/backup.ts). */
    id: bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity().primaryKey(),
    batchId: uuid('batch_id').notNull(),
    rowNo: integer('row_no').notNull(),
    column: text('column'),
    code: text('code').notNull(),
    message: text('message').notNull(),
    raw: jsonb('raw').$type<Record<string, unknown>>(),
  },
  (t) => [index('import_error_batch_idx').on(t.batchId, t.rowNo)],
);
