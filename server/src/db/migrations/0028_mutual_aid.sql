CREATE TABLE "mutual_aid_claim" (
	"id" uuid PRIMARY KEY NOT NULL,
	"claim_no" text NOT NULL,
	"enrolment_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"status" text NOT NULL,
	"benefit" text NOT NULL,
	"event_on" date NOT NULL,
	"assessed_on" date,
	"amount_fen" bigint NOT NULL,
	"approved_fen" bigint,
	"description" text NOT NULL,
	"filed_by" text NOT NULL,
	"account_id" uuid,
	"reason" text,
	"paid_on" date,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mutual_aid_document" (
	"id" uuid PRIMARY KEY NOT NULL,
	"claim_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"data" "bytea" NOT NULL,
	"uploaded_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mutual_aid_enrolment" (
	"id" uuid PRIMARY KEY NOT NULL,
	"plan_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"paid_on" date NOT NULL,
	"fee_fen" bigint NOT NULL,
	"cover_from" date NOT NULL,
	"cover_to" date NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mutual_aid_plan" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"fee_fen" bigint NOT NULL,
	"max_payout_fen" bigint NOT NULL,
	"starts_on" date NOT NULL,
	"cover_years" integer NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "mutual_aid_claim_no_uq" ON "mutual_aid_claim" USING btree ("claim_no");--> statement-breakpoint
CREATE INDEX "mutual_aid_claim_org_idx" ON "mutual_aid_claim" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "mutual_aid_claim_member_idx" ON "mutual_aid_claim" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "mutual_aid_claim_status_idx" ON "mutual_aid_claim" USING btree ("status","org_id");--> statement-breakpoint
CREATE INDEX "mutual_aid_document_claim_idx" ON "mutual_aid_document" USING btree ("claim_id");--> statement-breakpoint
CREATE UNIQUE INDEX "mutual_aid_enrolment_plan_member_uq" ON "mutual_aid_enrolment" USING btree ("plan_id","member_id");--> statement-breakpoint
CREATE INDEX "mutual_aid_enrolment_org_idx" ON "mutual_aid_enrolment" USING btree ("org_id","cover_from");--> statement-breakpoint
CREATE INDEX "mutual_aid_enrolment_member_idx" ON "mutual_aid_enrolment" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "mutual_aid_plan_org_idx" ON "mutual_aid_plan" USING btree ("org_id","starts_on");