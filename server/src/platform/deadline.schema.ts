import { boolean, date, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The deadlines a workflow step started (server/src/platform/workflow.ts), with the rule they were
 * counted by, so that a change of the holiday calendar recomputes every open one (each change
 * audited) and a deadline counted on a year the calendar lacks is known to be provisional. The
 * owning record keeps its own copy of the due date for its lists and indexes.
 */
export const trackedDeadline = pgTable(
  'tracked_deadline',
  {
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    /** The owning record's property holding the due date (e.g. `dueOn`). */
    field: text('field').notNull(),
    startOn: date('start_on', { mode: 'string' }).notNull(),
    n: integer('n').notNull(),
    /** common/src/deadlines.ts DayCount. */
    unit: text('unit').notNull(),
    rollForward: boolean('roll_forward').notNull().default(true),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    provisional: boolean('provisional').notNull().default(false),
    /** Set when the step that ends the deadline is taken; closed deadlines are never recomputed. */
    closedAt: timestamp('closed_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.entity, t.entityId, t.field] })],
);
