import { outboxTopics } from '@buurtsignaal/core/outbox-topics';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../client.ts';
import { rows, toDate, ts } from '../../sql-rows.ts';
import type { DueWork, NotificationTemplateName, StuckJobKind } from '../../tables/stuck-jobs-repository.ts';

// Reconciliation's question: which work should have been done by now and is not. The SQL repeats two
// formats of @buurtsignaal/jobs (see tables/stuck-jobs-repository.ts).

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
