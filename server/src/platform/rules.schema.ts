import { date, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Versions of a dated rule entered by an administrator (common/src/rules.ts); the code's defaults are not stored. */
export const ruleVersion = pgTable(
  'rule_version',
  {
    key: text('key').notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    value: jsonb('value').notNull(),
    source: text('source').notNull(),
    weak: text('weak').array().notNull(),
    createdBy: uuid('created_by'),
    createdByName: text('created_by_name'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.key, t.effectiveFrom] })],
);
