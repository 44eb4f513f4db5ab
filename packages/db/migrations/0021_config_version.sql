-- The configuration the hot path reads for every melding (teams, areas, routing rules, shift
-- instances, staff accounts) changes seldom: API and worker keep it in memory, versioned by this one
-- row (packages/db/src/queries/config/config-cache.ts). Every transaction that writes one of those
-- tables draws a new version at its commit (a deferred trigger: the bump becomes visible together with
-- the change, and the row lock is taken only while committing, so no writer waits on it holding
-- another lock), and marks itself 'dirty' at once (a statement trigger: a reader inside that
-- transaction sees its own uncommitted change, and must not cache it). The version comes from a
-- sequence, so a rolled-back transaction's number is never handed out again.
CREATE SEQUENCE config_version_seq;
--> statement-breakpoint
CREATE TABLE config_version (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  v bigint NOT NULL
);
--> statement-breakpoint
INSERT INTO config_version (id, v) VALUES (true, nextval('config_version_seq'));
--> statement-breakpoint
CREATE FUNCTION buurtsignaal_config_dirty() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM set_config('buurtsignaal.config_dirty', 'on', true);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION buurtsignaal_config_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('buurtsignaal.config_bumped', true) IS DISTINCT FROM 'on' THEN
    UPDATE config_version SET v = nextval('config_version_seq');
    PERFORM set_config('buurtsignaal.config_bumped', 'on', true);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION buurtsignaal_config_bump_now() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM set_config('buurtsignaal.config_dirty', 'on', true);
  UPDATE config_version SET v = nextval('config_version_seq');
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER teams_config_dirty AFTER INSERT OR UPDATE OR DELETE ON teams
  FOR EACH STATEMENT EXECUTE FUNCTION buurtsignaal_config_dirty();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER teams_config_bump AFTER INSERT OR UPDATE OR DELETE ON teams
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION buurtsignaal_config_bump();
--> statement-breakpoint
CREATE TRIGGER teams_config_truncate AFTER TRUNCATE ON teams
  FOR EACH STATEMENT EXECUTE FUNCTION buurtsignaal_config_bump_now();
--> statement-breakpoint
CREATE TRIGGER areas_config_dirty AFTER INSERT OR UPDATE OR DELETE ON areas
  FOR EACH STATEMENT EXECUTE FUNCTION buurtsignaal_config_dirty();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER areas_config_bump AFTER INSERT OR UPDATE OR DELETE ON areas
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION buurtsignaal_config_bump();
--> statement-breakpoint
CREATE TRIGGER areas_config_truncate AFTER TRUNCATE ON areas
  FOR EACH STATEMENT EXECUTE FUNCTION buurtsignaal_config_bump_now();
--> statement-breakpoint
CREATE TRIGGER routing_rules_config_dirty AFTER INSERT OR UPDATE OR DELETE ON routing_rules
  FOR EACH STATEMENT EXECUTE FUNCTION buurtsignaal_config_dirty();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER routing_rules_config_bump AFTER INSERT OR UPDATE OR DELETE ON routing_rules
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION buurtsignaal_config_bump();
--> statement-breakpoint
CREATE TRIGGER routing_rules_config_truncate AFTER TRUNCATE ON routing_rules
  FOR EACH STATEMENT EXECUTE FUNCTION buurtsignaal_config_bump_now();
--> statement-breakpoint
CREATE TRIGGER routing_rule_versions_config_dirty AFTER INSERT OR UPDATE OR DELETE ON routing_rule_versions
  FOR EACH STATEMENT EXECUTE FUNCTION buurtsignaal_config_dirty();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER routing_rule_versions_config_bump AFTER INSERT OR UPDATE OR DELETE ON routing_rule_versions
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION buurtsignaal_config_bump();
--> statement-breakpoint
CREATE TRIGGER routing_rule_versions_config_truncate AFTER TRUNCATE ON routing_rule_versions
  FOR EACH STATEMENT EXECUTE FUNCTION buurtsignaal_config_bump_now();
--> statement-breakpoint
CREATE TRIGGER shift_instances_config_dirty AFTER INSERT OR UPDATE OR DELETE ON shift_instances
  FOR EACH STATEMENT EXECUTE FUNCTION buurtsignaal_config_dirty();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER shift_instances_config_bump AFTER INSERT OR UPDATE OR DELETE ON shift_instances
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION buurtsignaal_config_bump();
--> statement-breakpoint
CREATE TRIGGER shift_instances_config_truncate AFTER TRUNCATE ON shift_instances
  FOR EACH STATEMENT EXECUTE FUNCTION buurtsignaal_config_bump_now();
--> statement-breakpoint
CREATE TRIGGER staff_users_config_dirty AFTER INSERT OR UPDATE OF name, email, role, disabled_at OR DELETE ON staff_users
  FOR EACH STATEMENT EXECUTE FUNCTION buurtsignaal_config_dirty();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER staff_users_config_bump AFTER INSERT OR UPDATE OF name, email, role, disabled_at OR DELETE ON staff_users
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION buurtsignaal_config_bump();
--> statement-breakpoint
CREATE TRIGGER staff_users_config_truncate AFTER TRUNCATE ON staff_users
  FOR EACH STATEMENT EXECUTE FUNCTION buurtsignaal_config_bump_now();
