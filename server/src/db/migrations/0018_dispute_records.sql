CREATE TABLE "dispute_evidence" (
	"id" uuid PRIMARY KEY NOT NULL,
	"dispute_id" uuid NOT NULL,
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
CREATE TABLE "dispute_instalment" (
	"id" uuid PRIMARY KEY NOT NULL,
	"dispute_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"due_on" date NOT NULL,
	"amount_fen" bigint NOT NULL,
	"paid_on" date,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dispute_milestone" (
	"id" uuid PRIMARY KEY NOT NULL,
	"dispute_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"on_date" date NOT NULL,
	"reference" text,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dispute_referral" (
	"id" uuid PRIMARY KEY NOT NULL,
	"dispute_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"ground" text NOT NULL,
	"referred_on" date NOT NULL,
	"commission" text NOT NULL,
	"note" text,
	"file" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dispute_signature" (
	"id" uuid PRIMARY KEY NOT NULL,
	"dispute_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"role" text NOT NULL,
	"signer_name" text NOT NULL,
	"signed_on" date NOT NULL,
	"method" text NOT NULL,
	"mime" text,
	"image" "bytea",
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "dispute_evidence_case_idx" ON "dispute_evidence" USING btree ("dispute_id");--> statement-breakpoint
CREATE UNIQUE INDEX "dispute_instalment_seq_uq" ON "dispute_instalment" USING btree ("dispute_id","seq");--> statement-breakpoint
CREATE INDEX "dispute_instalment_unpaid_idx" ON "dispute_instalment" USING btree ("due_on") WHERE paid_on IS NULL;--> statement-breakpoint
CREATE INDEX "dispute_instalment_paid_idx" ON "dispute_instalment" USING btree ("paid_on");--> statement-breakpoint
CREATE INDEX "dispute_milestone_case_idx" ON "dispute_milestone" USING btree ("dispute_id","on_date");--> statement-breakpoint
CREATE UNIQUE INDEX "dispute_referral_case_uq" ON "dispute_referral" USING btree ("dispute_id");--> statement-breakpoint
CREATE UNIQUE INDEX "dispute_signature_role_uq" ON "dispute_signature" USING btree ("dispute_id","role");