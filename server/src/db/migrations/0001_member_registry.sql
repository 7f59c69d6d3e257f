CREATE SEQUENCE "public"."member_card_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "import_batch" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"actor_id" uuid,
	"file_name" text NOT NULL,
	"file_hash" text NOT NULL,
	"status" text NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"valid" integer DEFAULT 0 NOT NULL,
	"rejected" integer DEFAULT 0 NOT NULL,
	"created" integer DEFAULT 0 NOT NULL,
	"updated" integer DEFAULT 0 NOT NULL,
	"unchanged" integer DEFAULT 0 NOT NULL,
	"rows_done" integer DEFAULT 0 NOT NULL,
	"message" text,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "import_error" (
	"batch_id" uuid NOT NULL,
	"row_no" integer NOT NULL,
	"column" text,
	"code" text NOT NULL,
	"message" text NOT NULL,
	"raw" jsonb
);
--> statement-breakpoint
CREATE TABLE "import_row" (
	"batch_id" uuid NOT NULL,
	"row_no" integer NOT NULL,
	"id_index" text NOT NULL,
	"data" jsonb NOT NULL,
	"row_hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "join_application" (
	"id" uuid PRIMARY KEY NOT NULL,
	"app_no" text NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"id_cipher" text NOT NULL,
	"id_index" text NOT NULL,
	"id_masked" text NOT NULL,
	"mobile_cipher" text,
	"mobile_masked" text,
	"payload" jsonb NOT NULL,
	"employer_name" text,
	"employer_uscc" text,
	"via_territorial" boolean DEFAULT false NOT NULL,
	"consent_version" text NOT NULL,
	"consent_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"submitted_on" date NOT NULL,
	"due_on" date NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"reject_reason" text,
	"member_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "member" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"name_grams" text[] NOT NULL,
	"id_cipher" text NOT NULL,
	"id_index" text NOT NULL,
	"id_kind" text NOT NULL,
	"id_masked" text NOT NULL,
	"birth_date" date NOT NULL,
	"sex" text NOT NULL,
	"mobile_cipher" text,
	"mobile_index" text,
	"mobile_masked" text,
	"ethnicity" text,
	"education" text,
	"political_status" text,
	"employment_form" text NOT NULL,
	"migrant_worker" boolean DEFAULT false NOT NULL,
	"occupation" text,
	"employer_name" text,
	"join_date" date NOT NULL,
	"card_no" text NOT NULL,
	"status" text NOT NULL,
	"consent_version" text,
	"consent_at" timestamp with time zone,
	"consent_method" text,
	"row_hash" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "membership_event" (
	"id" uuid PRIMARY KEY NOT NULL,
	"member_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"on_date" date NOT NULL,
	"reason" text,
	"ref_id" uuid,
	"actor_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "transfer" (
	"id" uuid PRIMARY KEY NOT NULL,
	"member_id" uuid NOT NULL,
	"from_org_id" uuid NOT NULL,
	"to_org_id" uuid NOT NULL,
	"initiated_by" text NOT NULL,
	"reason" text,
	"status" text NOT NULL,
	"from_confirmed_at" timestamp with time zone,
	"to_confirmed_at" timestamp with time zone,
	"completed_on" date,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "import_batch_org_idx" ON "import_batch" USING btree ("org_id","started_at");--> statement-breakpoint
CREATE INDEX "import_error_batch_idx" ON "import_error" USING btree ("batch_id","row_no");--> statement-breakpoint
CREATE INDEX "import_row_batch_idx" ON "import_row" USING btree ("batch_id","row_no");--> statement-breakpoint
CREATE UNIQUE INDEX "join_application_no_uq" ON "join_application" USING btree ("app_no");--> statement-breakpoint
CREATE INDEX "join_application_org_status_idx" ON "join_application" USING btree ("org_id","status","due_on");--> statement-breakpoint
CREATE INDEX "join_application_id_idx" ON "join_application" USING btree ("id_index");--> statement-breakpoint
CREATE UNIQUE INDEX "member_id_index_uq" ON "member" USING btree ("id_index");--> statement-breakpoint
CREATE UNIQUE INDEX "member_card_no_uq" ON "member" USING btree ("card_no");--> statement-breakpoint
CREATE INDEX "member_org_status_idx" ON "member" USING btree ("org_id","status");--> statement-breakpoint
CREATE INDEX "member_mobile_idx" ON "member" USING btree ("mobile_index");--> statement-breakpoint
CREATE INDEX "member_name_prefix_idx" ON "member" USING btree ("name" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "member_name_grams_idx" ON "member" USING gin ("name_grams");--> statement-breakpoint
CREATE INDEX "member_join_date_idx" ON "member" USING btree ("join_date");--> statement-breakpoint
CREATE INDEX "membership_event_member_idx" ON "membership_event" USING btree ("member_id","on_date");--> statement-breakpoint
CREATE INDEX "membership_event_org_date_idx" ON "membership_event" USING btree ("org_id","on_date");--> statement-breakpoint
CREATE INDEX "transfer_member_idx" ON "transfer" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "transfer_from_idx" ON "transfer" USING btree ("from_org_id","status");--> statement-breakpoint
CREATE INDEX "transfer_to_idx" ON "transfer" USING btree ("to_org_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "transfer_one_open_uq" ON "transfer" USING btree ("member_id") WHERE "transfer"."status" = 'pending';