import { bigint, boolean, date, index, integer, pgSequence, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Wage arrears (欠薪, docs/rights.md "Wage arrears"): the cases and the amounts recovered. Money is integer fen. */

/** Numbers: 'QX' + year + 6 digits. */
export const wageArrearsSeq = pgSequence('wage_arrears_seq', { startWith: 1 });

/**
 * A wage-arrears case: the employer (and, for construction, the project and site, 保障农民工工资支付
 * 条例), the workers affected, the amount owed and recovered (kept as the sum of the recoveries).
 * `org_id` is the union following it (the scope column); a mediation case may be linked.
 */
export const wageArrears = pgTable(
  'wage_arrears',
  {
    id: uuid('id').primaryKey(),
    caseNo: text('case_no').notNull(),
    orgId: uuid('org_id').notNull(),
    disputeId: uuid('dispute_id'),
    employerName: text('employer_name').notNull(),
    employerUscc: text('employer_uscc'),
    construction: boolean('construction').notNull().default(false),
    projectName: text('project_name'),
    siteAddress: text('site_address'),
    workersAffected: integer('workers_affected').notNull(),
    migrantWorkers: integer('migrant_workers').notNull().default(0),
    owedFen: bigint('owed_fen', { mode: 'number' }).notNull(),
    recoveredFen: bigint('recovered_fen', { mode: 'number' }).notNull().default(0),
    status: text('status').notNull(),
    reportedOn: date('reported_on', { mode: 'string' }).notNull(),
    clearedOn: date('cleared_on', { mode: 'string' }),
    note: text('note'),
    isDemo: boolean('is_demo').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('wage_arrears_org_idx').on(t.orgId, t.reportedOn), index('wage_arrears_employer_idx').on(t.employerUscc)],
);
export type WageArrearsRow = typeof wageArrears.$inferSelect;

/** One payment recovered for the workers. */
export const wageRecovery = pgTable(
  'wage_recovery',
  {
    id: uuid('id').primaryKey(),
    arrearsId: uuid('arrears_id').notNull(),
    orgId: uuid('org_id').notNull(),
    paidOn: date('paid_on', { mode: 'string' }).notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    note: text('note'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('wage_recovery_arrears_idx').on(t.arrearsId, t.paidOn)],
);
