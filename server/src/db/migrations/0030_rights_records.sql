CREATE TABLE "dispute_payment" (
	"id" uuid PRIMARY KEY NOT NULL,
	"dispute_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"amount_fen" bigint NOT NULL,
	"paid_on" date NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "legal_aid_request" ADD COLUMN "mobile_index" text;--> statement-breakpoint
ALTER TABLE "dispute_instalment" ADD COLUMN "paid_fen" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "dispute_instalment" ADD COLUMN "breach_notice_on" date;--> statement-breakpoint
CREATE INDEX "dispute_payment_case_idx" ON "dispute_payment" USING btree ("dispute_id","seq");--> statement-breakpoint
CREATE INDEX "dispute_payment_paid_idx" ON "dispute_payment" USING btree ("paid_on");--> statement-breakpoint
CREATE INDEX "legal_aid_request_no_idx" ON "legal_aid_request" USING btree ("request_no");--> statement-breakpoint
CREATE INDEX "legal_aid_mobile_idx" ON "legal_aid_request" USING btree ("mobile_index") WHERE "legal_aid_request"."mobile_index" IS NOT NULL;--> statement-breakpoint
UPDATE "dispute_instalment" SET "paid_fen" = "amount_fen" WHERE "paid_on" IS NOT NULL;--> statement-breakpoint
INSERT INTO "dispute_payment" ("id", "dispute_id", "org_id", "seq", "amount_fen", "paid_on") SELECT gen_random_uuid(), "dispute_id", "org_id", "seq", "amount_fen", "paid_on" FROM "dispute_instalment" WHERE "paid_on" IS NOT NULL;--> statement-breakpoint
UPDATE "dispute_instalment" SET "breach_notice_on" = "due_on" + 1 WHERE "paid_on" IS NULL AND "due_on" < current_date;
