ALTER TABLE "transfer" ADD COLUMN "prev_status" text;--> statement-breakpoint
ALTER TABLE "transfer" ADD COLUMN "close_reason" text;--> statement-breakpoint
CREATE UNIQUE INDEX "join_application_one_pending_uq" ON "join_application" USING btree ("id_index") WHERE "join_application"."status" = 'pending';