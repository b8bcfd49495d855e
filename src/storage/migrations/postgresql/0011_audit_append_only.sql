-- The audit trail only grows (ADR 0013): UPDATE, DELETE and TRUNCATE on audit_log are refused
-- for every role but by the table's owner dropping or disabling these triggers. The
-- application's role should moreover lack the privileges (REVOKE UPDATE, DELETE, TRUNCATE ON
-- audit_log FROM the role: docs/deployment.md), so that it could not disable them either.
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit_log chỉ được ghi thêm (% bị từ chối)', TG_OP USING ERRCODE = 'insufficient_privilege'; END $$;
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
