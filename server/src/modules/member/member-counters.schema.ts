import { integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';

/**
 * Exact member counters for the dashboard, one row per union (org_id): members by status,
 * the holding ones (everyone but those who left) by employment form, and the holding migrant
 * workers. Maintained by PostgreSQL itself — statement-level AFTER INSERT / UPDATE / DELETE /
 * TRUNCATE triggers on `member` with transition tables (migrations 0004 and 0006) — so every write
 * path (API, import commit, transfers, status changes, COPY, hand-written SQL) keeps them in step,
 * in the same transaction, at one grouped delta per statement rather than one increment per row.
 * A union whose count drops to zero loses its row. Keyed by org_id only: the tree (org.path) is
 * read at query time, so moving an org needs nothing. One row per union (not per union × status ×
 * form: ~9 rows per union at 1M members) keeps the city's figures a scan of ~20,000 short rows.
 */
export const memberOrgTally = pgTable('member_org_tally', {
  orgId: uuid('org_id').primaryKey(),
  /** Every member of the union, whatever the status. */
  n: integer('n').notNull(),
  active: integer('active').notNull(),
  retained: integer('retained').notNull(),
  transferring: integer('transferring').notNull(),
  left: integer('left').notNull(),
  /** Holding members (status other than left) who are migrant workers. */
  migrant: integer('migrant').notNull(),
  /** Holding members by employment form (common/src/member-vocab.ts EMPLOYMENT_FORMS); other values go to member_form_tally. */
  fStandard: integer('f_standard').notNull(),
  fTruckDriver: integer('f_truck_driver').notNull(),
  fCourier: integer('f_courier').notNull(),
  fCareWorker: integer('f_care_worker').notNull(),
  fDomesticWorker: integer('f_domestic_worker').notNull(),
  fMallInfoStaff: integer('f_mall_info_staff').notNull(),
  fFoodDeliveryRider: integer('f_food_delivery_rider').notNull(),
  fRealEstateAgent: integer('f_real_estate_agent').notNull(),
  fSecurityGuard: integer('f_security_guard').notNull(),
  fRideHailingDriver: integer('f_ride_hailing_driver').notNull(),
  fOtherFlexible: integer('f_other_flexible').notNull(),
});

/** Holding members whose employment form is none of the known ones (normally empty; kept so the figures stay exact whatever is stored). */
export const memberFormTally = pgTable(
  'member_form_tally',
  {
    orgId: uuid('org_id').notNull(),
    employmentForm: text('employment_form').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ name: 'member_form_tally_pk', columns: [t.orgId, t.employmentForm] })],
);
