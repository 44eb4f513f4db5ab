import { randomUUID } from 'node:crypto';
import { outboxTopics } from '@buurtsignaal/core/outbox-topics';
import { desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { meldingen, outbox, stuckJobs } from '../schema.ts';
import { rows, toDate, ts } from '../sql-rows.ts';

// What the worker's reconciliation (apps/worker/src/reconciliation) and the admin's "Vastgelopen taken"
// read and write. The database is the truth about what is done: a melding routed (its assignment), a
// notification with a final delivery record. Redis may have lost or failed the job; this finds the work.
//
// The SQL repeats two formats of @buurtsignaal/jobs (db may not import it): routing keys `event-<id>`
// (routing-worker) and notification keys `ontvangen-<id>` / `status-<id>` (notificationKeys); the
// reconciliation tests fail when they drift.

export type StuckJobKind = 'routing' | 'notification';
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

interface DueRow {
  work_key: string;
  kind: StuckJobKind;
  melding_id: string;
  status_event_id: number | string;
  notification_key: string | null;
  template: NotificationTemplateName | null;
  due_since: Date | string;
  attempts: number | string;
}

const toDueWork = (r: DueRow): DueWork => ({
  workKey: r.work_key,
  kind: r.kind,
  meldingId: r.melding_id,
  statusEventId: Number(r.status_event_id),
  notificationKey: r.notification_key,
  template: r.template,
  dueSince: toDate(r.due_since),
  attempts: Number(r.attempts),
});

/**
 * Work to send on again: meldingen still gemeld/heropend after `dueBefore` (their latest status event is
 * older, and no assignment answers it), and notifications of outbox rows older than `dueBefore` without
 * a final delivery record (sent, failed, skipped) since the last admin retry. Work whose job failed
 * for good (stuck, shown to the admin) is still re-sent up to `maxAttempts` times; work re-sent less
 * than a period ago (`last_attempt_at > dueBefore`) gets time.
 */
export async function findDueWork(
  db: DbOrTx,
  opts: { dueBefore: Date; notificationsSince: Date; limit: number; maxAttempts: number },
): Promise<DueWork[]> {
  const due = ts(opts.dueBefore);
  // Re-sent too often and already shown as stuck: the admin decides. Re-sent too often but not yet
  // marked: returned, so that the pass marks it.
  const waiting = sql`(s.id IS NULL OR ((s.last_attempt_at IS NULL OR s.last_attempt_at <= ${due})
    AND (s.attempts < ${opts.maxAttempts} OR s.state <> 'stuck')))`;
  const routing = await rows<DueRow>(
    db,
    sql`
      SELECT 'routing-' || e.id AS work_key, 'routing' AS kind, m.id AS melding_id, e.id AS status_event_id,
             NULL AS notification_key, NULL AS template, e.created_at AS due_since,
             coalesce(s.attempts, 0) AS attempts
      FROM meldingen m
      CROSS JOIN LATERAL (
        SELECT id, to_status, created_at FROM status_events
        WHERE melding_id = m.id ORDER BY id DESC LIMIT 1
      ) e
      LEFT JOIN stuck_jobs s ON s.work_key = 'routing-' || e.id
      WHERE m.status IN ('gemeld', 'heropend')
        AND e.to_status = m.status
        AND e.created_at <= ${due}
        AND NOT EXISTS (SELECT 1 FROM assignments a WHERE a.routing_key = 'event-' || e.id)
        AND ${waiting}
      ORDER BY e.created_at
      LIMIT ${opts.limit}`,
  );
  const notifications = await rows<DueRow>(
    db,
    sql`
      SELECT 'notify-' || k.notification_key AS work_key, 'notification' AS kind, m.id AS melding_id,
             k.status_event_id, k.notification_key, k.template, o.created_at AS due_since,
             coalesce(s.attempts, 0) AS attempts
      FROM outbox o
      CROSS JOIN LATERAL (
        SELECT (o.payload->>'statusEventId')::bigint AS status_event_id,
               CASE WHEN o.topic = ${outboxTopics.meldingGemeld} THEN 'ontvangen-' ELSE 'status-' END
                 || (o.payload->>'statusEventId') AS notification_key,
               CASE WHEN o.topic = ${outboxTopics.meldingGemeld} THEN 'ontvangen' ELSE 'status_gewijzigd' END
                 AS template
      ) k
      JOIN meldingen m ON m.id = o.aggregate_id
      LEFT JOIN stuck_jobs s ON s.work_key = 'notify-' || k.notification_key
      WHERE o.topic IN (${outboxTopics.meldingGemeld}, ${outboxTopics.statusChanged}, ${outboxTopics.heropend})
        AND o.relayed_at IS NOT NULL
        AND o.created_at >= ${ts(opts.notificationsSince)}
        AND o.created_at <= ${due}
        AND (o.payload->>'statusEventId') ~ '^[0-9]+$'
        AND NOT EXISTS (
          SELECT 1 FROM email_deliveries d
          WHERE d.melding_id = m.id AND d.notification_key = k.notification_key
            AND d.status IN ('sent', 'failed', 'skipped')
            AND d.created_at > coalesce(s.retried_at, '-infinity'::timestamptz)
        )
        AND ${waiting}
      ORDER BY o.created_at
      LIMIT ${opts.limit}`,
  );
  return [...routing, ...notifications].map(toDueWork);
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

export interface StuckJobView {
  id: string;
  kind: StuckJobKind;
  meldingId: string;
  reference: string;
  statusEventId: number;
  template: string | null;
  dueSince: Date;
  stuckAt: Date | null;
  attempts: number;
  lastError: string | null;
  retriedAt: Date | null;
}

const viewColumns = {
  id: stuckJobs.id,
  kind: stuckJobs.kind,
  meldingId: stuckJobs.meldingId,
  reference: meldingen.reference,
  statusEventId: stuckJobs.statusEventId,
  template: stuckJobs.template,
  dueSince: stuckJobs.dueSince,
  stuckAt: stuckJobs.stuckAt,
  attempts: stuckJobs.attempts,
  lastError: stuckJobs.lastError,
  retriedAt: stuckJobs.retriedAt,
};

/** The stuck work, newest first: what the admin sees under "Vastgelopen taken". */
export async function listStuckJobs(db: DbOrTx, limit = 200): Promise<StuckJobView[]> {
  const list = await db
    .select(viewColumns)
    .from(stuckJobs)
    .innerJoin(meldingen, eq(meldingen.id, stuckJobs.meldingId))
    .where(eq(stuckJobs.state, 'stuck'))
    .orderBy(desc(stuckJobs.stuckAt), desc(stuckJobs.id))
    .limit(limit);
  return list.map((r) => ({ ...r, kind: r.kind as StuckJobKind, statusEventId: Number(r.statusEventId) }));
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
  const [row] = await tx
    .insert(outbox)
    .values({ topic: outboxTopics.jobRetry, aggregateId: job.meldingId, payload: opts.payload })
    .returning({ id: outbox.id });
  return Number(row?.id);
}

/** For tests and operators: one row by its work key. */
export async function findStuckJobByWorkKey(db: DbOrTx, workKey: string) {
  const [row] = await db.select().from(stuckJobs).where(eq(stuckJobs.workKey, workKey));
  return row;
}
