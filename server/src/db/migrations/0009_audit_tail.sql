CREATE TABLE "audit_anchor" (
	"upto_seq" bigint PRIMARY KEY NOT NULL,
	"last_hash" text NOT NULL,
	"file_name" text NOT NULL,
	"file_sha256" text NOT NULL,
	"key_id" text NOT NULL,
	"signature" text NOT NULL,
	"archived_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_checkpoint" (
	"seq" bigint PRIMARY KEY NOT NULL,
	"hash" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"key_id" text NOT NULL,
	"signature" text NOT NULL
);
--> statement-breakpoint
-- The audit log is append-only: an UPDATE, a DELETE or a TRUNCATE is refused, except the removal of
-- archived entries by `audit archive`, which sets gonghui.audit_archive for its own transaction
-- (platform/audit-tail.ts). Whoever disables this trigger still cannot hide it: the chain and the
-- signed checkpoints show what changed.
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('gonghui.audit_archive', true) = 'on' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only (%)', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only_rows BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
