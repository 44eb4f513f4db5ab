-- The audit log is append-only (BIO 8.15.01): UPDATE and DELETE are refused for everyone, the app
-- included. A future retention job has to drop this trigger deliberately, in its own migration.
CREATE OR REPLACE FUNCTION buurtsignaal_audit_log_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION buurtsignaal_audit_log_append_only();
