CREATE TABLE "assessment" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"status" text DEFAULT 'self_assessment' NOT NULL,
	"published_on" date,
	"appeal_due" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessment_appeal" (
	"id" uuid PRIMARY KEY NOT NULL,
	"assessment_id" uuid NOT NULL,
	"entry_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"filed_on" date NOT NULL,
	"reason" text NOT NULL,
	"answer" text,
	"outcome" text,
	"answered_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessment_entry" (
	"id" uuid PRIMARY KEY NOT NULL,
	"assessment_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"items" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"self_total" double precision,
	"total" double precision,
	"rank" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessment_indicator" (
	"assessment_id" uuid PRIMARY KEY NOT NULL,
	"items" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "plan_task" ADD COLUMN "report_cadence" text;--> statement-breakpoint
ALTER TABLE "plan_task" ADD COLUMN "next_report_due" date;--> statement-breakpoint
CREATE INDEX "assessment_org_year_idx" ON "assessment" USING btree ("org_id","year");--> statement-breakpoint
CREATE INDEX "assessment_appeal_assessment_idx" ON "assessment_appeal" USING btree ("assessment_id");--> statement-breakpoint
CREATE INDEX "assessment_entry_assessment_idx" ON "assessment_entry" USING btree ("assessment_id","rank");--> statement-breakpoint
CREATE INDEX "assessment_entry_org_idx" ON "assessment_entry" USING btree ("org_id");