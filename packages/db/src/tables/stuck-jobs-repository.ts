import { randomUUID } from 'node:crypto';
import { outboxTopics } from '@buurtsignaal/core/outbox-topics';
import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { stuckJobs } from '../schema.ts';
import { rows, ts } from '../sql-rows.ts';
import { insertOutboxRow } from './outbox-repository.ts';

// The only writer of stuck_jobs: what the worker's reconciliation (apps/worker/src/reconciliation) and
// the admin's "Vastgelopen taken" write (their reads: queries/reconciliation/). The database is the truth about what is done: a melding routed (its assignment), a
// notification with a final delivery record. Redis may have lost or failed the job; this finds the work.
//
// The SQL repeats two formats of @buurtsignaal/jobs (db may not import it): routing keys `event-<id>`
// (routing-worker) and notification keys `ontvangen-<id>` / `status-<id>` (notificationKeys); the
// reconciliation tests fail when they drift.

export type StuckJobKind = 'routing' | 'notification' | 'dispatch';
export type StuckJobState = 'retrying' | 'stuck' | 'resolved';
export type NotificationTemplateName = 'ontvangen' | 'status_gewijzigd';

/** A piece of work that should have been done by now and is not. */
export interface DueWork {
  workKey: string;
  kind: StuckJobKind;
  meldingId: string;
  statusEventId: number;
  /** kind 'notification' only. */
  notificationKey: string | null;
  template: NotificationTemplateName | null;
  /** The time of its status event. */
  dueSince: Date;
  /** Re-sends by reconciliation so far. */
  attempts: number;
}

/** Counts one re-send of `work` by reconciliation (creating its row); the caller then enqueues it. */
export async function recordReconcileAttempt(db: DbOrTx, work: DueWork, at: Date): Promise<number> {
  const [row] = await db
    .insert(stuckJobs)
    .values({
      id: randomUUID(),
      workKey: work.workKey,
      kind: work.kind,
      meldingId: work.meldingId,
      statusEventId: work.statusEventId,
      notificationKey: work.notificationKey,
      template: work.template,
      state: 'retrying',
      attempts: 1,
      dueSince: work.dueSince,
      lastAttemptAt: at,
      createdAt: at,
      updatedAt: at,
    })
    .onConflictDoUpdate({
      target: stuckJobs.workKey,
      set: {
        attempts: sql`${stuckJobs.attempts} + 1`,
        // A failed job's row stays visible to the admin while reconciliation re-sends it.
        state: sql`CASE WHEN ${stuckJobs.state} = 'stuck' THEN 'stuck' ELSE 'retrying' END`,
        lastAttemptAt: at,
        resolvedAt: null,
        updatedAt: at,
      },
    })
    .returning({ attempts: stuckJobs.attempts });
  return Number(row?.attempts ?? 1);
}

export interface StuckWork {
  workKey: string;
  kind: StuckJobKind;
  meldingId: string;
  statusEventId: number;
  notificationKey?: string | null;
  template?: NotificationTemplateName | null;
}

/**
 * Marks the work as stuck, for the admin: reconciliation gave up on it, or its job ended in BullMQ's
 * failed set. `error` must hold no personal data. Nothing is written when the melding or the status
 * event does not exist (a job pointing at nothing has no work to show). Returns whether a row was written.
 */
export async function markWorkStuck(
  db: DbOrTx,
  work: StuckWork,
  opts: { at: Date; error: string; keepEarlierError?: boolean },
): Promise<boolean> {
  // Giving up says less than the error of a job that failed before: keep that one then.
  const lastError = opts.keepEarlierError
    ? sql`coalesce(stuck_jobs.last_error, excluded.last_error)`
    : sql`excluded.last_error`;
  const error = opts.error.slice(0, 500);
  const result = await rows<{ id: string }>(
    db,
    sql`
      INSERT INTO stuck_jobs (id, work_key, kind, melding_id, status_event_id, notification_key, template,
                              state, attempts, due_since, stuck_at, last_error, created_at, updated_at)
      SELECT ${randomUUID()}::uuid, ${work.workKey}, ${work.kind}, m.id, e.id, ${work.notificationKey ?? null},
             ${work.template ?? null}, 'stuck', 0, e.created_at, ${ts(opts.at)}, ${error}, ${ts(opts.at)},
             ${ts(opts.at)}
      FROM meldingen m, status_events e
      WHERE m.id = ${work.meldingId}::uuid AND e.id = ${work.statusEventId}
      ON CONFLICT (work_key) DO UPDATE SET
        state = 'stuck', stuck_at = excluded.stuck_at, last_error = ${lastError},
        resolved_at = NULL, updated_at = excluded.updated_at
      RETURNING id`,
  );
  return result.length > 0;
}

/** `dispatch-<assignment id>-<step>`: one dispatch step's notices (as @buurtsignaal/jobs workKeys.dispatch). */
const dispatchKey = /^dispatch-([0-9a-f-]{36})-(\d+)$/;
export const parseDispatchWorkKey = (workKey: string): { assignmentId: string; step: number } | undefined => {
  const m = dispatchKey.exec(workKey);
  return m?.[1] && m[2] ? { assignmentId: m[1], step: Number(m[2]) } : undefined;
};

/**
 * A dispatch step whose job failed for good (its unsent notices are failed): stuck for the admin, on the
 * melding's newest status event. Nothing is written when the assignment is gone. Returns whether it was.
 */
export async function markDispatchStuck(
  db: DbOrTx,
  work: { workKey: string; assignmentId: string },
  opts: { at: Date; error: string },
): Promise<boolean> {
  const result = await rows<{ id: string }>(
    db,
    sql`
      INSERT INTO stuck_jobs (id, work_key, kind, melding_id, status_event_id, state, attempts, due_since,
                              stuck_at, last_error, created_at, updated_at)
      SELECT ${randomUUID()}::uuid, ${work.workKey}, 'dispatch', a.melding_id,
             (SELECT max(e.id) FROM status_events e WHERE e.melding_id = a.melding_id), 'stuck', 0,
             a.created_at, ${ts(opts.at)}, ${opts.error.slice(0, 500)}, ${ts(opts.at)}, ${ts(opts.at)}
      FROM assignments a WHERE a.id = ${work.assignmentId}::uuid
      ON CONFLICT (work_key) DO UPDATE SET
        state = 'stuck', stuck_at = excluded.stuck_at, last_error = excluded.last_error,
        resolved_at = NULL, updated_at = excluded.updated_at
      RETURNING id`,
  );
  return result.length > 0;
}

/**
 * Closes the rows whose work got done after all (routed, or the mail sent or deliberately skipped), and
 * marks a re-sent notification stuck once it failed for good. Returns how many rows were resolved.
 */
export async function settleReconciledWork(
  db: DbOrTx,
  at: Date,
): Promise<{ resolved: number; stuck: number }> {
  const resolved = await rows<{ id: string }>(
    db,
    sql`
      UPDATE stuck_jobs s SET state = 'resolved', resolved_at = ${ts(at)}, updated_at = ${ts(at)}
      WHERE s.state <> 'resolved' AND (
        (s.kind = 'routing' AND (
          EXISTS (SELECT 1 FROM assignments a WHERE a.routing_key = 'event-' || s.status_event_id)
          OR NOT EXISTS (
            SELECT 1 FROM meldingen m
            WHERE m.id = s.melding_id AND m.status IN ('gemeld', 'heropend')
              AND (SELECT max(e.id) FROM status_events e WHERE e.melding_id = m.id) = s.status_event_id
          )
        ))
        -- A dispatch step: every notice of it sent, or the melding moved on (claimed, rerouted, closed).
        OR (s.kind = 'dispatch' AND (
          NOT EXISTS (
            SELECT 1 FROM dispatch_notices n
            WHERE 'dispatch-' || n.assignment_id || '-' || n.step = s.work_key AND n.status <> 'sent'
          )
          OR NOT EXISTS (SELECT 1 FROM meldingen m WHERE m.id = s.melding_id AND m.status = 'ingedeeld')
        ))
        OR (s.kind = 'notification' AND EXISTS (
          SELECT 1 FROM email_deliveries d
          WHERE d.melding_id = s.melding_id AND d.notification_key = s.notification_key
            AND d.status IN ('sent', 'skipped')
        ))
      )
      RETURNING s.id`,
  );
  const stuck = await rows<{ id: string }>(
    db,
    sql`
      UPDATE stuck_jobs s SET state = 'stuck', stuck_at = ${ts(at)}, updated_at = ${ts(at)},
             last_error = coalesce((
               SELECT d.error FROM email_deliveries d
               WHERE d.melding_id = s.melding_id AND d.notification_key = s.notification_key
                 AND d.status = 'failed'
               ORDER BY d.id DESC LIMIT 1
             ), s.last_error)
      WHERE s.state = 'retrying' AND s.kind = 'notification' AND EXISTS (
        SELECT 1 FROM email_deliveries d
        WHERE d.melding_id = s.melding_id AND d.notification_key = s.notification_key
          AND d.status = 'failed' AND d.created_at > coalesce(s.retried_at, '-infinity'::timestamptz)
      )
      RETURNING s.id`,
  );
  return { resolved: resolved.length, stuck: stuck.length };
}

export interface StuckJobRow {
  id: string;
  workKey: string;
  kind: StuckJobKind;
  meldingId: string;
  statusEventId: number;
  notificationKey: string | null;
  template: NotificationTemplateName | null;
  state: StuckJobState;
  attempts: number;
}

/** Reads and locks one row until the transaction ends (two admins retrying at once: one wins). */
export async function lockStuckJob(tx: DbOrTx, id: string): Promise<StuckJobRow | undefined> {
  const [row] = await tx
    .select({
      id: stuckJobs.id,
      workKey: stuckJobs.workKey,
      kind: stuckJobs.kind,
      meldingId: stuckJobs.meldingId,
      statusEventId: stuckJobs.statusEventId,
      notificationKey: stuckJobs.notificationKey,
      template: stuckJobs.template,
      state: stuckJobs.state,
      attempts: stuckJobs.attempts,
    })
    .from(stuckJobs)
    .where(eq(stuckJobs.id, id))
    .for('update');
  if (!row) return undefined;
  return {
    ...row,
    kind: row.kind as StuckJobKind,
    state: row.state as StuckJobState,
    template: row.template as NotificationTemplateName | null,
    statusEventId: Number(row.statusEventId),
  };
}

/**
 * The admin's retry, inside the caller's transaction: the row goes back to 'retrying' (reconciliation
 * watches it again, with fresh attempts) and a `job.retry` outbox row asks the worker to send the work
 * on. The caller pokes the outbox notifier after the commit. Returns the outbox row id.
 */
export async function requestStuckJobRetry(
  tx: DbOrTx,
  job: StuckJobRow,
  opts: { at: Date; byUserId: string; payload: Record<string, unknown> },
): Promise<number> {
  await tx
    .update(stuckJobs)
    .set({
      state: 'retrying',
      attempts: 0,
      lastAttemptAt: opts.at,
      retriedAt: opts.at,
      retriedBy: opts.byUserId,
      updatedAt: opts.at,
    })
    .where(eq(stuckJobs.id, job.id));
  return insertOutboxRow(tx, {
    topic: outboxTopics.jobRetry,
    aggregateId: job.meldingId,
    payload: opts.payload,
  });
}

/** For tests and operators: one row by its work key. */
export async function findStuckJobByWorkKey(db: DbOrTx, workKey: string) {
  const [row] = await db.select().from(stuckJobs).where(eq(stuckJobs.workKey, workKey));
  return row;
}
