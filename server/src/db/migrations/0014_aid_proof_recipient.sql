ALTER TABLE "aid_campaign" ADD COLUMN "method" text DEFAULT 'cash' NOT NULL;--> statement-breakpoint
ALTER TABLE "aid_record" ADD COLUMN "method" text DEFAULT 'cash' NOT NULL;--> statement-breakpoint
ALTER TABLE "aid_record" ADD COLUMN "recipient_kind" text DEFAULT 'head' NOT NULL;--> statement-breakpoint
ALTER TABLE "aid_record" ADD COLUMN "recipient_member_id" uuid;--> statement-breakpoint
ALTER TABLE "aid_record" ADD COLUMN "proxy_reason" text;--> statement-breakpoint
ALTER TABLE "aid_record" ADD COLUMN "proof_status" text DEFAULT 'complete' NOT NULL;--> statement-breakpoint
CREATE INDEX "aid_record_proof_pending_idx" ON "aid_record" USING btree ("payer_org_id","paid_on") WHERE "aid_record"."proof_status" = 'pending';--> statement-breakpoint
-- hand-written
-- Payments recorded before proof was required: those without a receipt are 待补签领; the old
-- generic scans keep their kind (`upload`, accepted for cash and goods).
UPDATE "aid_record" SET "proof_status" = 'pending' WHERE "receipt_kind" IS NULL;
