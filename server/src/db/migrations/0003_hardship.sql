CREATE SEQUENCE "public"."hardship_file_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "hardship_attachment" (
	"id" uuid PRIMARY KEY NOT NULL,
	"file_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"data" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hardship_event" (
	"id" uuid PRIMARY KEY NOT NULL,
	"file_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"on_date" date NOT NULL,
	"level" integer,
	"actor_org_id" uuid,
	"actor_id" uuid,
	"note" text,
	"data" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hardship_file" (
	"id" uuid PRIMARY KEY NOT NULL,
	"file_no" text NOT NULL,
	"org_id" uuid NOT NULL,
	"member_id" uuid,
	"name" text NOT NULL,
	"id_cipher" text NOT NULL,
	"id_index" text NOT NULL,
	"id_masked" text NOT NULL,
	"sex" text NOT NULL,
	"birth_date" date NOT NULL,
	"mobile_cipher" text,
	"mobile_masked" text,
	"region_code" text NOT NULL,
	"address" text,
	"employer_name" text,
	"migrant_worker" boolean DEFAULT false NOT NULL,
	"city_work_since" date,
	"health" text NOT NULL,
	"disability" text DEFAULT 'none' NOT NULL,
	"employment_status" text NOT NULL,
	"housing" text,
	"industry" text,
	"marital_status" text,
	"hukou_type" text NOT NULL,
	"single_parent" boolean DEFAULT false NOT NULL,
	"zero_employment" boolean DEFAULT false NOT NULL,
	"monthly_income_fen" bigint DEFAULT 0 NOT NULL,
	"annual_income_fen" bigint NOT NULL,
	"rigid_medical_fen" bigint DEFAULT 0 NOT NULL,
	"rigid_schooling_fen" bigint DEFAULT 0 NOT NULL,
	"accident_cost_fen" bigint DEFAULT 0 NOT NULL,
	"disaster" boolean DEFAULT false NOT NULL,
	"disaster_on" date,
	"work_accident" boolean DEFAULT false NOT NULL,
	"serious_illness_since" date,
	"job_lost_on" date,
	"main_cause" text NOT NULL,
	"other_causes" text[] DEFAULT '{}'::text[] NOT NULL,
	"household_size" integer DEFAULT 1 NOT NULL,
	"status" text NOT NULL,
	"origin" text NOT NULL,
	"tier" text,
	"tier_snapshot" jsonb,
	"tier_evaluated_on" date,
	"per_capita_monthly_fen" bigint,
	"review_levels_required" integer DEFAULT 0 NOT NULL,
	"review_levels_done" integer DEFAULT 0 NOT NULL,
	"applied_on" date NOT NULL,
	"filed_on" date,
	"next_review_due" date,
	"exit_on" date,
	"exit_reason" text,
	"exit_note" text,
	"exit_snapshot" jsonb,
	"monitoring_until" date,
	"relapse_count" integer DEFAULT 0 NOT NULL,
	"last_relapse_on" date,
	"reject_reason" text,
	"consent_version" text,
	"consent_at" timestamp with time zone,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hardship_household_member" (
	"id" uuid PRIMARY KEY NOT NULL,
	"file_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"relationship" text NOT NULL,
	"id_cipher" text,
	"id_index" text,
	"id_masked" text,
	"birth_date" date,
	"health" text NOT NULL,
	"employment_status" text NOT NULL,
	"annual_income_fen" bigint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hardship_visit" (
	"id" uuid PRIMARY KEY NOT NULL,
	"file_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"due_on" date,
	"visited_on" date,
	"visitor" text,
	"findings" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "aid_budget" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"line" text NOT NULL,
	"allocated_fen" bigint NOT NULL,
	"spent_fen" bigint DEFAULT 0 NOT NULL,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "aid_campaign" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"paid_on" date NOT NULL,
	"budget_id" uuid NOT NULL,
	"criteria" jsonb NOT NULL,
	"households" integer NOT NULL,
	"total_fen" bigint NOT NULL,
	"skipped" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "aid_cap" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text,
	"rule" text NOT NULL,
	"amount_fen" bigint,
	"max_count" integer,
	"effective_from" date NOT NULL,
	"effective_to" date,
	"source" text NOT NULL,
	"weak" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "aid_record" (
	"id" uuid PRIMARY KEY NOT NULL,
	"file_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"paid_on" date NOT NULL,
	"budget_id" uuid NOT NULL,
	"payer_org_id" uuid NOT NULL,
	"payer" text NOT NULL,
	"recipient_name" text NOT NULL,
	"recipient_relation" text DEFAULT 'self' NOT NULL,
	"cause_key" text,
	"campaign_id" uuid,
	"note" text,
	"receipt_kind" text,
	"receipt_mime" text,
	"receipt_data" "bytea",
	"receipt_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hardship_rule_set" (
	"id" uuid PRIMARY KEY NOT NULL,
	"version" text NOT NULL,
	"effective_from" date NOT NULL,
	"params" jsonb NOT NULL,
	"source" text NOT NULL,
	"weak_keys" text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subsistence_line" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"effective_from" date NOT NULL,
	"monthly_fen" bigint NOT NULL,
	"source" text NOT NULL,
	"weak" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hardship_warning" (
	"id" uuid PRIMARY KEY NOT NULL,
	"dedup_key" text NOT NULL,
	"rule" text NOT NULL,
	"level" text NOT NULL,
	"file_id" uuid,
	"org_id" uuid NOT NULL,
	"explanation" text NOT NULL,
	"figures" jsonb NOT NULL,
	"raised_on" date NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"action_taken" text,
	"closed_by" uuid,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "hardship_attachment_file_idx" ON "hardship_attachment" USING btree ("file_id");--> statement-breakpoint
CREATE INDEX "hardship_event_file_idx" ON "hardship_event" USING btree ("file_id","on_date");--> statement-breakpoint
CREATE INDEX "hardship_event_kind_date_idx" ON "hardship_event" USING btree ("kind","on_date");--> statement-breakpoint
CREATE UNIQUE INDEX "hardship_file_no_uq" ON "hardship_file" USING btree ("file_no");--> statement-breakpoint
CREATE UNIQUE INDEX "hardship_file_live_person_uq" ON "hardship_file" USING btree ("id_index") WHERE "hardship_file"."status" IN ('applied', 'reviewing', 'filed', 'exited');--> statement-breakpoint
CREATE INDEX "hardship_file_org_status_idx" ON "hardship_file" USING btree ("org_id","status");--> statement-breakpoint
CREATE INDEX "hardship_file_member_idx" ON "hardship_file" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "hardship_file_status_tier_idx" ON "hardship_file" USING btree ("status","tier");--> statement-breakpoint
CREATE INDEX "hardship_file_review_due_idx" ON "hardship_file" USING btree ("next_review_due");--> statement-breakpoint
CREATE INDEX "hardship_household_member_file_idx" ON "hardship_household_member" USING btree ("file_id");--> statement-breakpoint
CREATE INDEX "hardship_household_member_id_idx" ON "hardship_household_member" USING btree ("id_index");--> statement-breakpoint
CREATE INDEX "hardship_visit_file_idx" ON "hardship_visit" USING btree ("file_id");--> statement-breakpoint
CREATE INDEX "hardship_visit_due_idx" ON "hardship_visit" USING btree ("due_on") WHERE "hardship_visit"."visited_on" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "aid_budget_org_year_line_uq" ON "aid_budget" USING btree ("org_id","year","line");--> statement-breakpoint
CREATE INDEX "aid_campaign_org_idx" ON "aid_campaign" USING btree ("org_id","paid_on");--> statement-breakpoint
CREATE INDEX "aid_record_file_idx" ON "aid_record" USING btree ("file_id","paid_on");--> statement-breakpoint
CREATE INDEX "aid_record_org_date_idx" ON "aid_record" USING btree ("org_id","paid_on");--> statement-breakpoint
CREATE INDEX "aid_record_budget_idx" ON "aid_record" USING btree ("budget_id");--> statement-breakpoint
CREATE INDEX "aid_record_campaign_idx" ON "aid_record" USING btree ("campaign_id");--> statement-breakpoint
CREATE UNIQUE INDEX "aid_record_campaign_file_uq" ON "aid_record" USING btree ("campaign_id","file_id");--> statement-breakpoint
CREATE UNIQUE INDEX "hardship_rule_set_from_uq" ON "hardship_rule_set" USING btree ("effective_from");--> statement-breakpoint
CREATE UNIQUE INDEX "hardship_rule_set_version_uq" ON "hardship_rule_set" USING btree ("version");--> statement-breakpoint
CREATE UNIQUE INDEX "subsistence_line_region_from_uq" ON "subsistence_line" USING btree ("region_code","effective_from");--> statement-breakpoint
CREATE UNIQUE INDEX "hardship_warning_dedup_uq" ON "hardship_warning" USING btree ("dedup_key");--> statement-breakpoint
CREATE INDEX "hardship_warning_org_status_idx" ON "hardship_warning" USING btree ("org_id","status","due_on");--> statement-breakpoint
CREATE INDEX "hardship_warning_file_idx" ON "hardship_warning" USING btree ("file_id");--> statement-breakpoint
CREATE INDEX "hardship_warning_open_idx" ON "hardship_warning" USING btree ("due_on") WHERE "hardship_warning"."status" = 'open';