DROP INDEX "email_deliveries_sent_uq";--> statement-breakpoint
ALTER TABLE "email_deliveries" ADD COLUMN "lease_until" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "email_deliveries_open_uq" ON "email_deliveries" USING btree ("notification_key") WHERE "email_deliveries"."status" in ('sending', 'sent');