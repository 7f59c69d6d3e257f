CREATE TABLE "member_tally" (
	"org_id" uuid NOT NULL,
	"status" text NOT NULL,
	"employment_form" text NOT NULL,
	"n" integer NOT NULL,
	"migrant" integer NOT NULL,
	CONSTRAINT "member_tally_pk" PRIMARY KEY("org_id","status","employment_form")
);
--> statement-breakpoint
CREATE INDEX "membership_event_date_idx" ON "membership_event" USING btree ("on_date","org_id","kind");--> statement-breakpoint
-- member_tally is kept exact by PostgreSQL itself: statement-level AFTER triggers with
-- transition tables turn each INSERT / UPDATE / DELETE / COPY on member into one grouped delta per
-- (org_id, status, employment_form), upserted in key order (a stable lock order); counters that
-- reach zero are removed. TRUNCATE member empties the tally.
CREATE FUNCTION member_tally_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO member_tally AS t (org_id, status, employment_form, n, migrant)
    SELECT org_id, status, employment_form, count(*)::int, count(*) FILTER (WHERE migrant_worker)::int
    FROM member_tally_new GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT (org_id, status, employment_form) DO UPDATE SET n = t.n + excluded.n, migrant = t.migrant + excluded.migrant;
    RETURN NULL;
  END IF;
  IF TG_OP = 'UPDATE' THEN
    INSERT INTO member_tally AS t (org_id, status, employment_form, n, migrant)
    SELECT org_id, status, employment_form, sum(d)::int, sum(m)::int
    FROM (SELECT org_id, status, employment_form, 1 AS d, migrant_worker::int AS m FROM member_tally_new
          UNION ALL
          SELECT org_id, status, employment_form, -1, -migrant_worker::int FROM member_tally_old) x
    GROUP BY 1, 2, 3 HAVING sum(d) <> 0 OR sum(m) <> 0 ORDER BY 1, 2, 3
    ON CONFLICT (org_id, status, employment_form) DO UPDATE SET n = t.n + excluded.n, migrant = t.migrant + excluded.migrant;
  ELSE
    INSERT INTO member_tally AS t (org_id, status, employment_form, n, migrant)
    SELECT org_id, status, employment_form, -count(*)::int, -(count(*) FILTER (WHERE migrant_worker))::int
    FROM member_tally_old GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT (org_id, status, employment_form) DO UPDATE SET n = t.n + excluded.n, migrant = t.migrant + excluded.migrant;
  END IF;
  -- Only counters that were decremented can have reached zero; their rows are locked by this transaction.
  DELETE FROM member_tally t
  WHERE t.n = 0 AND t.migrant = 0 AND t.org_id IN (SELECT DISTINCT o.org_id FROM member_tally_old o);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION member_tally_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM member_tally;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER member_tally_insert AFTER INSERT ON member REFERENCING NEW TABLE AS member_tally_new
  FOR EACH STATEMENT EXECUTE FUNCTION member_tally_apply();
--> statement-breakpoint
CREATE TRIGGER member_tally_update AFTER UPDATE ON member REFERENCING OLD TABLE AS member_tally_old NEW TABLE AS member_tally_new
  FOR EACH STATEMENT EXECUTE FUNCTION member_tally_apply();
--> statement-breakpoint
CREATE TRIGGER member_tally_delete AFTER DELETE ON member REFERENCING OLD TABLE AS member_tally_old
  FOR EACH STATEMENT EXECUTE FUNCTION member_tally_apply();
--> statement-breakpoint
CREATE TRIGGER member_tally_truncate AFTER TRUNCATE ON member
  FOR EACH STATEMENT EXECUTE FUNCTION member_tally_truncate();
--> statement-breakpoint
-- Backfill in the same transaction: CREATE TRIGGER holds a lock that keeps writers out until commit.
INSERT INTO member_tally (org_id, status, employment_form, n, migrant)
SELECT org_id, status, employment_form, count(*)::int, count(*) FILTER (WHERE migrant_worker)::int
FROM member GROUP BY 1, 2, 3;
