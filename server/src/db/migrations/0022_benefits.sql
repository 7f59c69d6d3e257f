CREATE TABLE "benefit_claim" (
	"id" uuid PRIMARY KEY NOT NULL,
	"offer_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"member_id" uuid,
	"claimed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"redeemed_at" timestamp with time zone,
	"redeemed_by" uuid
);
--> statement-breakpoint
CREATE TABLE "benefit_merchant" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"uscc" text,
	"category" text NOT NULL,
	"address" text,
	"signed_on" date NOT NULL,
	"ends_on" date,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "benefit_offer" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"merchant_id" uuid NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"value_fen" bigint DEFAULT 0 NOT NULL,
	"description" text,
	"audience" text NOT NULL,
	"per_member" integer NOT NULL,
	"total" integer,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recuperation_quota" (
	"id" uuid PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"org_id" uuid NOT NULL,
	"parent_id" uuid,
	"places" integer NOT NULL,
	"note" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "benefit_claim_offer_idx" ON "benefit_claim" USING btree ("offer_id","account_id");--> statement-breakpoint
CREATE INDEX "benefit_claim_account_idx" ON "benefit_claim" USING btree ("account_id","claimed_at");--> statement-breakpoint
CREATE INDEX "benefit_claim_org_idx" ON "benefit_claim" USING btree ("org_id","claimed_at");--> statement-breakpoint
CREATE INDEX "benefit_merchant_org_idx" ON "benefit_merchant" USING btree ("org_id","signed_on");--> statement-breakpoint
CREATE INDEX "benefit_offer_org_idx" ON "benefit_offer" USING btree ("org_id","starts_on");--> statement-breakpoint
CREATE INDEX "benefit_offer_merchant_idx" ON "benefit_offer" USING btree ("merchant_id");--> statement-breakpoint
CREATE INDEX "benefit_offer_open_idx" ON "benefit_offer" USING btree ("ends_on","starts_on");--> statement-breakpoint
CREATE UNIQUE INDEX "recuperation_quota_year_org_uq" ON "recuperation_quota" USING btree ("year","org_id");--> statement-breakpoint
CREATE INDEX "recuperation_quota_parent_idx" ON "recuperation_quota" USING btree ("parent_id");