CREATE TABLE "staff_login_throttle" (
	"account_key" text NOT NULL,
	"source_key" text NOT NULL,
	"failures" integer NOT NULL,
	"last_failure_at" timestamp with time zone NOT NULL,
	CONSTRAINT "staff_login_throttle_account_key_source_key_pk" PRIMARY KEY("account_key","source_key")
);
--> statement-breakpoint
ALTER TABLE "staff_users" ADD COLUMN "failed_logins_since" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "staff_users" ADD COLUMN "last_totp_step" bigint;--> statement-breakpoint
CREATE INDEX "staff_login_throttle_last_idx" ON "staff_login_throttle" USING btree ("last_failure_at");--> statement-breakpoint
-- The 15-minute lock is gone: anyone could lock out an officer with it (staff/login-throttle.ts).
ALTER TABLE "staff_users" DROP COLUMN "locked_until";
