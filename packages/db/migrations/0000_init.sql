CREATE SEQUENCE "public"."melding_reference_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "assignments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"melding_id" uuid NOT NULL,
	"routing_key" text NOT NULL,
	"team_id" text NOT NULL,
	"priority" text NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "attachments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"melding_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "email_deliveries" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "email_deliveries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"melding_id" uuid NOT NULL,
	"notification_key" text NOT NULL,
	"template" text NOT NULL,
	"to_address" text,
	"attempt" integer NOT NULL,
	"status" text NOT NULL,
	"smtp_response" text,
	"error" text,
	"message_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"key" text PRIMARY KEY NOT NULL,
	"request_hash" text NOT NULL,
	"state" text NOT NULL,
	"response_status" integer,
	"response_body" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "melders" (
	"id" uuid PRIMARY KEY NOT NULL,
	"melding_id" uuid NOT NULL,
	"email" text,
	"phone" text,
	"wants_feedback" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"anonymised_at" timestamp with time zone,
	CONSTRAINT "melders_melding_id_unique" UNIQUE("melding_id")
);
--> statement-breakpoint
CREATE TABLE "meldingen" (
	"id" uuid PRIMARY KEY NOT NULL,
	"reference" text NOT NULL,
	"category" text NOT NULL,
	"subcategory" text,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"description" text NOT NULL,
	"occurred_at" timestamp with time zone,
	"lat" double precision NOT NULL,
	"lng" double precision NOT NULL,
	"accuracy" real,
	"address_text" text,
	"wijk_code" text,
	"h3_r7" text NOT NULL,
	"h3_r8" text NOT NULL,
	"h3_r9" text NOT NULL,
	"h3_r10" text NOT NULL,
	"status" text DEFAULT 'gemeld' NOT NULL,
	"team_id" text,
	"priority" text,
	"status_token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "outbox_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"topic" text NOT NULL,
	"aggregate_id" uuid NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"available_at" timestamp with time zone DEFAULT now() NOT NULL,
	"relayed_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text
);
--> statement-breakpoint
CREATE TABLE "status_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "status_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"melding_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"actor" text NOT NULL,
	"internal_note" text,
	"public_message" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "teams" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"fallback_team_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_melding_id_meldingen_id_fk" FOREIGN KEY ("melding_id") REFERENCES "public"."meldingen"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_melding_id_meldingen_id_fk" FOREIGN KEY ("melding_id") REFERENCES "public"."meldingen"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_deliveries" ADD CONSTRAINT "email_deliveries_melding_id_meldingen_id_fk" FOREIGN KEY ("melding_id") REFERENCES "public"."meldingen"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "melders" ADD CONSTRAINT "melders_melding_id_meldingen_id_fk" FOREIGN KEY ("melding_id") REFERENCES "public"."meldingen"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meldingen" ADD CONSTRAINT "meldingen_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "status_events" ADD CONSTRAINT "status_events_melding_id_meldingen_id_fk" FOREIGN KEY ("melding_id") REFERENCES "public"."meldingen"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "assignments_routing_key_uq" ON "assignments" USING btree ("routing_key");--> statement-breakpoint
CREATE INDEX "assignments_melding_idx" ON "assignments" USING btree ("melding_id");--> statement-breakpoint
CREATE UNIQUE INDEX "attachments_melding_position_uq" ON "attachments" USING btree ("melding_id","position");--> statement-breakpoint
CREATE INDEX "email_deliveries_melding_idx" ON "email_deliveries" USING btree ("melding_id");--> statement-breakpoint
CREATE UNIQUE INDEX "email_deliveries_sent_uq" ON "email_deliveries" USING btree ("notification_key") WHERE "email_deliveries"."status" = 'sent';--> statement-breakpoint
CREATE UNIQUE INDEX "meldingen_reference_uq" ON "meldingen" USING btree ("reference");--> statement-breakpoint
CREATE UNIQUE INDEX "meldingen_status_token_hash_uq" ON "meldingen" USING btree ("status_token_hash");--> statement-breakpoint
CREATE INDEX "meldingen_team_status_idx" ON "meldingen" USING btree ("team_id","status");--> statement-breakpoint
CREATE INDEX "meldingen_category_created_idx" ON "meldingen" USING btree ("category","created_at");--> statement-breakpoint
CREATE INDEX "outbox_pending_idx" ON "outbox" USING btree ("available_at","id") WHERE "outbox"."relayed_at" is null;--> statement-breakpoint
CREATE INDEX "status_events_melding_idx" ON "status_events" USING btree ("melding_id","id");