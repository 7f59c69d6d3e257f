import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * A worker's own account (职工账号), separate from cadre accounts (`app_user`): keyed by the blind
 * index of the mobile; the mobile itself is stored only encrypted. `member_id` is set only after the
 * name and ID number matched the registry (docs/portal.md, "Linking").
 */
export const workerAccount = pgTable(
  'worker_account',
  {
    id: uuid('id').primaryKey(),
    mobileIndex: text('mobile_index').notNull(),
    mobileCipher: text('mobile_cipher').notNull(),
    mobileMasked: text('mobile_masked').notNull(),
    passwordHash: text('password_hash'),
    memberId: uuid('member_id'),
    /** Blind index of the linked person's ID number: finds their join applications and hardship files. */
    idIndex: text('id_index'),
    linkedAt: timestamp('linked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('worker_account_mobile_uq').on(t.mobileIndex), uniqueIndex('worker_account_member_uq').on(t.memberId)],
);

/** A worker's session: the cookie holds the token, the table its SHA-256. Never a cadre session. */
export const workerSession = pgTable(
  'worker_session',
  {
    id: text('id').primaryKey(),
    accountId: uuid('account_id').notNull(),
    firstSignIn: integer('first_sign_in').notNull().default(0),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('worker_session_account_idx').on(t.accountId)],
);

/** One-time sign-in codes: stored hashed, valid 5 minutes, good once, a few wrong tries at most. */
export const workerCode = pgTable(
  'worker_code',
  {
    id: uuid('id').primaryKey(),
    mobileIndex: text('mobile_index').notNull(),
    codeHash: text('code_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    failures: integer('failures').notNull().default(0),
    ip: text('ip'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('worker_code_mobile_idx').on(t.mobileIndex, t.createdAt)],
);

/** The `outbox` SMS provider: messages kept in the database for pilots and tests (an administrator reads them). */
export const smsOutbox = pgTable(
  'sms_outbox',
  {
    id: uuid('id').primaryKey(),
    mobileIndex: text('mobile_index').notNull(),
    mobileMasked: text('mobile_masked').notNull(),
    body: text('body').notNull(),
    purpose: text('purpose').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sms_outbox_mobile_idx').on(t.mobileIndex, t.createdAt)],
);

/** The in-app inbox (消息): outcomes and reminders addressed to one worker account. */
export const workerNotification = pgTable(
  'worker_notification',
  {
    id: uuid('id').primaryKey(),
    accountId: uuid('account_id').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    link: text('link'),
    /** A reminder's key (kind:id:deadline): the same reminder is written once per item per deadline. */
    dedupeKey: text('dedupe_key'),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('worker_notification_account_idx').on(t.accountId, t.createdAt), uniqueIndex('worker_notification_dedupe_uq').on(t.accountId, t.dedupeKey)],
);

/**
 * A worker's request to change their own details (信息变更申请), decided by the union holding the
 * membership. The new value is stored only encrypted (`value_cipher`), shown masked; approving writes
 * the member record if it has not changed since (`member_version`). A change of employer also opens a
 * transfer to `to_org_id` through the member module's transfer flow (docs/portal.md).
 */
export const workerChangeRequest = pgTable(
  'worker_change_request',
  {
    id: uuid('id').primaryKey(),
    accountId: uuid('account_id').notNull(),
    memberId: uuid('member_id').notNull(),
    /** The union holding the membership when the request was made: its scope decides who reviews. */
    orgId: uuid('org_id').notNull(),
    field: text('field').$type<'mobile' | 'address' | 'education' | 'politicalStatus' | 'occupation' | 'employer'>().notNull(),
    valueCipher: text('value_cipher').notNull(),
    valueMasked: text('value_masked').notNull(),
    toOrgId: uuid('to_org_id'),
    note: text('note'),
    memberVersion: integer('member_version').notNull(),
    /** SHA-256 of the field as stored when the request was made: approval refuses if that field changed since. */
    baseHash: text('base_hash').notNull(),
    status: text('status').$type<'pending' | 'approved' | 'rejected'>().notNull(),
    rejectReason: text('reject_reason'),
    transferId: uuid('transfer_id'),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('worker_change_request_org_status_idx').on(t.orgId, t.status, t.createdAt),
    index('worker_change_request_account_idx').on(t.accountId, t.createdAt),
    /** One open request per member and field. */
    uniqueIndex('worker_change_request_one_open_uq')
      .on(t.memberId, t.field)
      .where(sql`status = 'pending'`),
  ],
);
