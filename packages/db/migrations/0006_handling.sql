CREATE TABLE "internal_notes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"melding_id" uuid NOT NULL,
	"author_user_id" uuid NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "melder_feedback" (
	"id" uuid PRIMARY KEY NOT NULL,
	"melding_id" uuid NOT NULL,
	"status_event_id" bigint NOT NULL,
	"solved" boolean NOT NULL,
	"explanation" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "standard_texts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"category" text,
	"status" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "meldingen" ADD COLUMN "assigned_user_id" uuid;--> statement-breakpoint
ALTER TABLE "meldingen" ADD COLUMN "claimed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "meldingen" ADD COLUMN "duplicate_of" uuid;--> statement-breakpoint
ALTER TABLE "meldingen" ADD COLUMN "reopen_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "meldingen" ADD COLUMN "coordinator_attention_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "status_events" ADD COLUMN "forwarded_to" text;--> statement-breakpoint
ALTER TABLE "status_events" ADD COLUMN "reason" text;--> statement-breakpoint
ALTER TABLE "internal_notes" ADD CONSTRAINT "internal_notes_melding_id_meldingen_id_fk" FOREIGN KEY ("melding_id") REFERENCES "public"."meldingen"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internal_notes" ADD CONSTRAINT "internal_notes_author_user_id_staff_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "melder_feedback" ADD CONSTRAINT "melder_feedback_melding_id_meldingen_id_fk" FOREIGN KEY ("melding_id") REFERENCES "public"."meldingen"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "melder_feedback" ADD CONSTRAINT "melder_feedback_status_event_id_status_events_id_fk" FOREIGN KEY ("status_event_id") REFERENCES "public"."status_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "standard_texts" ADD CONSTRAINT "standard_texts_created_by_staff_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "internal_notes_melding_idx" ON "internal_notes" USING btree ("melding_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "melder_feedback_event_uq" ON "melder_feedback" USING btree ("status_event_id");--> statement-breakpoint
CREATE INDEX "standard_texts_status_idx" ON "standard_texts" USING btree ("status","category");--> statement-breakpoint
ALTER TABLE "meldingen" ADD CONSTRAINT "meldingen_assigned_user_id_staff_users_id_fk" FOREIGN KEY ("assigned_user_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meldingen" ADD CONSTRAINT "meldingen_duplicate_of_meldingen_id_fk" FOREIGN KEY ("duplicate_of") REFERENCES "public"."meldingen"("id") ON DELETE no action ON UPDATE no action;