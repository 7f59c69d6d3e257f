/** Every table of the platform, one export per domain module (drizzle-kit reads this file). */
export * from '../modules/org/org.schema.js';
export * from '../modules/user/user.schema.js';
export * from '../modules/audit/audit.schema.js';
export * from '../modules/member/member.schema.js';
export * from '../modules/hardship/hardship.schema.js';
export * from '../modules/member/member-counters.schema.js';
export * from '../platform/deadline.schema.js';
export * from '../platform/rules.schema.js';
export * from '../modules/plan/plan.schema.js';
export * from '../modules/contract/contract.schema.js';
export * from '../modules/dispute/dispute.schema.js';
export * from '../modules/honor/honor.schema.js';
export * from '../modules/competition/competition.schema.js';
export * from '../modules/studio/studio.schema.js';
export * from '../modules/portal/portal.schema.js';
export * from '../modules/plan/project.schema.js';
export * from '../modules/event/event.schema.js';
