CREATE TABLE "hotspot_notifications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"hotspot_id" uuid NOT NULL,
	"team_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hotspot_rules" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"category" text,
	"subcategory" text,
	"resolution" smallint NOT NULL,
	"min_count" integer NOT NULL,
	"window_days" integer NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hotspots" (
	"id" uuid PRIMARY KEY NOT NULL,
	"rule_id" uuid NOT NULL,
	"cell" text NOT NULL,
	"resolution" smallint NOT NULL,
	"wijk_code" text,
	"since" timestamp with time zone NOT NULL,
	"last_count" integer NOT NULL,
	"last_checked_at" timestamp with time zone NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"ended_at" timestamp with time zone,
	"notified_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "meldingen" ADD COLUMN "happened_at" timestamp with time zone GENERATED ALWAYS AS (coalesce(occurred_at, created_at)) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "hotspot_notifications" ADD CONSTRAINT "hotspot_notifications_hotspot_id_hotspots_id_fk" FOREIGN KEY ("hotspot_id") REFERENCES "public"."hotspots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hotspot_notifications" ADD CONSTRAINT "hotspot_notifications_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hotspot_rules" ADD CONSTRAINT "hotspot_rules_created_by_staff_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hotspots" ADD CONSTRAINT "hotspots_rule_id_hotspot_rules_id_fk" FOREIGN KEY ("rule_id") REFERENCES "public"."hotspot_rules"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "hotspot_notifications_hotspot_team_uq" ON "hotspot_notifications" USING btree ("hotspot_id","team_id");--> statement-breakpoint
CREATE INDEX "hotspot_notifications_team_idx" ON "hotspot_notifications" USING btree ("team_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "hotspots_rule_cell_active_uq" ON "hotspots" USING btree ("rule_id","cell") WHERE "hotspots"."active";--> statement-breakpoint
CREATE INDEX "hotspots_active_since_idx" ON "hotspots" USING btree ("active","since");--> statement-breakpoint
-- Hand-written (drizzle-kit cannot express INCLUDE): the hotspot map aggregates one category over a
-- period in a viewport; with the cells in the index that is an index-only scan (BENCHMARKS.md).
CREATE INDEX "meldingen_hotspot_category_idx" ON "meldingen" USING btree ("category","happened_at") INCLUDE ("status","subcategory","h3_r7","h3_r8","h3_r9","h3_r10");
