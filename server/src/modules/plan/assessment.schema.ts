import { date, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Yearly assessment (年度考核, docs/plans.md): the scheme a union sets for the unions directly
 * below it, through common/src/assessment-vocab.ts ASSESSMENT_MACHINE. `appeal_due` is started by
 * publication (working days, common/src/deadlines.ts).
 */
export const assessment = pgTable(
  'assessment',
  {
    id: uuid('id').primaryKey(),
    /** The assessing union (the level above). */
    orgId: uuid('org_id').notNull(),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    status: text('status').notNull().default('self_assessment'),
    publishedOn: date('published_on'),
    appealDue: date('appeal_due'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('assessment_org_year_idx').on(t.orgId, t.year)],
);

export interface IndicatorDef {
  id: string;
  name: string;
  weight: number;
  kind: 'auto' | 'manual';
  metric: string | null;
  target: number | null;
  unit: string | null;
  description: string | null;
}
export interface ScoreItem {
  indicatorId: string;
  value: number | null;
  self: number | null;
  evidence: string | null;
  review: number | null;
  note: string | null;
}

/** The indicators of a scheme (weights add up to 100), kept with it: a scheme is not edited once opened. */
export const assessmentIndicator = pgTable('assessment_indicator', {
  assessmentId: uuid('assessment_id').primaryKey(),
  items: jsonb('items').$type<IndicatorDef[]>().notNull(),
});

/** One assessed union's entry: its self-assessment, the review, the total and the rank. */
export const assessmentEntry = pgTable(
  'assessment_entry',
  {
    id: uuid('id').primaryKey(),
    assessmentId: uuid('assessment_id').notNull(),
    /** The assessed union (a child of the assessing one). */
    orgId: uuid('org_id').notNull(),
    status: text('status').notNull().default('pending'),
    items: jsonb('items').$type<ScoreItem[]>().notNull().default([]),
    selfTotal: doublePrecision('self_total'),
    total: doublePrecision('total'),
    rank: integer('rank'),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('assessment_entry_assessment_idx').on(t.assessmentId, t.rank), index('assessment_entry_org_idx').on(t.orgId)],
);

/** An appeal against a published result, filed within the appeal period and answered by the assessing union. */
export const assessmentAppeal = pgTable(
  'assessment_appeal',
  {
    id: uuid('id').primaryKey(),
    assessmentId: uuid('assessment_id').notNull(),
    entryId: uuid('entry_id').notNull(),
    /** The appealing union. */
    orgId: uuid('org_id').notNull(),
    status: text('status').notNull().default('open'),
    filedOn: date('filed_on').notNull(),
    reason: text('reason').notNull(),
    answer: text('answer'),
    outcome: text('outcome'),
    answeredOn: date('answered_on'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('assessment_appeal_assessment_idx').on(t.assessmentId)],
);
