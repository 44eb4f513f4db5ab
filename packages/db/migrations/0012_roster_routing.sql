CREATE TABLE "areas" (
	"code" text PRIMARY KEY NOT NULL,
	"naam" text NOT NULL,
	"kind" text NOT NULL,
	"gemeente_code" text NOT NULL,
	"geometry" jsonb NOT NULL,
	"min_lat" double precision NOT NULL,
	"min_lng" double precision NOT NULL,
	"max_lat" double precision NOT NULL,
	"max_lng" double precision NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "areas_kind_ck" CHECK ("areas"."kind" in ('wijk', 'buurt'))
);
--> statement-breakpoint
CREATE TABLE "calendar_feed_tokens" (
	"id" uuid PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"staff_user_id" uuid,
	"team_id" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "calendar_feed_tokens_owner_ck" CHECK (("calendar_feed_tokens"."staff_user_id" is null) <> ("calendar_feed_tokens"."team_id" is null))
);
--> statement-breakpoint
CREATE TABLE "roster_overrides" (
	"id" text PRIMARY KEY NOT NULL,
	"team_id" text NOT NULL,
	"date" date NOT NULL,
	"kind" text NOT NULL,
	"cause" text,
	"pattern_id" text,
	"member_id" uuid,
	"replacement_id" uuid,
	"label" text,
	"start_time" text,
	"end_time" text,
	"member_ids" jsonb,
	"lead_id" uuid,
	"reason" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"cancelled_at" timestamp with time zone,
	CONSTRAINT "roster_overrides_kind_ck" CHECK ("roster_overrides"."kind" in ('swap', 'absent', 'extra'))
);
--> statement-breakpoint
CREATE TABLE "routing_rule_versions" (
	"rule_id" text NOT NULL,
	"version" integer NOT NULL,
	"name" text NOT NULL,
	"conditions" jsonb NOT NULL,
	"outcome" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "routing_rule_versions_rule_id_version_pk" PRIMARY KEY("rule_id","version")
);
--> statement-breakpoint
CREATE TABLE "routing_rules" (
	"id" text PRIMARY KEY NOT NULL,
	"position" integer NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"current_version" integer NOT NULL,
	"invalid_since" timestamp with time zone,
	"problems" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "shift_instances" (
	"id" text PRIMARY KEY NOT NULL,
	"team_id" text NOT NULL,
	"label" text NOT NULL,
	"source_kind" text NOT NULL,
	"pattern_id" text,
	"override_id" text,
	"ics_uid" text,
	"ics_recurrence_id" text,
	"local_date" date NOT NULL,
	"local_start" text NOT NULL,
	"local_end" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"member_ids" jsonb NOT NULL,
	"lead_id" text,
	"override_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"generated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "shift_patterns" (
	"id" text PRIMARY KEY NOT NULL,
	"team_id" text NOT NULL,
	"label" text NOT NULL,
	"weekdays" jsonb NOT NULL,
	"start_time" text NOT NULL,
	"end_time" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_until" date,
	"member_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"lead_id" uuid,
	"replaces_id" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "assignments" ADD COLUMN "rule_id" text;--> statement-breakpoint
ALTER TABLE "assignments" ADD COLUMN "rule_version" integer;--> statement-breakpoint
ALTER TABLE "assignments" ADD COLUMN "note" text;--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "kind" text DEFAULT 'other' NOT NULL;--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "coverage" jsonb DEFAULT '{"kind":"windows","windows":[]}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "active" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "calendar_feed_tokens" ADD CONSTRAINT "calendar_feed_tokens_staff_user_id_staff_users_id_fk" FOREIGN KEY ("staff_user_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feed_tokens" ADD CONSTRAINT "calendar_feed_tokens_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feed_tokens" ADD CONSTRAINT "calendar_feed_tokens_created_by_staff_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_overrides" ADD CONSTRAINT "roster_overrides_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_overrides" ADD CONSTRAINT "roster_overrides_pattern_id_shift_patterns_id_fk" FOREIGN KEY ("pattern_id") REFERENCES "public"."shift_patterns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_overrides" ADD CONSTRAINT "roster_overrides_member_id_staff_users_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_overrides" ADD CONSTRAINT "roster_overrides_replacement_id_staff_users_id_fk" FOREIGN KEY ("replacement_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_overrides" ADD CONSTRAINT "roster_overrides_lead_id_staff_users_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_overrides" ADD CONSTRAINT "roster_overrides_created_by_staff_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routing_rule_versions" ADD CONSTRAINT "routing_rule_versions_rule_id_routing_rules_id_fk" FOREIGN KEY ("rule_id") REFERENCES "public"."routing_rules"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routing_rule_versions" ADD CONSTRAINT "routing_rule_versions_created_by_staff_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shift_instances" ADD CONSTRAINT "shift_instances_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shift_patterns" ADD CONSTRAINT "shift_patterns_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shift_patterns" ADD CONSTRAINT "shift_patterns_lead_id_staff_users_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shift_patterns" ADD CONSTRAINT "shift_patterns_replaces_id_shift_patterns_id_fk" FOREIGN KEY ("replaces_id") REFERENCES "public"."shift_patterns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shift_patterns" ADD CONSTRAINT "shift_patterns_created_by_staff_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "areas_gemeente_kind_idx" ON "areas" USING btree ("gemeente_code","kind");--> statement-breakpoint
CREATE INDEX "areas_bbox_idx" ON "areas" USING btree ("min_lat","max_lat","min_lng","max_lng");--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_feed_tokens_hash_uq" ON "calendar_feed_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "calendar_feed_tokens_user_idx" ON "calendar_feed_tokens" USING btree ("staff_user_id");--> statement-breakpoint
CREATE INDEX "roster_overrides_team_date_idx" ON "roster_overrides" USING btree ("team_id","date");--> statement-breakpoint
CREATE INDEX "routing_rules_position_idx" ON "routing_rules" USING btree ("position","id");--> statement-breakpoint
CREATE INDEX "shift_instances_team_starts_idx" ON "shift_instances" USING btree ("team_id","starts_at");--> statement-breakpoint
CREATE INDEX "shift_instances_ends_idx" ON "shift_instances" USING btree ("ends_at");--> statement-breakpoint
CREATE UNIQUE INDEX "shift_instances_pattern_date_uq" ON "shift_instances" USING btree ("pattern_id","local_date") WHERE "shift_instances"."source_kind" = 'pattern';--> statement-breakpoint
CREATE INDEX "shift_patterns_team_idx" ON "shift_patterns" USING btree ("team_id","valid_from");--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_rule_version_fk" FOREIGN KEY ("rule_id","rule_version") REFERENCES "public"."routing_rule_versions"("rule_id","version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teams" ADD CONSTRAINT "teams_fallback_team_id_teams_id_fk" FOREIGN KEY ("fallback_team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assignments_rule_idx" ON "assignments" USING btree ("rule_id","created_at");--> statement-breakpoint
-- A rule version is immutable: assignments point at the version that decided them, so an edit inserts
-- version + 1 and UPDATE and DELETE of a version are refused.
CREATE OR REPLACE FUNCTION buurtsignaal_rule_versions_immutable() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'routing_rule_versions are immutable';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER routing_rule_versions_immutable BEFORE UPDATE OR DELETE ON routing_rule_versions
  FOR EACH ROW EXECUTE FUNCTION buurtsignaal_rule_versions_immutable();
