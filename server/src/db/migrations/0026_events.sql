CREATE TABLE "event_photo" (
	"id" uuid PRIMARY KEY NOT NULL,
	"event_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"data" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event_signup" (
	"id" uuid PRIMARY KEY NOT NULL,
	"event_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"account_id" uuid,
	"member_id" uuid,
	"display_name" text NOT NULL,
	"person_org_id" uuid,
	"status" text NOT NULL,
	"queued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"token" text NOT NULL,
	"checked_in_at" timestamp with time zone,
	"checked_in_by" uuid,
	"cancelled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "union_event" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"audience" text NOT NULL,
	"place" text,
	"description" text,
	"capacity" integer NOT NULL,
	"signup_from" date NOT NULL,
	"signup_until" date NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "event_photo_event_idx" ON "event_photo" USING btree ("event_id");--> statement-breakpoint
CREATE UNIQUE INDEX "event_signup_account_uq" ON "event_signup" USING btree ("event_id","account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "event_signup_member_uq" ON "event_signup" USING btree ("event_id","member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "event_signup_token_uq" ON "event_signup" USING btree ("token");--> statement-breakpoint
CREATE INDEX "event_signup_event_idx" ON "event_signup" USING btree ("event_id","status","queued_at");--> statement-breakpoint
CREATE INDEX "event_signup_account_idx" ON "event_signup" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "union_event_org_idx" ON "union_event" USING btree ("org_id","starts_on");--> statement-breakpoint
CREATE INDEX "union_event_starts_idx" ON "union_event" USING btree ("starts_on");