CREATE TABLE "tracked_deadline" (
	"entity" text NOT NULL,
	"entity_id" text NOT NULL,
	"field" text NOT NULL,
	"start_on" date NOT NULL,
	"n" integer NOT NULL,
	"unit" text NOT NULL,
	"roll_forward" boolean DEFAULT true NOT NULL,
	"due_on" date NOT NULL,
	"provisional" boolean DEFAULT false NOT NULL,
	"closed_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tracked_deadline_entity_entity_id_field_pk" PRIMARY KEY("entity","entity_id","field")
);
