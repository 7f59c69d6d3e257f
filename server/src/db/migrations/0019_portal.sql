CREATE TABLE "sms_outbox" (
	"id" uuid PRIMARY KEY NOT NULL,
	"mobile_index" text NOT NULL,
	"mobile_masked" text NOT NULL,
	"body" text NOT NULL,
	"purpose" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "worker_account" (
	"id" uuid PRIMARY KEY NOT NULL,
	"mobile_index" text NOT NULL,
	"mobile_cipher" text NOT NULL,
	"mobile_masked" text NOT NULL,
	"password_hash" text,
	"member_id" uuid,
	"id_index" text,
	"linked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_sign_in_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "worker_code" (
	"id" uuid PRIMARY KEY NOT NULL,
	"mobile_index" text NOT NULL,
	"code_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"failures" integer DEFAULT 0 NOT NULL,
	"ip" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "worker_notification" (
	"id" uuid PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"link" text,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "worker_session" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"first_sign_in" integer DEFAULT 0 NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "sms_outbox_mobile_idx" ON "sms_outbox" USING btree ("mobile_index","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "worker_account_mobile_uq" ON "worker_account" USING btree ("mobile_index");--> statement-breakpoint
CREATE UNIQUE INDEX "worker_account_member_uq" ON "worker_account" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "worker_code_mobile_idx" ON "worker_code" USING btree ("mobile_index","created_at");--> statement-breakpoint
CREATE INDEX "worker_notification_account_idx" ON "worker_notification" USING btree ("account_id","created_at");--> statement-breakpoint
CREATE INDEX "worker_session_account_idx" ON "worker_session" USING btree ("account_id");