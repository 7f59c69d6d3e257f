CREATE TABLE "mentoring_pair" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"mentor_name" text NOT NULL,
	"mentor_member_id" uuid,
	"apprentice_name" text NOT NULL,
	"apprentice_member_id" uuid,
	"trade" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"goals" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"result" text,
	"apprentice_level" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proposal" (
	"id" uuid PRIMARY KEY NOT NULL,
	"proposal_no" text NOT NULL,
	"org_id" uuid NOT NULL,
	"proposer_name" text NOT NULL,
	"member_id" uuid,
	"worker_account_id" uuid,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"content" text NOT NULL,
	"expected" text,
	"status" text DEFAULT 'submitted' NOT NULL,
	"submitted_on" date NOT NULL,
	"opinion" text,
	"implemented_on" date,
	"value_fen" bigint DEFAULT 0 NOT NULL,
	"reward_fen" bigint DEFAULT 0 NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "skill_certificate" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"member_id" uuid,
	"name" text NOT NULL,
	"level" text NOT NULL,
	"trade" text NOT NULL,
	"sector" text NOT NULL,
	"cert_no" text NOT NULL,
	"issued_on" date NOT NULL,
	"issuer" text NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_course" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"mode" text NOT NULL,
	"trade" text NOT NULL,
	"sector" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"hours" integer NOT NULL,
	"capacity" integer NOT NULL,
	"place" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_enrolment" (
	"id" uuid PRIMARY KEY NOT NULL,
	"course_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"name" text NOT NULL,
	"status" text DEFAULT 'enrolled' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "mentoring_pair_org_idx" ON "mentoring_pair" USING btree ("org_id","starts_on");--> statement-breakpoint
CREATE UNIQUE INDEX "proposal_no_uq" ON "proposal" USING btree ("proposal_no");--> statement-breakpoint
CREATE INDEX "proposal_org_idx" ON "proposal" USING btree ("org_id","submitted_on");--> statement-breakpoint
CREATE INDEX "proposal_account_idx" ON "proposal" USING btree ("worker_account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "skill_certificate_no_uq" ON "skill_certificate" USING btree ("cert_no");--> statement-breakpoint
CREATE INDEX "skill_certificate_org_idx" ON "skill_certificate" USING btree ("org_id","issued_on");--> statement-breakpoint
CREATE INDEX "skill_certificate_member_idx" ON "skill_certificate" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "training_course_org_idx" ON "training_course" USING btree ("org_id","starts_on");--> statement-breakpoint
CREATE UNIQUE INDEX "training_enrolment_uq" ON "training_enrolment" USING btree ("course_id","member_id");--> statement-breakpoint
CREATE INDEX "training_enrolment_member_idx" ON "training_enrolment" USING btree ("member_id");