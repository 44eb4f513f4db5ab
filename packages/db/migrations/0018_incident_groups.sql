CREATE TABLE "incident_group_members" (
	"melding_id" uuid PRIMARY KEY NOT NULL,
	"group_id" uuid NOT NULL,
	"added_by" text NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incident_groups" (
	"id" uuid PRIMARY KEY NOT NULL,
	"primary_melding_id" uuid NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "incident_groups_primary_melding_id_unique" UNIQUE("primary_melding_id")
);
--> statement-breakpoint
ALTER TABLE "incident_group_members" ADD CONSTRAINT "incident_group_members_melding_id_meldingen_id_fk" FOREIGN KEY ("melding_id") REFERENCES "public"."meldingen"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_group_members" ADD CONSTRAINT "incident_group_members_group_id_incident_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."incident_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_groups" ADD CONSTRAINT "incident_groups_primary_melding_id_meldingen_id_fk" FOREIGN KEY ("primary_melding_id") REFERENCES "public"."meldingen"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "incident_group_members_group_idx" ON "incident_group_members" USING btree ("group_id");