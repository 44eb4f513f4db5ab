import { findDueWork } from '@buurtsignaal/db/queries/reconciliation/due-work';
import * as schema from '@buurtsignaal/db/schema';
import { recordNotificationSkipped } from '@buurtsignaal/db/tables/email-deliveries-repository';
import {
  findStuckJobByWorkKey,
  recordReconcileAttempt,
  settleReconciledWork,
} from '@buurtsignaal/db/tables/stuck-jobs-repository';
import { notificationKeys, workKeys } from '@buurtsignaal/jobs';
import { createTestPglite, waitUntil } from '@buurtsignaal/testkit';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { insertMelding, meldingRow } from '../support/helpers.ts';
import { afterMorePasses, useReconcilingWorker } from './reconciliation-support.ts';

describe('reconciliation of lost work', () => {
  const w = useReconcilingWorker('worker-reconcile-lost');

  /** A status change whose outbox row was relayed but whose job never reached Redis (lost). */
  async function lostStatusChange(meldingId: string, to: string): Promise<number> {
    return w.db.transaction(async (tx) => {
      await tx.update(schema.meldingen).set({ status: to }).where(eq(schema.meldingen.id, meldingId));
      const [event] = await tx
        .insert(schema.statusEvents)
        .values({ meldingId, fromStatus: 'ingedeeld', toStatus: to, actor: 'staff:test-officer' })
        .returning({ id: schema.statusEvents.id });
      const statusEventId = Number(event?.id);
      await tx.insert(schema.outbox).values({
        topic: 'melding.status_changed',
        aggregateId: meldingId,
        payload: { meldingId, statusEventId },
        relayedAt: new Date(),
      });
      return statusEventId;
    });
  }

  it('sends a lost terugkoppeling exactly once, and records a skip for a melder without address', async () => {
    const db = w.db;
    const withMail = await insertMelding(db, { melder: { email: 'kwijt@example.nl', wantsFeedback: true } });
    const anonymous = await insertMelding(db);
    for (const m of [withMail, anonymous]) {
      await waitUntil(async () => (await meldingRow(db, m.meldingId))?.status === 'ingedeeld');
    }
    await waitUntil(() => w.sink.received.length === 1, { what: 'the ontvangen mail' });
    const mailed = await lostStatusChange(withMail.meldingId, 'in_behandeling');
    const skipped = await lostStatusChange(anonymous.meldingId, 'in_behandeling');

    await waitUntil(() => w.sink.received.length === 2, { what: 'the lost terugkoppeling' });
    const mailedKey = workKeys.notification(notificationKeys.statusGewijzigd(mailed));
    const skippedKey = workKeys.notification(notificationKeys.statusGewijzigd(skipped));
    await waitUntil(async () => (await findStuckJobByWorkKey(db, skippedKey))?.state === 'resolved', {
      what: 'the skip to settle the anonymous one',
    });
    await waitUntil(async () => (await findStuckJobByWorkKey(db, mailedKey))?.state === 'resolved');
    const skips = await db
      .select()
      .from(schema.emailDeliveries)
      .where(
        and(
          eq(schema.emailDeliveries.meldingId, anonymous.meldingId),
          eq(schema.emailDeliveries.status, 'skipped'),
        ),
      );
    expect(skips.map((s) => [s.notificationKey, s.error])).toEqual([
      [notificationKeys.ontvangen(anonymous.statusEventId), 'no_recipient'],
      [notificationKeys.statusGewijzigd(skipped), 'no_recipient'],
    ]);
    await afterMorePasses(w.inspector, 3);
    expect(w.sink.received).toHaveLength(2);
    for (const key of [mailedKey, skippedKey]) {
      expect(await findStuckJobByWorkKey(db, key)).toMatchObject({ state: 'resolved', attempts: 1 });
    }
  });
});

describe('reconciliation on the embedded PGlite', () => {
  it('finds an unrouted melding and a notification without a final record, and settles them', async () => {
    const database = await createTestPglite();
    try {
      const db = database.db;
      const m = await insertMelding(db, { melder: { email: 'pglite@example.nl', wantsFeedback: true } });
      await db
        .update(schema.outbox)
        .set({ relayedAt: new Date() })
        .where(eq(schema.outbox.aggregateId, m.meldingId));
      const later = new Date(Date.now() + 60_000);
      const due = await findDueWork(db, {
        dueBefore: later,
        notificationsSince: new Date(0),
        limit: 10,
        maxAttempts: 3,
      });
      expect(due.map((d) => d.workKey).sort()).toEqual(
        [
          workKeys.routing(m.statusEventId),
          workKeys.notification(notificationKeys.ontvangen(m.statusEventId)),
        ].sort(),
      );
      for (const work of due) expect(await recordReconcileAttempt(db, work, later)).toBe(1);
      await recordNotificationSkipped(db, {
        meldingId: m.meldingId,
        notificationKey: notificationKeys.ontvangen(m.statusEventId),
        template: 'ontvangen',
        reason: 'no_recipient',
      });
      expect(await settleReconciledWork(db, later)).toEqual({ resolved: 1, stuck: 0 });
    } finally {
      await database.close();
    }
  });
});
