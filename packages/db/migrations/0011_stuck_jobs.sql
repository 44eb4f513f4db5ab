CREATE TABLE "stuck_jobs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"work_key" text NOT NULL,
	"kind" text NOT NULL,
	"melding_id" uuid NOT NULL,
	"status_event_id" bigint NOT NULL,
	"notification_key" text,
	"template" text,
	"state" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"due_since" timestamp with time zone NOT NULL,
	"last_attempt_at" timestamp with time zone,
	"stuck_at" timestamp with time zone,
	"last_error" text,
	"resolved_at" timestamp with time zone,
	"retried_at" timestamp with time zone,
	"retried_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "stuck_jobs" ADD CONSTRAINT "stuck_jobs_retried_by_staff_users_id_fk" FOREIGN KEY ("retried_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "stuck_jobs_work_key_uq" ON "stuck_jobs" USING btree ("work_key");--> statement-breakpoint
CREATE INDEX "stuck_jobs_open_idx" ON "stuck_jobs" USING btree ("state","stuck_at") WHERE "stuck_jobs"."state" <> 'resolved';--> statement-breakpoint
CREATE INDEX "meldingen_unrouted_idx" ON "meldingen" USING btree ("updated_at") WHERE "meldingen"."status" in ('gemeld', 'heropend');--> statement-breakpoint
CREATE INDEX "outbox_created_idx" ON "outbox" USING btree ("created_at");