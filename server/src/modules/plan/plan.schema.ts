import { boolean, date, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Work plans (重点工作): a union's plan for a year, usually accepted from the extraction of its
 * plenary speech (common/src/plan-extract.ts), broken into tasks (docs/plans.md).
 */
export const plan = pgTable(
  'plan',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id').notNull(),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    /** Where it came from: the speech's title or file name. */
    source: text('source'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('plan_org_year_idx').on(t.orgId, t.year)],
);

/**
 * A task (任务): owned by a union (the owner org) with a lead and co-owners, on a deadline profile
 * (13710 by default), through the workflow of common/src/plan-vocab.ts TASK_MACHINE. A task split
 * to subordinate unions has children (`parent_id`); its progress rolls up from them.
 */
export const planTask = pgTable(
  'plan_task',
  {
    id: uuid('id').primaryKey(),
    planId: uuid('plan_id').notNull(),
    parentId: uuid('parent_id'),
    /** The owner union. */
    orgId: uuid('org_id').notNull(),
    section: text('section'),
    title: text('title').notNull(),
    kind: text('kind').notNull().default('directive'),
    modules: text('modules').array().notNull().default([]),
    /** The phrases that named the modules (the extraction's explanation). */
    triggers: jsonb('triggers').$type<{ module: string; phrase: string }[]>().notNull().default([]),
    lead: text('lead'),
    coOwners: text('co_owners'),
    profile: text('profile').notNull().default('13710'),
    major: boolean('major').notNull().default(false),
    status: text('status').notNull().default('assigned'),
    assignedOn: date('assigned_on').notNull(),
    deployDue: date('deploy_due'),
    reportDue: date('report_due'),
    closeDue: date('close_due'),
    /** Counted on a year the holiday calendar lacks: shown as provisional until the year is entered. */
    provisional: boolean('provisional').notNull().default(false),
    kpiMetric: text('kpi_metric'),
    kpiTarget: integer('kpi_target'),
    kpiUnit: text('kpi_unit'),
    kpiDue: date('kpi_due'),
    /** Progress in percent, from the latest report (or the KPI where it is live). */
    progress: integer('progress').notNull().default(0),
    lastReportOn: date('last_report_on'),
    /** How often progress is reported (每周/每月), if the task has a cadence; the next report is due on `next_report_due` (calendar days). */
    reportCadence: text('report_cadence'),
    nextReportDue: date('next_report_due'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('plan_task_plan_idx').on(t.planId), index('plan_task_org_idx').on(t.orgId, t.status), index('plan_task_parent_idx').on(t.parentId)],
);

/** Progress reports (进展报告), the closing request with its evidence, and the supervisor's answer. */
export const planReport = pgTable(
  'plan_report',
  {
    id: uuid('id').primaryKey(),
    taskId: uuid('task_id').notNull(),
    orgId: uuid('org_id').notNull(),
    kind: text('kind').notNull(),
    reportedOn: date('reported_on').notNull(),
    progress: integer('progress'),
    note: text('note').notNull(),
    evidence: text('evidence'),
    actorName: text('actor_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('plan_report_task_idx').on(t.taskId, t.createdAt)],
);

/**
 * A live KPI's value for its task, one a day (docs/plans.md, "Live KPIs"): the job `plan-kpi`
 * records it for every open task with a live metric, so the task page draws the line against the
 * target. Derived data: recomputed from the modules, never edited.
 */
export const planKpiReading = pgTable(
  'plan_kpi_reading',
  {
    taskId: uuid('task_id').notNull(),
    onDate: date('on_date', { mode: 'string' }).notNull(),
    value: doublePrecision('value').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.onDate] })],
);
