-- The data-scope index becomes a covering index. A district's search walks its unions
-- (org_id) and can now test every list filter — name part, status, employment form, sex, birth
-- and join dates, migrant worker — and the sort keys on the index entry alone (an index-only scan),
-- visiting the table only for the page's 20 rows. Same name and key columns as before, so the
-- Drizzle schema (member_org_status_idx on org_id, status) still describes it.
DROP INDEX IF EXISTS "member_org_status_idx";--> statement-breakpoint
CREATE INDEX "member_org_status_idx" ON "member" USING btree ("org_id", "status") INCLUDE ("id", "join_date", "birth_date", "sex", "employment_form", "migrant_worker", "name");
