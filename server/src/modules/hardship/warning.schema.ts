import { sql } from 'drizzle-orm';
import { date, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * Monitoring warnings (监测预警). `dedup_key` names the cause (rule, household or area, and the fact
 * that fired: the evaluation, the illness date, the member event, the due date …), so a repeated scan
 * never raises the same warning twice: the scan inserts with ON CONFLICT DO NOTHING.
 * A warning is closed only with the action taken.
 */
export const hardshipWarning = pgTable(
  'hardship_warning',
  {
    id: uuid('id').primaryKey(),
    dedupKey: text('dedup_key').notNull(),
    rule: text('rule').notNull(),
    level: text('level').notNull(),
    fileId: uuid('file_id'),
    /** The responsible union: the file's union, or the district federation for area warnings. */
    orgId: uuid('org_id').notNull(),
    explanation: text('explanation').notNull(),
    figures: jsonb('figures').$type<Record<string, unknown>>().notNull(),
    raisedOn: date('raised_on').notNull(),
    dueOn: date('due_on').notNull(),
    status: text('status').notNull().default('open'),
    actionTaken: text('action_taken'),
    closedBy: uuid('closed_by'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('hardship_warning_dedup_uq').on(t.dedupKey),
    index('hardship_warning_org_status_idx').on(t.orgId, t.status, t.dueOn),
    index('hardship_warning_file_idx').on(t.fileId),
    index('hardship_warning_open_idx')
      .on(t.dueOn)
      .where(sql`${t.status} = 'open'`),
  ],
);
