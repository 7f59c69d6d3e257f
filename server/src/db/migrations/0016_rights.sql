CREATE SEQUENCE "public"."dispute_case_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE SEQUENCE "public"."legal_aid_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE SEQUENCE "public"."wage_arrears_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "dispute_case" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_no" text NOT NULL,
	"org_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"type" text NOT NULL,
	"status" text NOT NULL,
	"received_on" date NOT NULL,
	"knew_on" date,
	"employment_ongoing" boolean DEFAULT false NOT NULL,
	"limitation_state" text NOT NULL,
	"limitation_due" date,
	"mediation_due" date,
	"court_case_no" text,
	"court_return_on" date,
	"referral_no" text,
	"employer_name" text NOT NULL,
	"employer_uscc" text,
	"platform_name" text,
	"worker_count" integer DEFAULT 1 NOT NULL,
	"collective" boolean DEFAULT false NOT NULL,
	"first_applicant" text NOT NULL,
	"amount_claimed_fen" bigint DEFAULT 0 NOT NULL,
	"facts" text NOT NULL,
	"outcome_sought" text NOT NULL,
	"mobile_indexes" text[] DEFAULT '{}'::text[] NOT NULL,
	"mediator_id" uuid,
	"assigned_on" date,
	"agreement_terms" text,
	"agreement_amount_fen" bigint,
	"agreed_on" date,
	"confirmation_due" date,
	"fail_reason" text,
	"advice" text,
	"reject_reason" text,
	"refer_to" text,
	"closed_on" date,
	"consent_version" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dispute_party" (
	"id" uuid PRIMARY KEY NOT NULL,
	"dispute_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"name" text NOT NULL,
	"id_cipher" text,
	"id_index" text,
	"id_masked" text,
	"mobile_cipher" text,
	"mobile_masked" text,
	"representative" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dispute_session" (
	"id" uuid PRIMARY KEY NOT NULL,
	"dispute_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"attendees" text,
	"notes" text NOT NULL,
	"mediator_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mediator" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"specialties" text[] DEFAULT '{}'::text[] NOT NULL,
	"capacity" integer DEFAULT 10 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hotline_call" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"called_at" timestamp with time zone NOT NULL,
	"caller_name" text,
	"mobile_cipher" text,
	"mobile_masked" text,
	"topic" text NOT NULL,
	"summary" text NOT NULL,
	"result" text NOT NULL,
	"legal_aid_id" uuid,
	"handled_by" uuid,
	"is_demo" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lawyer" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"firm" text NOT NULL,
	"specialties" text[] DEFAULT '{}'::text[] NOT NULL,
	"capacity" integer DEFAULT 5 NOT NULL,
	"conflict_usccs" text[] DEFAULT '{}'::text[] NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "legal_aid_request" (
	"id" uuid PRIMARY KEY NOT NULL,
	"request_no" text NOT NULL,
	"org_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"kind" text NOT NULL,
	"type" text NOT NULL,
	"status" text NOT NULL,
	"requested_on" date NOT NULL,
	"applicant_name" text NOT NULL,
	"mobile_cipher" text,
	"mobile_masked" text,
	"employer_name" text,
	"employer_uscc" text,
	"dispute_id" uuid,
	"summary" text NOT NULL,
	"lawyer_id" uuid,
	"assigned_on" date,
	"minutes" integer,
	"outcome_kind" text,
	"outcome" text,
	"satisfaction" integer,
	"decline_reason" text,
	"closed_on" date,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wage_arrears" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_no" text NOT NULL,
	"org_id" uuid NOT NULL,
	"dispute_id" uuid,
	"employer_name" text NOT NULL,
	"employer_uscc" text,
	"construction" boolean DEFAULT false NOT NULL,
	"project_name" text,
	"site_address" text,
	"workers_affected" integer NOT NULL,
	"migrant_workers" integer DEFAULT 0 NOT NULL,
	"owed_fen" bigint NOT NULL,
	"recovered_fen" bigint DEFAULT 0 NOT NULL,
	"status" text NOT NULL,
	"reported_on" date NOT NULL,
	"cleared_on" date,
	"note" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wage_recovery" (
	"id" uuid PRIMARY KEY NOT NULL,
	"arrears_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"paid_on" date NOT NULL,
	"amount_fen" bigint NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "dispute_case_no_uq" ON "dispute_case" USING btree ("case_no");--> statement-breakpoint
CREATE INDEX "dispute_case_org_received_idx" ON "dispute_case" USING btree ("org_id","received_on");--> statement-breakpoint
CREATE INDEX "dispute_case_open_due_idx" ON "dispute_case" USING btree ("mediation_due") WHERE "dispute_case"."status" IN ('received', 'mediating');--> statement-breakpoint
CREATE INDEX "dispute_case_mediator_idx" ON "dispute_case" USING btree ("mediator_id") WHERE "dispute_case"."status" IN ('received', 'mediating');--> statement-breakpoint
CREATE INDEX "dispute_party_case_idx" ON "dispute_party" USING btree ("dispute_id","seq");--> statement-breakpoint
CREATE INDEX "dispute_party_id_idx" ON "dispute_party" USING btree ("id_index");--> statement-breakpoint
CREATE INDEX "dispute_session_case_idx" ON "dispute_session" USING btree ("dispute_id","held_on");--> statement-breakpoint
CREATE INDEX "mediator_org_idx" ON "mediator" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "hotline_call_org_at_idx" ON "hotline_call" USING btree ("org_id","called_at");--> statement-breakpoint
CREATE INDEX "lawyer_org_idx" ON "lawyer" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "legal_aid_org_requested_idx" ON "legal_aid_request" USING btree ("org_id","requested_on");--> statement-breakpoint
CREATE INDEX "legal_aid_lawyer_idx" ON "legal_aid_request" USING btree ("lawyer_id") WHERE "legal_aid_request"."status" = 'assigned';--> statement-breakpoint
CREATE INDEX "wage_arrears_org_idx" ON "wage_arrears" USING btree ("org_id","reported_on");--> statement-breakpoint
CREATE INDEX "wage_arrears_employer_idx" ON "wage_arrears" USING btree ("employer_uscc");--> statement-breakpoint
CREATE INDEX "wage_recovery_arrears_idx" ON "wage_recovery" USING btree ("arrears_id","paid_on");