CREATE TABLE "user_notification" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"link" text,
	"dedupe_key" text,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "user_notification_user_idx" ON "user_notification" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "user_notification_dedupe_uq" ON "user_notification" USING btree ("user_id","dedupe_key");