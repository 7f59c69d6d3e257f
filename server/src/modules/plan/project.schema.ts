import { bigint, date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Practical projects (实事项目): a federation's yearly list of projects promised to workers, each
 * owned by a union, with a budget in fen, milestones and spending (docs/plans.md).
 */
export const project = pgTable(
  'project',
  {
    id: uuid('id').primaryKey(),
    /** The owner union (责任单位). */
    orgId: uuid('org_id').notNull(),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    budgetFen: bigint('budget_fen', { mode: 'number' }).notNull(),
    spentFen: bigint('spent_fen', { mode: 'number' }).notNull().default(0),
    /** Milestones with calendar due dates. */
    milestones: jsonb('milestones').$type<{ title: string; due: string; doneOn: string | null }[]>().notNull().default([]),
    progress: integer('progress').notNull().default(0),
    status: text('status').notNull().default('planned'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('project_org_year_idx').on(t.orgId, t.year)],
);

/** Spending records (支出); one past the budget carries its reason. */
export const projectSpend = pgTable(
  'project_spend',
  {
    id: uuid('id').primaryKey(),
    projectId: uuid('project_id').notNull(),
    orgId: uuid('org_id').notNull(),
    spentOn: date('spent_on').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    note: text('note').notNull(),
    overBudgetReason: text('over_budget_reason'),
    actorName: text('actor_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('project_spend_project_idx').on(t.projectId, t.spentOn)],
);
