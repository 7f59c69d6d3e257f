CREATE TABLE "plan" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"source" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_report" (
	"id" uuid PRIMARY KEY NOT NULL,
	"task_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"reported_on" date NOT NULL,
	"progress" integer,
	"note" text NOT NULL,
	"evidence" text,
	"actor_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_task" (
	"id" uuid PRIMARY KEY NOT NULL,
	"plan_id" uuid NOT NULL,
	"parent_id" uuid,
	"org_id" uuid NOT NULL,
	"section" text,
	"title" text NOT NULL,
	"kind" text DEFAULT 'directive' NOT NULL,
	"modules" text[] DEFAULT '{}' NOT NULL,
	"triggers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"lead" text,
	"co_owners" text,
	"profile" text DEFAULT '13710' NOT NULL,
	"major" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'assigned' NOT NULL,
	"assigned_on" date NOT NULL,
	"deploy_due" date,
	"report_due" date,
	"close_due" date,
	"provisional" boolean DEFAULT false NOT NULL,
	"kpi_metric" text,
	"kpi_target" integer,
	"kpi_unit" text,
	"kpi_due" date,
	"progress" integer DEFAULT 0 NOT NULL,
	"last_report_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "plan_org_year_idx" ON "plan" USING btree ("org_id","year");--> statement-breakpoint
CREATE INDEX "plan_report_task_idx" ON "plan_report" USING btree ("task_id","created_at");--> statement-breakpoint
CREATE INDEX "plan_task_plan_idx" ON "plan_task" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "plan_task_org_idx" ON "plan_task" USING btree ("org_id","status");--> statement-breakpoint
CREATE INDEX "plan_task_parent_idx" ON "plan_task" USING btree ("parent_id");