-- Writers of member wait until this migration commits: the counters are replaced and backfilled in one go.
LOCK TABLE member IN SHARE ROW EXCLUSIVE MODE;--> statement-breakpoint
CREATE TABLE "member_form_tally" (
	"org_id" uuid NOT NULL,
	"employment_form" text NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "member_form_tally_pk" PRIMARY KEY("org_id","employment_form")
);
--> statement-breakpoint
CREATE TABLE "member_org_tally" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"n" integer NOT NULL,
	"active" integer NOT NULL,
	"retained" integer NOT NULL,
	"transferring" integer NOT NULL,
	"left" integer NOT NULL,
	"migrant" integer NOT NULL,
	"f_standard" integer NOT NULL,
	"f_truck_driver" integer NOT NULL,
	"f_courier" integer NOT NULL,
	"f_care_worker" integer NOT NULL,
	"f_domestic_worker" integer NOT NULL,
	"f_mall_info_staff" integer NOT NULL,
	"f_food_delivery_rider" integer NOT NULL,
	"f_real_estate_agent" integer NOT NULL,
	"f_security_guard" integer NOT NULL,
	"f_ride_hailing_driver" integer NOT NULL,
	"f_other_flexible" integer NOT NULL
);
--> statement-breakpoint
DROP TABLE "member_tally" CASCADE;
--> statement-breakpoint
-- The counters become one row per union (member_org_tally) instead of one per union ×
-- status × form (member_tally, ~9 per union at 1M members): the city's figures read ~20,000 short
-- rows. Same triggers as 0004 (statement level, transition tables, deltas upserted in org_id order,
-- rows reaching zero removed); the function now fills the new tables. Known employment forms are
-- columns; any other value is counted in member_form_tally so the figures stay exact.
CREATE OR REPLACE FUNCTION member_tally_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO member_org_tally AS t (org_id, n, active, retained, transferring, "left", migrant, f_standard, f_truck_driver, f_courier, f_care_worker, f_domestic_worker, f_mall_info_staff, f_food_delivery_rider, f_real_estate_agent, f_security_guard, f_ride_hailing_driver, f_other_flexible)
    SELECT x.* FROM (
      SELECT org_id,
           coalesce(sum(d), 0)::int AS n,
           coalesce(sum(d) FILTER (WHERE status = 'active'), 0)::int AS active,
           coalesce(sum(d) FILTER (WHERE status = 'retained'), 0)::int AS retained,
           coalesce(sum(d) FILTER (WHERE status = 'transferring'), 0)::int AS transferring,
           coalesce(sum(d) FILTER (WHERE status = 'left'), 0)::int AS "left",
           coalesce(sum(d) FILTER (WHERE status <> 'left' AND migrant_worker), 0)::int AS migrant,
           coalesce(sum(d) FILTER (WHERE status <> 'left' AND employment_form = 'standard'), 0)::int AS f_standard,
           coalesce(sum(d) FILTER (WHERE status <> 'left' AND employment_form = 'truck_driver'), 0)::int AS f_truck_driver,
           coalesce(sum(d) FILTER (WHERE status <> 'left' AND employment_form = 'courier'), 0)::int AS f_courier,
           coalesce(sum(d) FILTER (WHERE status <> 'left' AND employment_form = 'care_worker'), 0)::int AS f_care_worker,
           coalesce(sum(d) FILTER (WHERE status <> 'left' AND employment_form = 'domestic_worker'), 0)::int AS f_domestic_worker,
           coalesce(sum(d) FILTER (WHERE status <> 'left' AND employment_form = 'mall_info_staff'), 0)::int AS f_mall_info_staff,
           coalesce(sum(d) FILTER (WHERE status <> 'left' AND employment_form = 'food_delivery_rider'), 0)::int AS f_food_delivery_rider,
           coalesce(sum(d) FILTER (WHERE status <> 'left' AND employment_form = 'real_estate_agent'), 0)::int AS f_real_estate_agent,
           coalesce(sum(d) FILTER (WHERE status <> 'left' AND employment_form = 'security_guard'), 0)::int AS f_security_guard,
           coalesce(sum(d) FILTER (WHERE status <> 'left' AND employment_form = 'ride_hailing_driver'), 0)::int AS f_ride_hailing_driver,
           coalesce(sum(d) FILTER (WHERE status <> 'left' AND employment_form = 'other_flexible'), 0)::int AS f_other_flexible
      FROM (SELECT org_id, status, employment_form, migrant_worker, 1 AS d FROM member_tally_new) s GROUP BY org_id) x
    WHERE x.n <> 0 OR x.active <> 0 OR x.retained <> 0 OR x.transferring <> 0 OR x."left" <> 0 OR x.migrant <> 0 OR x.f_standard <> 0 OR x.f_truck_driver <> 0 OR x.f_courier <> 0 OR x.f_care_worker <> 0 OR x.f_domestic_worker <> 0 OR x.f_mall_info_staff <> 0 OR x.f_food_delivery_rider <> 0 OR x.f_real_estate_agent <> 0 OR x.f_security_guard <> 0 OR x.f_ride_hailing_driver <> 0 OR x.f_other_flexible <> 0
    ORDER BY x.org_id
    ON CONFLICT (org_id) DO UPDATE SET n = t.n + excluded.n, active = t.active + excluded.active, retained = t.retained + excluded.retained, transferring = t.transferring + excluded.transferring, "left" = t."left" + excluded."left", migrant = t.migrant + excluded.migrant, f_standard = t.f_standard + excluded.f_standard, f_truck_driver = t.f_truck_driver + excluded.f_truck_driver, f_courier = t.f_courier + excluded.f_courier, f_care_worker = t.f_care_worker + excluded.f_care_worker, f_domestic_worker = t.f_domestic_worker + excluded.f_domestic_worker, f_mall_info_staff = t.f_mall_info_staff + excluded.f_mall_info_staff, f_food_delivery_rider = t.f_food_delivery_rider + excluded.f_food_delivery_rider, f_real_estate_agent = t.f_real_estate_agent + excluded.f_real_estate_agent, f_security_guard = t.f_security_guard + excluded.f_security_guard, f_ride_hailing_driver = t.f_ride_hailing_driver + excluded.f_ride_hailing_driver, f_other_flexible = t.f_other_flexible + excluded.f_other_flexible;
    INSERT INTO member_form_tally AS t (org_id, employment_form, n)
    SELECT org_id, employment_form, sum(d)::int FROM (SELECT org_id, status, employment_form, migrant_worker, 1 AS d FROM member_tally_new) s
    WHERE status <> 'left' AND employment_form NOT IN ('standard', 'truck_driver', 'courier', 'care_worker', 'domestic_worker', 'mall_info_staff', 'food_delivery_rider', 'real_estate_agent', 'security_guard', 'ride_hailing_driver', 'other_flexible')
    GROUP BY 1, 2 HAVING sum(d) <> 0 ORDER BY 1, 2
    ON CONFLICT (org_id, employment_form) DO UPDATE SET n = t.n + excluded.n;
    RETURN NULL;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO member_org_tally AS t (org_id, n, active, retained, transferring, "left", migrant, f_standard, f_truck_driver, f_courier, f_care_worker, f_domestic_worker, f_mall_info_staff, f_food_delivery_rider, f_real_estate_agent, f_security_guard, f_ride_hailing_driver, f_other_flexible)
    SELECT x.* FROM (
      SELECT org_id,
           coalesce(sum(d), 0)::int AS n,
           coalesce(sum(d) FILTER (WHERE status = 'active'), 0)::int AS active,
           coalesce(sum(d) FILTER (WHERE status = 'retained'), 0)::int AS retained,
           coalesce(sum(d) FILTER (WHERE status = 'transferring'), 0)::int AS transferring,
           coalesce(sum(d) FILTER (WHERE status = 'left'), 0)::int AS "left",
           coalesce(sum(d) FILTER (WHERE status <> 'left' AND migrant_worker), 0)::int AS migrant,
           coalesce(sum(d) FILTER (WHERE status <> 'left' AND employment_form = 'standard'), 0)::int AS f_standard,
           coalesce(sum(d) FILTER (WHERE status <> 'left' AND employment_form = 'truck_driver'), 0)::int AS f_truck_driver,
           coalesce(sum(d) FILTER (WHERE status <> 'left' AND employment_form = 'courier'), 0)::int AS f_courier,
           coalesce(sum(d) FILTER (WHERE status <> 'left' AND employment_form = 'care_worker'), 0)::int AS f_care_worker,
           coalesce(sum(d) FILTER (WHERE status <> 'left' AND employment_form = 'domestic_worker'), 0)::int AS f_domestic_worker,
           coalesce(sum(d) FILTER (WHERE status <> 'left' AND employment_form = 'mall_info_staff'), 0)::int AS f_mall_info_staff,
           coalesce(sum(d) FILTER (WHERE status <> 'left' AND employment_form = 'food_delivery_rider'), 0)::int AS f_food_delivery_rider,
           coalesce(sum(d) FILTER (WHERE status <> 'left' AND employment_form = 'real_estate_agent'), 0)::int AS f_real_estate_agent,
           coalesce(sum(d) FILTER (WHERE status <> 'left' AND employment_form = 'security_guard'), 0)::int AS f_security_guard,
           coalesce(sum(d) FILTER (WHERE status <> 'left' AND employment_form = 'ride_hailing_driver'), 0)::int AS f_ride_hailing_driver,
           coalesce(sum(d) FILTER (WHERE status <> 'left' AND employment_form = 'other_flexible'), 0)::int AS f_other_flexible
      FROM (SELECT org_id, status, employment_form, migrant_worker, 1 AS d FROM member_tally_new
            UNION ALL SELECT org_id, status, employment_form, migrant_worker, -1 FROM member_tally_old) s GROUP BY org_id) x
    WHERE x.n <> 0 OR x.active <> 0 OR x.retained <> 0 OR x.transferring <> 0 OR x."left" <> 0 OR x.migrant <> 0 OR x.f_standard <> 0 OR x.f_truck_driver <> 0 OR x.f_courier <> 0 OR x.f_care_worker <> 0 OR x.f_domestic_worker <> 0 OR x.f_mall_info_staff <> 0 OR x.f_food_delivery_rider <> 0 OR x.f_real_estate_agent <> 0 OR x.f_security_guard <> 0 OR x.f_ride_hailing_driver <> 0 OR x.f_other_flexible <> 0
    ORDER BY x.org_id
    ON CONFLICT (org_id) DO UPDATE SET n = t.n + excluded.n, active = t.active + excluded.active, retained = t.retained + excluded.retained, transferring = t.transferring + excluded.transferring, "left" = t."left" + excluded."left", migrant = t.migrant + excluded.migrant, f_standard = t.f_standard + excluded.f_standard, f_truck_driver = t.f_truck_driver + excluded.f_truck_driver, f_courier = t.f_courier + excluded.f_courier, f_care_worker = t.f_care_worker + excluded.f_care_worker, f_domestic_worker = t.f_domestic_worker + excluded.f_domestic_worker, f_mall_info_staff = t.f_mall_info_staff + excluded.f_mall_info_staff, f_food_delivery_rider = t.f_food_delivery_rider + excluded.f_food_delivery_rider, f_real_estate_agent = t.f_real_estate_agent + excluded.f_real_estate_agent, f_security_guard = t.f_security_guard + excluded.f_security_guard, f_ride_hailing_driver = t.f_ride_hailing_driver + excluded.f_ride_hailing_driver, f_other_flexible = t.f_other_flexible + excluded.f_other_flexible;
    INSERT INTO member_form_tally AS t (org_id, employment_form, n)
    SELECT org_id, employment_form, sum(d)::int FROM (SELECT org_id, status, employment_form, migrant_worker, 1 AS d FROM member_tally_new
            UNION ALL SELECT org_id, status, employment_form, migrant_worker, -1 FROM member_tally_old) s
    WHERE status <> 'left' AND employment_form NOT IN ('standard', 'truck_driver', 'courier', 'care_worker', 'domestic_worker', 'mall_info_staff', 'food_delivery_rider', 'real_estate_agent', 'security_guard', 'ride_hailing_driver', 'other_flexible')
    GROUP BY 1, 2 HAVING sum(d) <> 0 ORDER BY 1, 2
    ON CONFLICT (org_id, employment_form) DO UPDATE SET n = t.n + excluded.n;
  ELSE
    INSERT INTO member_org_tally AS t (org_id, n, active, retained, transferring, "left", migrant, f_standard, f_truck_driver, f_courier, f_care_worker, f_domestic_worker, f_mall_info_staff, f_food_delivery_rider, f_real_estate_agent, f_security_guard, f_ride_hailing_driver, f_other_flexible)
    SELECT x.* FROM (
      SELECT org_id,
           coalesce(sum(d), 0)::int AS n,
           coalesce(sum(d) FILTER (WHERE status = 'active'), 0)::int AS active,
           coalesce(sum(d) FILTER (WHERE status = 'retained'), 0)::int AS retained,
           coalesce(sum(d) FILTER (WHERE status = 'transferring'), 0)::int AS transferring,
           coalesce(sum(d) FILTER (WHERE status = 'left'), 0)::int AS "left",
           coalesce(sum(d) FILTER (WHERE status <> 'left' AND migrant_worker), 0)::int AS migrant,
           coalesce(sum(d) FILTER (WHERE status <> 'left' AND employment_form = 'standard'), 0)::int AS f_standard,
           coalesce(sum(d) FILTER (WHERE status <> 'left' AND employment_form = 'truck_driver'), 0)::int AS f_truck_driver,
           coalesce(sum(d) FILTER (WHERE status <> 'left' AND employment_form = 'courier'), 0)::int AS f_courier,
           coalesce(sum(d) FILTER (WHERE status <> 'left' AND employment_form = 'care_worker'), 0)::int AS f_care_worker,
           coalesce(sum(d) FILTER (WHERE status <> 'left' AND employment_form = 'domestic_worker'), 0)::int AS f_domestic_worker,
           coalesce(sum(d) FILTER (WHERE status <> 'left' AND employment_form = 'mall_info_staff'), 0)::int AS f_mall_info_staff,
           coalesce(sum(d) FILTER (WHERE status <> 'left' AND employment_form = 'food_delivery_rider'), 0)::int AS f_food_delivery_rider,
           coalesce(sum(d) FILTER (WHERE status <> 'left' AND employment_form = 'real_estate_agent'), 0)::int AS f_real_estate_agent,
           coalesce(sum(d) FILTER (WHERE status <> 'left' AND employment_form = 'security_guard'), 0)::int AS f_security_guard,
           coalesce(sum(d) FILTER (WHERE status <> 'left' AND employment_form = 'ride_hailing_driver'), 0)::int AS f_ride_hailing_driver,
           coalesce(sum(d) FILTER (WHERE status <> 'left' AND employment_form = 'other_flexible'), 0)::int AS f_other_flexible
      FROM (SELECT org_id, status, employment_form, migrant_worker, -1 AS d FROM member_tally_old) s GROUP BY org_id) x
    WHERE x.n <> 0 OR x.active <> 0 OR x.retained <> 0 OR x.transferring <> 0 OR x."left" <> 0 OR x.migrant <> 0 OR x.f_standard <> 0 OR x.f_truck_driver <> 0 OR x.f_courier <> 0 OR x.f_care_worker <> 0 OR x.f_domestic_worker <> 0 OR x.f_mall_info_staff <> 0 OR x.f_food_delivery_rider <> 0 OR x.f_real_estate_agent <> 0 OR x.f_security_guard <> 0 OR x.f_ride_hailing_driver <> 0 OR x.f_other_flexible <> 0
    ORDER BY x.org_id
    ON CONFLICT (org_id) DO UPDATE SET n = t.n + excluded.n, active = t.active + excluded.active, retained = t.retained + excluded.retained, transferring = t.transferring + excluded.transferring, "left" = t."left" + excluded."left", migrant = t.migrant + excluded.migrant, f_standard = t.f_standard + excluded.f_standard, f_truck_driver = t.f_truck_driver + excluded.f_truck_driver, f_courier = t.f_courier + excluded.f_courier, f_care_worker = t.f_care_worker + excluded.f_care_worker, f_domestic_worker = t.f_domestic_worker + excluded.f_domestic_worker, f_mall_info_staff = t.f_mall_info_staff + excluded.f_mall_info_staff, f_food_delivery_rider = t.f_food_delivery_rider + excluded.f_food_delivery_rider, f_real_estate_agent = t.f_real_estate_agent + excluded.f_real_estate_agent, f_security_guard = t.f_security_guard + excluded.f_security_guard, f_ride_hailing_driver = t.f_ride_hailing_driver + excluded.f_ride_hailing_driver, f_other_flexible = t.f_other_flexible + excluded.f_other_flexible;
    INSERT INTO member_form_tally AS t (org_id, employment_form, n)
    SELECT org_id, employment_form, sum(d)::int FROM (SELECT org_id, status, employment_form, migrant_worker, -1 AS d FROM member_tally_old) s
    WHERE status <> 'left' AND employment_form NOT IN ('standard', 'truck_driver', 'courier', 'care_worker', 'domestic_worker', 'mall_info_staff', 'food_delivery_rider', 'real_estate_agent', 'security_guard', 'ride_hailing_driver', 'other_flexible')
    GROUP BY 1, 2 HAVING sum(d) <> 0 ORDER BY 1, 2
    ON CONFLICT (org_id, employment_form) DO UPDATE SET n = t.n + excluded.n;
  END IF;
  -- Only decremented counters can have reached zero; their rows are locked by this transaction.
  DELETE FROM member_org_tally t WHERE t.n = 0 AND t.org_id IN (SELECT DISTINCT o.org_id FROM member_tally_old o);
  DELETE FROM member_form_tally t WHERE t.n = 0 AND t.org_id IN (SELECT DISTINCT o.org_id FROM member_tally_old o);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION member_tally_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM member_org_tally;
  DELETE FROM member_form_tally;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Backfill (writers are kept out by the lock above until commit).
INSERT INTO member_org_tally (org_id, n, active, retained, transferring, "left", migrant, f_standard, f_truck_driver, f_courier, f_care_worker, f_domestic_worker, f_mall_info_staff, f_food_delivery_rider, f_real_estate_agent, f_security_guard, f_ride_hailing_driver, f_other_flexible)
SELECT org_id,
       coalesce(sum(d), 0)::int,
       coalesce(sum(d) FILTER (WHERE status = 'active'), 0)::int,
       coalesce(sum(d) FILTER (WHERE status = 'retained'), 0)::int,
       coalesce(sum(d) FILTER (WHERE status = 'transferring'), 0)::int,
       coalesce(sum(d) FILTER (WHERE status = 'left'), 0)::int,
       coalesce(sum(d) FILTER (WHERE status <> 'left' AND migrant_worker), 0)::int,
       coalesce(sum(d) FILTER (WHERE status <> 'left' AND employment_form = 'standard'), 0)::int,
       coalesce(sum(d) FILTER (WHERE status <> 'left' AND employment_form = 'truck_driver'), 0)::int,
       coalesce(sum(d) FILTER (WHERE status <> 'left' AND employment_form = 'courier'), 0)::int,
       coalesce(sum(d) FILTER (WHERE status <> 'left' AND employment_form = 'care_worker'), 0)::int,
       coalesce(sum(d) FILTER (WHERE status <> 'left' AND employment_form = 'domestic_worker'), 0)::int,
       coalesce(sum(d) FILTER (WHERE status <> 'left' AND employment_form = 'mall_info_staff'), 0)::int,
       coalesce(sum(d) FILTER (WHERE status <> 'left' AND employment_form = 'food_delivery_rider'), 0)::int,
       coalesce(sum(d) FILTER (WHERE status <> 'left' AND employment_form = 'real_estate_agent'), 0)::int,
       coalesce(sum(d) FILTER (WHERE status <> 'left' AND employment_form = 'security_guard'), 0)::int,
       coalesce(sum(d) FILTER (WHERE status <> 'left' AND employment_form = 'ride_hailing_driver'), 0)::int,
       coalesce(sum(d) FILTER (WHERE status <> 'left' AND employment_form = 'other_flexible'), 0)::int
FROM (SELECT org_id, status, employment_form, migrant_worker, 1 AS d FROM member) s GROUP BY org_id;
--> statement-breakpoint
INSERT INTO member_form_tally (org_id, employment_form, n)
SELECT org_id, employment_form, count(*)::int FROM member
WHERE status <> 'left' AND employment_form NOT IN ('standard', 'truck_driver', 'courier', 'care_worker', 'domestic_worker', 'mall_info_staff', 'food_delivery_rider', 'real_estate_agent', 'security_guard', 'ride_hailing_driver', 'other_flexible') GROUP BY 1, 2;
