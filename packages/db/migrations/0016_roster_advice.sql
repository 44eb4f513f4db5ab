CREATE TABLE "patrol_tasks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"decision_id" uuid NOT NULL,
	"team_id" text NOT NULL,
	"cell" text NOT NULL,
	"lat" double precision NOT NULL,
	"lng" double precision NOT NULL,
	"place_label" text NOT NULL,
	"planned_at" timestamp with time zone NOT NULL,
	"minutes" integer NOT NULL,
	"visited_at" timestamp with time zone,
	"visited_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "roster_advice_decisions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"team_id" text NOT NULL,
	"week" text NOT NULL,
	"proposal_id" text NOT NULL,
	"kind" text NOT NULL,
	"decision" text NOT NULL,
	"proposal" jsonb NOT NULL,
	"override_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"reason" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone NOT NULL,
	CONSTRAINT "roster_advice_decisions_kind_ck" CHECK ("roster_advice_decisions"."kind" in ('patrol', 'roster')),
	CONSTRAINT "roster_advice_decisions_decision_ck" CHECK ("roster_advice_decisions"."decision" in ('accepted', 'rejected'))
);
--> statement-breakpoint
ALTER TABLE "meldingen" ADD COLUMN "origin" text DEFAULT 'resident' NOT NULL;--> statement-breakpoint
ALTER TABLE "patrol_tasks" ADD CONSTRAINT "patrol_tasks_decision_id_roster_advice_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."roster_advice_decisions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_tasks" ADD CONSTRAINT "patrol_tasks_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_tasks" ADD CONSTRAINT "patrol_tasks_visited_by_staff_users_id_fk" FOREIGN KEY ("visited_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_advice_decisions" ADD CONSTRAINT "roster_advice_decisions_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_advice_decisions" ADD CONSTRAINT "roster_advice_decisions_decided_by_staff_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "patrol_tasks_team_planned_idx" ON "patrol_tasks" USING btree ("team_id","planned_at");--> statement-breakpoint
CREATE UNIQUE INDEX "roster_advice_decisions_proposal_uq" ON "roster_advice_decisions" USING btree ("team_id","week","proposal_id");