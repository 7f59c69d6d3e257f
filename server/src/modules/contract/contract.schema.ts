import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Collective bargaining and contracts (集体协商 · 集体合同), docs/contracts.md. A bargaining round
 * belongs to the union that runs it (`org_id`: an enterprise union, or a street/district federation
 * for a regional or sector contract) and covers one or more employers (`bargaining_party`). Its
 * contract is the draft, then the signed, filed and effective text with its term.
 */
export const bargaining = pgTable(
  'bargaining',
  {
    id: uuid('id').primaryKey(),
    /** The union running it (owner for scope). */
    orgId: uuid('org_id').notNull(),
    /** single: one employer; regional: the employers of an area; sector: those of a trade. */
    scope: text('scope').notNull(),
    /** general 综合集体合同, wage 工资专项集体合同, women 女职工专项 … (common/src/contract-vocab.ts CONTRACT_KINDS). */
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    /** Who made the written request (要约): the union or the employer side. */
    initiatedBy: text('initiated_by').notNull(),
    requestOn: date('request_on', { mode: 'string' }).notNull(),
    /** The other side answers in writing within 20 days (集体合同规定 Art. 32). */
    answerDue: date('answer_due', { mode: 'string' }),
    answeredOn: date('answered_on', { mode: 'string' }),
    answer: text('answer'),
    /** requested → negotiating → draft → adopted → signed → filed → effective | objected | refused | expired (common/src/contract-vocab.ts BARGAINING_MACHINE) */
    status: text('status').notNull(),
    draft: jsonb('draft')
      .$type<{ category: string; title: string; text: string }[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    termYears: integer('term_years'),
    signedOn: date('signed_on', { mode: 'string' }),
    /** Filed by the employer within 10 days of signing (Art. 42). */
    filingDue: date('filing_due', { mode: 'string' }),
    filedOn: date('filed_on', { mode: 'string' }),
    /** The labour administration that received it. */
    filedWith: text('filed_with'),
    /** In force unless the labour administration objects within 15 days (Art. 47). */
    reviewDue: date('review_due', { mode: 'string' }),
    effectiveOn: date('effective_on', { mode: 'string' }),
    expiresOn: date('expires_on', { mode: 'string' }),
    objection: text('objection'),
    publishedOn: date('published_on', { mode: 'string' }),
    publishedVia: text('published_via'),
    /** The contract this one renews. */
    renewsId: uuid('renews_id'),
    /** The vote that adopted the draft (congress or assembly). */
    vote: jsonb('vote').$type<{ body: string; delegates: number; present: number; for: number; against: number; abstain: number; heldOn: string } | null>(),
    isDemo: boolean('is_demo').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('bargaining_org_status_idx').on(t.orgId, t.status),
    index('bargaining_expires_idx')
      .on(t.expiresOn)
      .where(sql`${t.status} = 'effective'`),
  ],
);

/** The employers a bargaining covers (one for a single contract; many for a regional or sector one). */
export const bargainingParty = pgTable(
  'bargaining_party',
  {
    bargainingId: uuid('bargaining_id').notNull(),
    /** The employer's grassroots union. */
    orgId: uuid('org_id').notNull(),
    workforce: integer('workforce').notNull(),
  },
  (t) => [primaryKey({ columns: [t.bargainingId, t.orgId] }), index('bargaining_party_org_idx').on(t.orgId)],
);

/** Negotiators (协商代表): equal numbers per side, one chief each; the union side chosen by the workers. */
export const negotiator = pgTable(
  'negotiator',
  {
    id: uuid('id').primaryKey(),
    bargainingId: uuid('bargaining_id').notNull(),
    side: text('side').notNull(),
    name: text('name').notNull(),
    chief: boolean('chief').notNull().default(false),
    /** How the union side was chosen (民主推选); null for the employer side. */
    chosenBy: text('chosen_by'),
    vacatedOn: date('vacated_on', { mode: 'string' }),
    /** A vacant seat is filled within 15 days (practice). */
    fillDue: date('fill_due', { mode: 'string' }),
    /** When the seat was filled (a new set of negotiators replaced the vacant one). */
    filledOn: date('filled_on', { mode: 'string' }),
  },
  (t) => [index('negotiator_bargaining_idx').on(t.bargainingId)],
);

export const bargainingRound = pgTable(
  'bargaining_round',
  {
    id: uuid('id').primaryKey(),
    bargainingId: uuid('bargaining_id').notNull(),
    no: integer('no').notNull(),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    minutes: text('minutes').notNull(),
    agreed: text('agreed'),
    open: text('open'),
  },
  (t) => [index('bargaining_round_idx').on(t.bargainingId, t.no)],
);

/** An employer's workers' congress (职工代表大会), or its all-worker assembly below 100 workers. */
export const congress = pgTable('congress', {
  id: uuid('id').primaryKey(),
  /** The employer's grassroots union. */
  orgId: uuid('org_id').notNull().unique(),
  workforce: integer('workforce').notNull(),
  womenInWorkforce: integer('women_in_workforce').notNull(),
  form: text('form').notNull(),
  termYears: integer('term_years').notNull(),
  termStart: date('term_start', { mode: 'string' }).notNull(),
  electedOn: date('elected_on', { mode: 'string' }),
  delegates: integer('delegates').notNull(),
  frontLine: integer('front_line').notNull(),
  managers: integer('managers').notNull(),
  women: integer('women').notNull(),
  isDemo: boolean('is_demo').notNull().default(false),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A session of the congress: attendance, the agenda with a vote per item, resolutions. */
export const congressSession = pgTable(
  'congress_session',
  {
    id: uuid('id').primaryKey(),
    congressId: uuid('congress_id').notNull(),
    orgId: uuid('org_id').notNull(),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    delegates: integer('delegates').notNull(),
    present: integer('present').notNull(),
    items: jsonb('items').$type<{ kind: string; title: string; for: number; against: number; abstain: number; passed: boolean }[]>().notNull(),
    resolutions: text('resolutions'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('congress_session_org_idx').on(t.orgId, t.heldOn)],
);

/** Delegates' proposals (提案), followed to their answer. */
export const congressProposal = pgTable(
  'congress_proposal',
  {
    id: uuid('id').primaryKey(),
    congressId: uuid('congress_id').notNull(),
    orgId: uuid('org_id').notNull(),
    no: text('no').notNull(),
    title: text('title').notNull(),
    delegate: text('delegate').notNull(),
    content: text('content').notNull(),
    department: text('department'),
    /** registered → assigned → answered → closed (or rejected: not taken as a proposal, with the reason) */
    status: text('status').notNull(),
    answerDue: date('answer_due', { mode: 'string' }),
    answer: text('answer'),
    answeredOn: date('answered_on', { mode: 'string' }),
    registeredOn: date('registered_on', { mode: 'string' }).notNull(),
    version: integer('version').notNull().default(1),
    isDemo: boolean('is_demo').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('congress_proposal_org_idx').on(t.orgId, t.status)],
);

/** Open management (厂务公开): what the employer disclosed, when, where, and what the workers said. */
export const disclosure = pgTable(
  'disclosure',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id').notNull(),
    disclosedOn: date('disclosed_on', { mode: 'string' }).notNull(),
    channel: text('channel').notNull(),
    subject: text('subject').notNull(),
    content: text('content').notNull(),
    feedback: text('feedback'),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('disclosure_org_idx').on(t.orgId, t.disclosedOn)],
);

/**
 * One term (届) of a workers' congress with its election record (企业民主管理规定 Arts. 12–14): when
 * and how the delegates were elected, the workers who could vote and those who did, and the make-up
 * of the body elected (the counts the congress row then carries).
 */
export const congressTerm = pgTable(
  'congress_term',
  {
    id: uuid('id').primaryKey(),
    congressId: uuid('congress_id').notNull(),
    orgId: uuid('org_id').notNull(),
    /** 第 N 届, counted per congress. */
    no: integer('no').notNull(),
    termYears: integer('term_years').notNull(),
    termStart: date('term_start', { mode: 'string' }).notNull(),
    electedOn: date('elected_on', { mode: 'string' }).notNull(),
    /** direct | indirect (common/src/contract-vocab.ts ELECTION_METHODS). */
    method: text('method').notNull(),
    workforce: integer('workforce').notNull(),
    womenInWorkforce: integer('women_in_workforce').notNull(),
    /** Workers entitled to vote, and those who voted. */
    electorate: integer('electorate').notNull(),
    voted: integer('voted').notNull(),
    delegates: integer('delegates').notNull(),
    frontLine: integer('front_line').notNull(),
    managers: integer('managers').notNull(),
    technical: integer('technical').notNull(),
    women: integer('women').notNull(),
    notes: text('notes'),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('congress_term_idx').on(t.congressId, t.no)],
);

/** A delegate of one term: the member it is (when linked), the category, gender and department. */
export const congressDelegate = pgTable(
  'congress_delegate',
  {
    id: uuid('id').primaryKey(),
    congressId: uuid('congress_id').notNull(),
    termId: uuid('term_id').notNull(),
    orgId: uuid('org_id').notNull(),
    name: text('name').notNull(),
    /** The member record of the delegate, when linked (a member of the employer's union). */
    memberId: uuid('member_id'),
    /** front_line | manager | technical | other (DELEGATE_CATEGORIES). */
    category: text('category').notNull(),
    /** female | male */
    gender: text('gender').notNull(),
    department: text('department'),
    isDemo: boolean('is_demo').notNull().default(false),
  },
  (t) => [index('congress_delegate_term_idx').on(t.termId), index('congress_delegate_congress_idx').on(t.congressId)],
);
