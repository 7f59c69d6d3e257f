CREATE TABLE "worker_change_request" (
	"id" uuid PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"field" text NOT NULL,
	"value_cipher" text NOT NULL,
	"value_masked" text NOT NULL,
	"to_org_id" uuid,
	"note" text,
	"member_version" integer NOT NULL,
	"base_hash" text NOT NULL,
	"status" text NOT NULL,
	"reject_reason" text,
	"transfer_id" uuid,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "member" ADD COLUMN "address_cipher" text;--> statement-breakpoint
ALTER TABLE "member" ADD COLUMN "address_masked" text;--> statement-breakpoint
ALTER TABLE "worker_notification" ADD COLUMN "dedupe_key" text;--> statement-breakpoint
CREATE INDEX "worker_change_request_org_status_idx" ON "worker_change_request" USING btree ("org_id","status","created_at");--> statement-breakpoint
CREATE INDEX "worker_change_request_account_idx" ON "worker_change_request" USING btree ("account_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "worker_change_request_one_open_uq" ON "worker_change_request" USING btree ("member_id","field") WHERE status = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX "worker_notification_dedupe_uq" ON "worker_notification" USING btree ("account_id","dedupe_key");