import { bigint, boolean, date, index, integer, jsonb, pgSequence, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { Floor, Quota } from '../../../../common/src/honor-rules.js';

/** Honours (评选表彰, docs/achievement.md): calls, nominations, objections, the holders' registry and care. */

/** Certificate numbers of approved honours: 'RY' + year + 6 digits. */
export const honorCertSeq = pgSequence('honor_cert_seq', { startWith: 1 });
/** Receipt numbers of objections lodged on the public notice. */
export const honorObjectionSeq = pgSequence('honor_objection_seq', { startWith: 1 });

/** A call (评选通知) of a federation: its kinds, quotas per subordinate union and floors, as data on the call. */
export const honorCall = pgTable(
  'honor_call',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id').notNull(),
    title: text('title').notNull(),
    year: integer('year').notNull(),
    kinds: text('kinds').array().notNull(),
    status: text('status').notNull().default('draft'),
    nominationDeadline: date('nomination_deadline'),
    noticeFrom: date('notice_from'),
    noticeTo: date('notice_to'),
    noticeDays: integer('notice_days').notNull(),
    noticeUnit: text('notice_unit').notNull(),
    floors: jsonb('floors').$type<Floor[]>().notNull(),
    /** Where the floors come from: the rule's source, or "set by this call". */
    floorSource: text('floor_source').notNull(),
    quotas: jsonb('quotas').$type<Quota[]>().notNull(),
    note: text('note'),
    isDemo: boolean('is_demo').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('honor_call_org_idx').on(t.orgId, t.year), index('honor_call_status_idx').on(t.status)],
);

export interface Recommendation {
  method: string;
  on: string;
  votesFor: number;
  votesTotal: number;
  note: string | null;
}
export interface ClearanceEntry {
  agency: string;
  result: string;
  on: string | null;
  note: string | null;
}

/** A nominee put forward by a unit; counted against the quota of the union above it that holds one. */
export const honorNomination = pgTable(
  'honor_nomination',
  {
    id: uuid('id').primaryKey(),
    callId: uuid('call_id').notNull(),
    /** The nominating unit: the scope column. */
    orgId: uuid('org_id').notNull(),
    /** The union whose quota it uses (the unit itself or the nearest union above it with a quota). */
    quotaOrgId: uuid('quota_org_id'),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    memberId: uuid('member_id'),
    employer: text('employer').notNull(),
    post: text('post'),
    occupation: text('occupation').notNull(),
    migrantWorker: boolean('migrant_worker').notNull().default(false),
    nonPublic: boolean('non_public').notNull().default(false),
    team: boolean('team').notNull().default(false),
    gigWorker: boolean('gig_worker').notNull().default(false),
    woman: boolean('woman').notNull().default(false),
    frontline: boolean('frontline').notNull().default(false),
    deeds: text('deeds').notNull(),
    recommendation: jsonb('recommendation').$type<Recommendation>().notNull(),
    competitionEntryId: uuid('competition_entry_id'),
    outsideQuota: boolean('outside_quota').notNull().default(false),
    status: text('status').notNull().default('nominated'),
    rejectReason: text('reject_reason'),
    clearance: jsonb('clearance').$type<ClearanceEntry[]>().notNull().default([]),
    recordId: uuid('record_id'),
    isDemo: boolean('is_demo').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('honor_nomination_call_idx').on(t.callId, t.quotaOrgId, t.status), index('honor_nomination_org_idx').on(t.orgId)],
);

/**
 * An objection lodged on the public notice. Readable only by the reviewing body (the calling
 * union's scope): `org_id` is the calling union. The objector's name and contact are encrypted.
 */
export const honorObjection = pgTable(
  'honor_objection',
  {
    id: uuid('id').primaryKey(),
    callId: uuid('call_id').notNull(),
    nominationId: uuid('nomination_id').notNull(),
    orgId: uuid('org_id').notNull(),
    receiptNo: text('receipt_no').notNull(),
    content: text('content').notNull(),
    nameCipher: text('name_cipher'),
    contactCipher: text('contact_cipher'),
    contactMasked: text('contact_masked'),
    status: text('status').notNull().default('registered'),
    finding: text('finding'),
    answer: text('answer'),
    answeredOn: date('answered_on'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('honor_objection_call_idx').on(t.callId),
    index('honor_objection_nomination_idx').on(t.nominationId),
    uniqueIndex('honor_objection_receipt_uq').on(t.receiptNo),
  ],
);

/** The registry of holders (劳模工匠): one honour of one holder, from an approved nomination or entered for a past one. */
export const honorRecord = pgTable(
  'honor_record',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id').notNull(),
    memberId: uuid('member_id'),
    callId: uuid('call_id'),
    nominationId: uuid('nomination_id'),
    kind: text('kind').notNull(),
    level: text('level').notNull(),
    title: text('title').notNull(),
    year: integer('year').notNull(),
    name: text('name').notNull(),
    employer: text('employer'),
    post: text('post'),
    certificateNo: text('certificate_no'),
    awardedOn: date('awarded_on').notNull(),
    isDemo: boolean('is_demo').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('honor_record_org_idx').on(t.orgId, t.awardedOn),
    index('honor_record_member_idx').on(t.memberId),
    uniqueIndex('honor_record_cert_uq').on(t.certificateNo),
  ],
);

/** Care of a holder (劳模关爱): allowances, check-ups, recuperation, visits. Money in fen. */
export const honorCare = pgTable(
  'honor_care',
  {
    id: uuid('id').primaryKey(),
    recordId: uuid('record_id').notNull(),
    orgId: uuid('org_id').notNull(),
    kind: text('kind').notNull(),
    onDate: date('on_date').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull().default(0),
    note: text('note'),
    byName: text('by_name'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('honor_care_record_idx').on(t.recordId, t.onDate), index('honor_care_org_idx').on(t.orgId, t.onDate)],
);
