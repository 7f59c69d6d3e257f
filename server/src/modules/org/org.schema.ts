import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * The organisation tree. `path` is the materialised path of ids ("/root/…/self/"): a subtree is
 * `path LIKE prefix%`, which every scope predicate builds on.
 */
export const org = pgTable(
  'org',
  {
    id: uuid('id').primaryKey(),
    parentId: uuid('parent_id'),
    path: text('path').notNull(),
    depth: integer('depth').notNull(),
    level: text('level').notNull(),
    kind: text('kind'),
    code: text('code').notNull(),
    name: text('name').notNull(),
    employerName: text('employer_name'),
    uscc: text('uscc'),
    regionCode: text('region_code'),
    industry: text('industry'),
    employeeCount: integer('employee_count'),
    foundedOn: date('founded_on'),
    chairName: text('chair_name'),
    termStart: date('term_start'),
    termYears: integer('term_years'),
    /** Precomputed term end (term_start + term_years) so the warnings list is one indexed range scan. */
    termEnd: date('term_end'),
    hasWomenCommittee: boolean('has_women_committee').notNull().default(false),
    active: boolean('active').notNull().default(true),
    isDemo: boolean('is_demo').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('org_code_uq').on(t.code),
    uniqueIndex('org_uscc_active_uq')
      .on(t.uscc)
      .where(sql`${t.uscc} IS NOT NULL AND ${t.active}`),
    index('org_path_idx').on(t.path.op('text_pattern_ops')),
    index('org_parent_idx').on(t.parentId),
    index('org_term_end_idx').on(t.termEnd),
    index('org_name_idx').on(t.name),
  ],
);

export type OrgRow = typeof org.$inferSelect;
