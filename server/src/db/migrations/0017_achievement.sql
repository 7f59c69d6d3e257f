CREATE SEQUENCE "public"."honor_cert_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE SEQUENCE "public"."honor_objection_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "honor_call" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"year" integer NOT NULL,
	"kinds" text[] NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"nomination_deadline" date,
	"notice_from" date,
	"notice_to" date,
	"notice_days" integer NOT NULL,
	"notice_unit" text NOT NULL,
	"floors" jsonb NOT NULL,
	"floor_source" text NOT NULL,
	"quotas" jsonb NOT NULL,
	"note" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "honor_care" (
	"id" uuid PRIMARY KEY NOT NULL,
	"record_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"on_date" date NOT NULL,
	"amount_fen" bigint DEFAULT 0 NOT NULL,
	"note" text,
	"by_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "honor_nomination" (
	"id" uuid PRIMARY KEY NOT NULL,
	"call_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"quota_org_id" uuid,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"member_id" uuid,
	"employer" text NOT NULL,
	"post" text,
	"occupation" text NOT NULL,
	"migrant_worker" boolean DEFAULT false NOT NULL,
	"non_public" boolean DEFAULT false NOT NULL,
	"team" boolean DEFAULT false NOT NULL,
	"gig_worker" boolean DEFAULT false NOT NULL,
	"woman" boolean DEFAULT false NOT NULL,
	"frontline" boolean DEFAULT false NOT NULL,
	"deeds" text NOT NULL,
	"recommendation" jsonb NOT NULL,
	"competition_entry_id" uuid,
	"outside_quota" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'nominated' NOT NULL,
	"reject_reason" text,
	"clearance" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"record_id" uuid,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "honor_objection" (
	"id" uuid PRIMARY KEY NOT NULL,
	"call_id" uuid NOT NULL,
	"nomination_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"receipt_no" text NOT NULL,
	"content" text NOT NULL,
	"name_cipher" text,
	"contact_cipher" text,
	"contact_masked" text,
	"status" text DEFAULT 'registered' NOT NULL,
	"finding" text,
	"answer" text,
	"answered_on" date,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "honor_record" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"member_id" uuid,
	"call_id" uuid,
	"nomination_id" uuid,
	"kind" text NOT NULL,
	"level" text NOT NULL,
	"title" text NOT NULL,
	"year" integer NOT NULL,
	"name" text NOT NULL,
	"employer" text,
	"post" text,
	"certificate_no" text,
	"awarded_on" date NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "competition" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"level" text NOT NULL,
	"sector" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"rules" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "competition_entry" (
	"id" uuid PRIMARY KEY NOT NULL,
	"competition_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"event" text NOT NULL,
	"unit_name" text NOT NULL,
	"unit_org_id" uuid,
	"team_name" text,
	"person_name" text,
	"member_id" uuid,
	"small_employer" boolean DEFAULT false NOT NULL,
	"non_public" boolean DEFAULT false NOT NULL,
	"gig" boolean DEFAULT false NOT NULL,
	"score_centi" integer,
	"winner" boolean DEFAULT false NOT NULL,
	"award" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "studio" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"level" text NOT NULL,
	"sector" text NOT NULL,
	"leader_name" text NOT NULL,
	"leader_record_id" uuid,
	"members" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"alliance_id" uuid,
	"founded_on" date NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "studio_alliance" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"founded_on" date NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "studio_evaluation" (
	"id" uuid PRIMARY KEY NOT NULL,
	"studio_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"grade" text NOT NULL,
	"funding_fen" bigint DEFAULT 0 NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "studio_result" (
	"id" uuid PRIMARY KEY NOT NULL,
	"studio_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"on_date" date NOT NULL,
	"savings_fen" bigint DEFAULT 0 NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "honor_call_org_idx" ON "honor_call" USING btree ("org_id","year");--> statement-breakpoint
CREATE INDEX "honor_call_status_idx" ON "honor_call" USING btree ("status");--> statement-breakpoint
CREATE INDEX "honor_care_record_idx" ON "honor_care" USING btree ("record_id","on_date");--> statement-breakpoint
CREATE INDEX "honor_care_org_idx" ON "honor_care" USING btree ("org_id","on_date");--> statement-breakpoint
CREATE INDEX "honor_nomination_call_idx" ON "honor_nomination" USING btree ("call_id","quota_org_id","status");--> statement-breakpoint
CREATE INDEX "honor_nomination_org_idx" ON "honor_nomination" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "honor_objection_call_idx" ON "honor_objection" USING btree ("call_id");--> statement-breakpoint
CREATE INDEX "honor_objection_nomination_idx" ON "honor_objection" USING btree ("nomination_id");--> statement-breakpoint
CREATE UNIQUE INDEX "honor_objection_receipt_uq" ON "honor_objection" USING btree ("receipt_no");--> statement-breakpoint
CREATE INDEX "honor_record_org_idx" ON "honor_record" USING btree ("org_id","awarded_on");--> statement-breakpoint
CREATE INDEX "honor_record_member_idx" ON "honor_record" USING btree ("member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "honor_record_cert_uq" ON "honor_record" USING btree ("certificate_no");--> statement-breakpoint
CREATE INDEX "competition_org_idx" ON "competition" USING btree ("org_id","starts_on");--> statement-breakpoint
CREATE INDEX "competition_entry_comp_idx" ON "competition_entry" USING btree ("competition_id","event");--> statement-breakpoint
CREATE INDEX "studio_org_idx" ON "studio" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "studio_alliance_idx" ON "studio" USING btree ("alliance_id");--> statement-breakpoint
CREATE UNIQUE INDEX "studio_evaluation_year_uq" ON "studio_evaluation" USING btree ("studio_id","year");--> statement-breakpoint
CREATE INDEX "studio_result_studio_idx" ON "studio_result" USING btree ("studio_id","on_date");