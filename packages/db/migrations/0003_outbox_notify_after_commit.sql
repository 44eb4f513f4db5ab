-- The NOTIFY moves from a trigger to the writer, after its commit (see packages/db/src/outbox-notifier.ts):
-- a notifying transaction holds a database-wide lock through its commit, which serialised all intakes.
DROP TRIGGER IF EXISTS outbox_notify ON outbox;
--> statement-breakpoint
DROP FUNCTION IF EXISTS buurtsignaal_outbox_notify();
