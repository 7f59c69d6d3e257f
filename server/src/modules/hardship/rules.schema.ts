import { bigint, boolean, date, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { HardshipParams } from '../../../../common/src/hardship-tier.js';

/**
 * Local subsistence lines (最低生活保障标准): region × effective date × fen a person a month, with
 * the source. The line in force on a date is the latest started one of the most specific region.
 */
export const subsistenceLine = pgTable(
  'subsistence_line',
  {
    id: uuid('id').primaryKey(),
    regionCode: text('region_code').notNull(),
    effectiveFrom: date('effective_from').notNull(),
    monthlyFen: bigint('monthly_fen', { mode: 'number' }).notNull(),
    source: text('source').notNull(),
    weak: boolean('weak').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('subsistence_line_region_from_uq').on(t.regionCode, t.effectiveFrom)],
);

/** Dated sets of the tier multiples and monitoring thresholds (see HardshipParams); the latest started one applies. */
export const hardshipRuleSet = pgTable(
  'hardship_rule_set',
  {
    id: uuid('id').primaryKey(),
    version: text('version').notNull(),
    effectiveFrom: date('effective_from').notNull(),
    params: jsonb('params').$type<HardshipParams>().notNull(),
    source: text('source').notNull(),
    weakKeys: text('weak_keys').array().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('hardship_rule_set_from_uq').on(t.effectiveFrom), uniqueIndex('hardship_rule_set_version_uq').on(t.version)],
);
