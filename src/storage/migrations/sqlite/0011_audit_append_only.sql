-- The audit trail only grows (ADR 0013): the database itself refuses to change or delete an
-- audit record, whatever the statement comes from (a bug, an injected statement, a hand-typed
-- UPDATE). The owner of the file can still drop these triggers; the signed anchors outside the
-- database (tdkt audit anchor) catch what is done then.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log chỉ được ghi thêm: không sửa bản ghi nhật ký'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log chỉ được ghi thêm: không xóa bản ghi nhật ký'); END;
