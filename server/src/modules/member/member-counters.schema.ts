import { integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';

/**
 * Exact member counters for the dashboard (issue 5): how many members each union (org_id) has per
 * status and employment form, and how many of them are migrant workers. Maintained by PostgreSQL
 * itself — statement-level AFTER INSERT / UPDATE / DELETE / TRUNCATE triggers on `member` with
 * transition tables (migration 0004_member_tally) — so every write path (API, import commit,
 * transfers, status changes, COPY, hand-written SQL) keeps them in step, in the same transaction,
 * at one aggregate per statement rather than one increment per row. Rows that reach zero are deleted.
 * Keyed by org_id only: the tree (org.path) is read at query time, so moving an org needs nothing.
 * See member-counters.ts for the reads.
 */
export const memberTally = pgTable(
  'member_tally',
  {
    orgId: uuid('org_id').notNull(),
    status: text('status').notNull(),
    employmentForm: text('employment_form').notNull(),
    /** Members of the union with that status and form. */
    n: integer('n').notNull(),
    /** Of which migrant workers (member.migrant_worker). */
    migrant: integer('migrant').notNull(),
  },
  (t) => [primaryKey({ name: 'member_tally_pk', columns: [t.orgId, t.status, t.employmentForm] })],
);
