import { boolean, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bytea } from '../hardship/hardship.schema.js';

/** A union event (活动, docs/events.md): organised by a union for its scope. */
export const unionEvent = pgTable(
  'union_event',
  {
    id: uuid('id').primaryKey(),
    /** The organising union: the scope column. */
    orgId: uuid('org_id').notNull(),
    title: text('title').notNull(),
    /** culture, sports, matchmaking (婚恋交友), training, recuperation (疗休养). */
    kind: text('kind').notNull(),
    /** members (of the organiser's subtree) or all_workers (any worker with a portal account). */
    audience: text('audience').notNull(),
    place: text('place'),
    description: text('description'),
    capacity: integer('capacity').notNull(),
    /** The sign-up window, China dates, both days included. */
    signupFrom: date('signup_from').notNull(),
    signupUntil: date('signup_until').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    isDemo: boolean('is_demo').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('union_event_org_idx').on(t.orgId, t.startsOn), index('union_event_starts_idx').on(t.startsOn)],
);

/**
 * One person's sign-up: confirmed, waitlisted (in order of `queued_at`) or cancelled. A portal
 * account signs up (`account_id`); `member_id` is the linked member, if any. The check-in token is
 * the QR code the attendee shows; `checked_in_at` is set once.
 */
export const eventSignup = pgTable(
  'event_signup',
  {
    id: uuid('id').primaryKey(),
    eventId: uuid('event_id').notNull(),
    /** The organiser (as the event's): sign-ups are seen where the event is. */
    orgId: uuid('org_id').notNull(),
    accountId: uuid('account_id'),
    memberId: uuid('member_id'),
    /** The person's name, masked (张*明), or the masked mobile of an unlinked account. */
    displayName: text('display_name').notNull(),
    /** The person's own union (a member's), for the organiser's list. */
    personOrgId: uuid('person_org_id'),
    status: text('status').notNull(),
    queuedAt: timestamp('queued_at', { withTimezone: true }).notNull().defaultNow(),
    token: text('token').notNull(),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }),
    checkedInBy: uuid('checked_in_by'),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('event_signup_account_uq').on(t.eventId, t.accountId),
    uniqueIndex('event_signup_member_uq').on(t.eventId, t.memberId),
    uniqueIndex('event_signup_token_uq').on(t.token),
    index('event_signup_event_idx').on(t.eventId, t.status, t.queuedAt),
    index('event_signup_account_idx').on(t.accountId),
  ],
);

/** Photos of an event (JPEG, PNG), stored in the database like hardship scans (small files only). */
export const eventPhoto = pgTable(
  'event_photo',
  {
    id: uuid('id').primaryKey(),
    eventId: uuid('event_id').notNull(),
    orgId: uuid('org_id').notNull(),
    fileName: text('file_name').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    data: bytea('data').notNull(),
    uploadedBy: uuid('uploaded_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('event_photo_event_idx').on(t.eventId)],
);
