CREATE TABLE "rule_version" (
	"key" text NOT NULL,
	"effective_from" date NOT NULL,
	"value" jsonb NOT NULL,
	"source" text NOT NULL,
	"weak" text[] NOT NULL,
	"created_by" uuid,
	"created_by_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rule_version_key_effective_from_pk" PRIMARY KEY("key","effective_from")
);
