import { bigint, boolean, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** Training, skill certificates, mentoring and proposals (docs/achievement.md). `org_id` is the scope column of each. */
export const trainingCourse = pgTable(
  'training_course',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id').notNull(),
    title: text('title').notNull(),
    /** online or offline. */
    mode: text('mode').notNull(),
    trade: text('trade').notNull(),
    sector: text('sector').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    hours: integer('hours').notNull(),
    capacity: integer('capacity').notNull(),
    place: text('place'),
    isDemo: boolean('is_demo').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('training_course_org_idx').on(t.orgId, t.startsOn)],
);

/** A member signed up for a course, and the attendance: enrolled, attended or absent. */
export const trainingEnrolment = pgTable(
  'training_enrolment',
  {
    id: uuid('id').primaryKey(),
    courseId: uuid('course_id').notNull(),
    orgId: uuid('org_id').notNull(),
    memberId: uuid('member_id').notNull(),
    name: text('name').notNull(),
    status: text('status').notNull().default('enrolled'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('training_enrolment_uq').on(t.courseId, t.memberId), index('training_enrolment_member_idx').on(t.memberId)],
);

/** A vocational skill-level certificate (职业技能等级证书) of a worker, by level, verifiable by its number. */
export const skillCertificate = pgTable(
  'skill_certificate',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id').notNull(),
    memberId: uuid('member_id'),
    name: text('name').notNull(),
    level: text('level').notNull(),
    trade: text('trade').notNull(),
    sector: text('sector').notNull(),
    certNo: text('cert_no').notNull(),
    issuedOn: date('issued_on').notNull(),
    issuer: text('issuer').notNull(),
    isDemo: boolean('is_demo').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('skill_certificate_no_uq').on(t.certNo),
    index('skill_certificate_org_idx').on(t.orgId, t.issuedOn),
    index('skill_certificate_member_idx').on(t.memberId),
  ],
);

/** 师带徒: a mentor and an apprentice, the goals and, once over, the result. */
export const mentoringPair = pgTable(
  'mentoring_pair',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id').notNull(),
    mentorName: text('mentor_name').notNull(),
    mentorMemberId: uuid('mentor_member_id'),
    apprenticeName: text('apprentice_name').notNull(),
    apprenticeMemberId: uuid('apprentice_member_id'),
    trade: text('trade').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    goals: text('goals').notNull(),
    /** active, completed (出师) or ended. */
    status: text('status').notNull().default('active'),
    result: text('result'),
    apprenticeLevel: text('apprentice_level'),
    isDemo: boolean('is_demo').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('mentoring_pair_org_idx').on(t.orgId, t.startsOn)],
);

/** 合理化建议 / 五小: submitted → evaluating → adopted → implemented (or rejected), with the value created and the reward in fen. */
export const proposal = pgTable(
  'proposal',
  {
    id: uuid('id').primaryKey(),
    proposalNo: text('proposal_no').notNull(),
    orgId: uuid('org_id').notNull(),
    proposerName: text('proposer_name').notNull(),
    memberId: uuid('member_id'),
    /** The worker account that submitted it on the portal. */
    workerAccountId: uuid('worker_account_id'),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    content: text('content').notNull(),
    expected: text('expected'),
    status: text('status').notNull().default('submitted'),
    submittedOn: date('submitted_on').notNull(),
    opinion: text('opinion'),
    implementedOn: date('implemented_on'),
    valueFen: bigint('value_fen', { mode: 'number' }).notNull().default(0),
    rewardFen: bigint('reward_fen', { mode: 'number' }).notNull().default(0),
    isDemo: boolean('is_demo').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('proposal_no_uq').on(t.proposalNo),
    index('proposal_org_idx').on(t.orgId, t.submittedOn),
    index('proposal_account_idx').on(t.workerAccountId),
  ],
);
