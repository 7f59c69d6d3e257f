CREATE TABLE "bargaining" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"scope" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"initiated_by" text NOT NULL,
	"request_on" date NOT NULL,
	"answer_due" date,
	"answered_on" date,
	"answer" text,
	"status" text NOT NULL,
	"draft" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"term_years" integer,
	"signed_on" date,
	"filing_due" date,
	"filed_on" date,
	"filed_with" text,
	"review_due" date,
	"effective_on" date,
	"expires_on" date,
	"objection" text,
	"published_on" date,
	"published_via" text,
	"renews_id" uuid,
	"vote" jsonb,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bargaining_party" (
	"bargaining_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"workforce" integer NOT NULL,
	CONSTRAINT "bargaining_party_bargaining_id_org_id_pk" PRIMARY KEY("bargaining_id","org_id")
);
--> statement-breakpoint
CREATE TABLE "bargaining_round" (
	"id" uuid PRIMARY KEY NOT NULL,
	"bargaining_id" uuid NOT NULL,
	"no" integer NOT NULL,
	"held_on" date NOT NULL,
	"minutes" text NOT NULL,
	"agreed" text,
	"open" text
);
--> statement-breakpoint
CREATE TABLE "congress" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"workforce" integer NOT NULL,
	"women_in_workforce" integer NOT NULL,
	"form" text NOT NULL,
	"term_years" integer NOT NULL,
	"term_start" date NOT NULL,
	"elected_on" date,
	"delegates" integer NOT NULL,
	"front_line" integer NOT NULL,
	"managers" integer NOT NULL,
	"women" integer NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "congress_org_id_unique" UNIQUE("org_id")
);
--> statement-breakpoint
CREATE TABLE "congress_proposal" (
	"id" uuid PRIMARY KEY NOT NULL,
	"congress_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"no" text NOT NULL,
	"title" text NOT NULL,
	"delegate" text NOT NULL,
	"content" text NOT NULL,
	"department" text,
	"status" text NOT NULL,
	"answer_due" date,
	"answer" text,
	"answered_on" date,
	"registered_on" date NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "congress_session" (
	"id" uuid PRIMARY KEY NOT NULL,
	"congress_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"delegates" integer NOT NULL,
	"present" integer NOT NULL,
	"items" jsonb NOT NULL,
	"resolutions" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "disclosure" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"disclosed_on" date NOT NULL,
	"channel" text NOT NULL,
	"subject" text NOT NULL,
	"content" text NOT NULL,
	"feedback" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "negotiator" (
	"id" uuid PRIMARY KEY NOT NULL,
	"bargaining_id" uuid NOT NULL,
	"side" text NOT NULL,
	"name" text NOT NULL,
	"chief" boolean DEFAULT false NOT NULL,
	"chosen_by" text,
	"vacated_on" date,
	"fill_due" date,
	"filled_on" date
);
--> statement-breakpoint
CREATE INDEX "bargaining_org_status_idx" ON "bargaining" USING btree ("org_id","status");--> statement-breakpoint
CREATE INDEX "bargaining_expires_idx" ON "bargaining" USING btree ("expires_on") WHERE "bargaining"."status" = 'effective';--> statement-breakpoint
CREATE INDEX "bargaining_party_org_idx" ON "bargaining_party" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "bargaining_round_idx" ON "bargaining_round" USING btree ("bargaining_id","no");--> statement-breakpoint
CREATE INDEX "congress_proposal_org_idx" ON "congress_proposal" USING btree ("org_id","status");--> statement-breakpoint
CREATE INDEX "congress_session_org_idx" ON "congress_session" USING btree ("org_id","held_on");--> statement-breakpoint
CREATE INDEX "disclosure_org_idx" ON "disclosure" USING btree ("org_id","disclosed_on");--> statement-breakpoint
CREATE INDEX "negotiator_bargaining_idx" ON "negotiator" USING btree ("bargaining_id");