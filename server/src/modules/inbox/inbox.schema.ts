import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * Messages to a cadre (a user of the web app): reminders before a deadline, overdue notices and
 * escalations to the union above (docs/inbox.md). `dedupe_key` makes a job that runs hourly write
 * each message once per user.
 */
export const userNotification = pgTable(
  'user_notification',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    link: text('link'),
    dedupeKey: text('dedupe_key'),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('user_notification_user_idx').on(t.userId, t.createdAt), uniqueIndex('user_notification_dedupe_uq').on(t.userId, t.dedupeKey)],
);
