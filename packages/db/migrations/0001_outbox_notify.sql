-- Wake outbox relays as soon as a row commits (LISTEN buurtsignaal_outbox); a periodic sweep catches
-- anything a relay missed while it was not listening.
CREATE OR REPLACE FUNCTION buurtsignaal_outbox_notify() RETURNS trigger AS $$
BEGIN
  PERFORM pg_notify('buurtsignaal_outbox', NEW.id::text);
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER outbox_notify AFTER INSERT ON outbox FOR EACH ROW EXECUTE FUNCTION buurtsignaal_outbox_notify();
