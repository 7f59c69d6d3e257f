import { boolean, date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Labour and skills competitions (劳动和技能竞赛, docs/achievement.md): the contest and its entries. */
export const competition = pgTable(
  'competition',
  {
    id: uuid('id').primaryKey(),
    /** The organiser: the scope column. */
    orgId: uuid('org_id').notNull(),
    name: text('name').notNull(),
    /** labour (劳动竞赛) or skills (技能竞赛). */
    kind: text('kind').notNull(),
    level: text('level').notNull(),
    sector: text('sector').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    rules: text('rules'),
    isDemo: boolean('is_demo').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('competition_org_idx').on(t.orgId, t.startsOn)],
);

/** A participant (a person, a team or a unit) in one event of a competition, with its score; the rank is computed per event. */
export const competitionEntry = pgTable(
  'competition_entry',
  {
    id: uuid('id').primaryKey(),
    competitionId: uuid('competition_id').notNull(),
    /** The organiser (as the competition's): entries are seen and edited where the competition is. */
    orgId: uuid('org_id').notNull(),
    event: text('event').notNull(),
    unitName: text('unit_name').notNull(),
    unitOrgId: uuid('unit_org_id'),
    teamName: text('team_name'),
    personName: text('person_name'),
    memberId: uuid('member_id'),
    smallEmployer: boolean('small_employer').notNull().default(false),
    nonPublic: boolean('non_public').notNull().default(false),
    gig: boolean('gig').notNull().default(false),
    /** Score in hundredths of a point (integer; 87.5 points is 8750). */
    scoreCenti: integer('score_centi'),
    winner: boolean('winner').notNull().default(false),
    award: text('award'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('competition_entry_comp_idx').on(t.competitionId, t.event)],
);
