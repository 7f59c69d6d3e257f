CREATE TABLE "plan_kpi_reading" (
	"task_id" uuid NOT NULL,
	"on_date" date NOT NULL,
	"value" double precision NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_kpi_reading_task_id_on_date_pk" PRIMARY KEY("task_id","on_date")
);
