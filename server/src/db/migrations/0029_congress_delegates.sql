CREATE TABLE "congress_delegate" (
	"id" uuid PRIMARY KEY NOT NULL,
	"congress_id" uuid NOT NULL,
	"term_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"member_id" uuid,
	"category" text NOT NULL,
	"gender" text NOT NULL,
	"department" text,
	"is_demo" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "congress_term" (
	"id" uuid PRIMARY KEY NOT NULL,
	"congress_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"no" integer NOT NULL,
	"term_years" integer NOT NULL,
	"term_start" date NOT NULL,
	"elected_on" date NOT NULL,
	"method" text NOT NULL,
	"workforce" integer NOT NULL,
	"women_in_workforce" integer NOT NULL,
	"electorate" integer NOT NULL,
	"voted" integer NOT NULL,
	"delegates" integer NOT NULL,
	"front_line" integer NOT NULL,
	"managers" integer NOT NULL,
	"technical" integer NOT NULL,
	"women" integer NOT NULL,
	"notes" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "congress_delegate_term_idx" ON "congress_delegate" USING btree ("term_id");--> statement-breakpoint
CREATE INDEX "congress_delegate_congress_idx" ON "congress_delegate" USING btree ("congress_id");--> statement-breakpoint
CREATE INDEX "congress_term_idx" ON "congress_term" USING btree ("congress_id","no");