import { bigint, boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** Innovation studios (劳模和工匠人才创新工作室, docs/achievement.md), their alliances, results and yearly evaluations. */
export const studioAlliance = pgTable('studio_alliance', {
  id: uuid('id').primaryKey(),
  /** The federation that runs it: the scope column. */
  orgId: uuid('org_id').notNull(),
  name: text('name').notNull(),
  /** cross_region, cross_sector or cross_employer. */
  kind: text('kind').notNull(),
  foundedOn: date('founded_on').notNull(),
  isDemo: boolean('is_demo').notNull().default(false),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const studio = pgTable(
  'studio',
  {
    id: uuid('id').primaryKey(),
    /** The host unit's union: the scope column. */
    orgId: uuid('org_id').notNull(),
    name: text('name').notNull(),
    /** model_worker or craftsman. */
    kind: text('kind').notNull(),
    level: text('level').notNull(),
    sector: text('sector').notNull(),
    leaderName: text('leader_name').notNull(),
    /** The leader's honour in the registry (a model worker or craftsman). */
    leaderRecordId: uuid('leader_record_id'),
    members: jsonb('members').$type<{ name: string; post: string | null }[]>().notNull().default([]),
    allianceId: uuid('alliance_id'),
    foundedOn: date('founded_on').notNull(),
    isDemo: boolean('is_demo').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('studio_org_idx').on(t.orgId), index('studio_alliance_idx').on(t.allianceId)],
);

/** A result of a studio: a patent, a process improvement, savings in fen, an award, or an exchange event (观摩交流). */
export const studioResult = pgTable(
  'studio_result',
  {
    id: uuid('id').primaryKey(),
    studioId: uuid('studio_id').notNull(),
    orgId: uuid('org_id').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    onDate: date('on_date').notNull(),
    savingsFen: bigint('savings_fen', { mode: 'number' }).notNull().default(0),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('studio_result_studio_idx').on(t.studioId, t.onDate)],
);

/** The yearly evaluation of a studio with the funding it brings. */
export const studioEvaluation = pgTable(
  'studio_evaluation',
  {
    id: uuid('id').primaryKey(),
    studioId: uuid('studio_id').notNull(),
    orgId: uuid('org_id').notNull(),
    year: integer('year').notNull(),
    grade: text('grade').notNull(),
    fundingFen: bigint('funding_fen', { mode: 'number' }).notNull().default(0),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('studio_evaluation_year_uq').on(t.studioId, t.year)],
);
