-- Sign-up writers wait until this migration commits: the counters are created and backfilled in one go.
LOCK TABLE event_signup IN SHARE ROW EXCLUSIVE MODE;--> statement-breakpoint
-- event_tally: per event, its confirmed, waitlisted and checked-in sign-ups, kept exact by
-- PostgreSQL itself (the events dashboard and list read it instead of counting event_signup).
-- Statement-level AFTER triggers with transition tables turn each INSERT / UPDATE / DELETE / COPY on
-- event_signup into one grouped delta per event, upserted in key order (a stable lock order); rows
-- that reach zero everywhere are removed, so the table equals the GROUP BY over event_signup.
-- TRUNCATE event_signup empties it.
CREATE TABLE "event_tally" (
	"event_id" uuid PRIMARY KEY NOT NULL,
	"confirmed" integer NOT NULL,
	"waitlisted" integer NOT NULL,
	"attended" integer NOT NULL
);
--> statement-breakpoint
CREATE FUNCTION event_tally_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO event_tally AS t (event_id, confirmed, waitlisted, attended)
    SELECT event_id, count(*) FILTER (WHERE status = 'confirmed')::int, count(*) FILTER (WHERE status = 'waitlisted')::int,
           count(*) FILTER (WHERE checked_in_at IS NOT NULL)::int
    FROM event_tally_new GROUP BY 1
    HAVING count(*) FILTER (WHERE status IN ('confirmed', 'waitlisted') OR checked_in_at IS NOT NULL) > 0
    ORDER BY 1
    ON CONFLICT (event_id) DO UPDATE
      SET confirmed = t.confirmed + excluded.confirmed, waitlisted = t.waitlisted + excluded.waitlisted, attended = t.attended + excluded.attended;
    RETURN NULL;
  END IF;
  IF TG_OP = 'UPDATE' THEN
    INSERT INTO event_tally AS t (event_id, confirmed, waitlisted, attended)
    SELECT event_id, sum(c)::int, sum(w)::int, sum(a)::int
    FROM (SELECT event_id, (status = 'confirmed')::int AS c, (status = 'waitlisted')::int AS w, (checked_in_at IS NOT NULL)::int AS a FROM event_tally_new
          UNION ALL
          SELECT event_id, -(status = 'confirmed')::int, -(status = 'waitlisted')::int, -(checked_in_at IS NOT NULL)::int FROM event_tally_old) x
    GROUP BY 1 HAVING sum(c) <> 0 OR sum(w) <> 0 OR sum(a) <> 0 ORDER BY 1
    ON CONFLICT (event_id) DO UPDATE
      SET confirmed = t.confirmed + excluded.confirmed, waitlisted = t.waitlisted + excluded.waitlisted, attended = t.attended + excluded.attended;
  ELSE
    INSERT INTO event_tally AS t (event_id, confirmed, waitlisted, attended)
    SELECT event_id, -(count(*) FILTER (WHERE status = 'confirmed'))::int, -(count(*) FILTER (WHERE status = 'waitlisted'))::int,
           -(count(*) FILTER (WHERE checked_in_at IS NOT NULL))::int
    FROM event_tally_old GROUP BY 1
    HAVING count(*) FILTER (WHERE status IN ('confirmed', 'waitlisted') OR checked_in_at IS NOT NULL) > 0
    ORDER BY 1
    ON CONFLICT (event_id) DO UPDATE
      SET confirmed = t.confirmed + excluded.confirmed, waitlisted = t.waitlisted + excluded.waitlisted, attended = t.attended + excluded.attended;
  END IF;
  -- Only counters that were decremented can have reached zero; their rows are locked by this transaction.
  DELETE FROM event_tally t
  WHERE t.confirmed = 0 AND t.waitlisted = 0 AND t.attended = 0 AND t.event_id IN (SELECT DISTINCT o.event_id FROM event_tally_old o);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION event_tally_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM event_tally;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER event_tally_insert AFTER INSERT ON event_signup REFERENCING NEW TABLE AS event_tally_new
  FOR EACH STATEMENT EXECUTE FUNCTION event_tally_apply();
--> statement-breakpoint
CREATE TRIGGER event_tally_update AFTER UPDATE ON event_signup REFERENCING OLD TABLE AS event_tally_old NEW TABLE AS event_tally_new
  FOR EACH STATEMENT EXECUTE FUNCTION event_tally_apply();
--> statement-breakpoint
CREATE TRIGGER event_tally_delete AFTER DELETE ON event_signup REFERENCING OLD TABLE AS event_tally_old
  FOR EACH STATEMENT EXECUTE FUNCTION event_tally_apply();
--> statement-breakpoint
CREATE TRIGGER event_tally_truncate AFTER TRUNCATE ON event_signup
  FOR EACH STATEMENT EXECUTE FUNCTION event_tally_truncate();
--> statement-breakpoint
INSERT INTO event_tally (event_id, confirmed, waitlisted, attended)
SELECT event_id, count(*) FILTER (WHERE status = 'confirmed')::int, count(*) FILTER (WHERE status = 'waitlisted')::int,
       count(*) FILTER (WHERE checked_in_at IS NOT NULL)::int
FROM event_signup GROUP BY 1
HAVING count(*) FILTER (WHERE status IN ('confirmed', 'waitlisted') OR checked_in_at IS NOT NULL) > 0;
