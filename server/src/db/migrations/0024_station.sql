CREATE TABLE "station" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"address" text NOT NULL,
	"coord_sys" text NOT NULL,
	"lat" double precision NOT NULL,
	"lng" double precision NOT NULL,
	"lat_wgs" double precision NOT NULL,
	"lng_wgs" double precision NOT NULL,
	"hours" text NOT NULL,
	"amenities" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"phone" text,
	"active" boolean DEFAULT true NOT NULL,
	"last_inspected_on" date,
	"last_result" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "station_inspection" (
	"id" uuid PRIMARY KEY NOT NULL,
	"station_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"on_date" date NOT NULL,
	"inspector" text NOT NULL,
	"result" text NOT NULL,
	"items" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"note" text,
	"by_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "station_photo" (
	"id" uuid PRIMARY KEY NOT NULL,
	"station_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"data" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "station_visit" (
	"id" uuid PRIMARY KEY NOT NULL,
	"station_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"visited_on" date NOT NULL,
	"rating" smallint,
	"comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "station_org_idx" ON "station" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "station_lat_lng_idx" ON "station" USING btree ("lat_wgs","lng_wgs");--> statement-breakpoint
CREATE INDEX "station_name_idx" ON "station" USING btree ("name");--> statement-breakpoint
CREATE INDEX "station_inspection_station_idx" ON "station_inspection" USING btree ("station_id","on_date");--> statement-breakpoint
CREATE INDEX "station_photo_station_idx" ON "station_photo" USING btree ("station_id");--> statement-breakpoint
CREATE UNIQUE INDEX "station_visit_day_uq" ON "station_visit" USING btree ("station_id","account_id","visited_on");--> statement-breakpoint
CREATE INDEX "station_visit_org_idx" ON "station_visit" USING btree ("org_id","visited_on");