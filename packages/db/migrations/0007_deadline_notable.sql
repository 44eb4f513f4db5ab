ALTER TABLE "meldingen" ADD COLUMN "deadline_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "meldingen" ADD COLUMN "notable_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "meldingen" ADD COLUMN "notable_by" uuid;--> statement-breakpoint
ALTER TABLE "meldingen" ADD COLUMN "notable_reason" text;--> statement-breakpoint
ALTER TABLE "meldingen" ADD CONSTRAINT "meldingen_notable_by_staff_users_id_fk" FOREIGN KEY ("notable_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;