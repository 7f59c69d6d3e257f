ALTER TABLE "member" ADD COLUMN "legal_basis" text DEFAULT 'consent' NOT NULL;--> statement-breakpoint
ALTER TABLE "member" ADD COLUMN "consent_status" text DEFAULT 'given' NOT NULL;--> statement-breakpoint
CREATE INDEX "member_consent_to_collect_idx" ON "member" USING btree ("org_id") WHERE consent_status = 'to_collect';--> statement-breakpoint
-- Members imported before this migration have no consent record: their roster came from the
-- employer's HR records (个人信息保护法 Art. 13 (2)) and their own consent is still to be collected.
UPDATE "member" SET "legal_basis" = 'hr_management', "consent_status" = 'to_collect' WHERE "consent_at" IS NULL;
