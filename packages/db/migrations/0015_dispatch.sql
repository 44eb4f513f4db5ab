CREATE TABLE "dispatch_notices" (
	"id" uuid PRIMARY KEY NOT NULL,
	"assignment_id" uuid NOT NULL,
	"melding_id" uuid NOT NULL,
	"step" integer NOT NULL,
	"user_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"reason" text NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "assignments" ADD COLUMN "unanswered_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "escalation_policy" jsonb;--> statement-breakpoint
ALTER TABLE "dispatch_notices" ADD CONSTRAINT "dispatch_notices_assignment_id_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatch_notices" ADD CONSTRAINT "dispatch_notices_melding_id_meldingen_id_fk" FOREIGN KEY ("melding_id") REFERENCES "public"."meldingen"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatch_notices" ADD CONSTRAINT "dispatch_notices_user_id_staff_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "dispatch_notices_key_uq" ON "dispatch_notices" USING btree ("assignment_id","step","user_id","channel");--> statement-breakpoint
CREATE INDEX "dispatch_notices_melding_idx" ON "dispatch_notices" USING btree ("melding_id","created_at");