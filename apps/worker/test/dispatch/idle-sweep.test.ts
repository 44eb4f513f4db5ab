import { randomUUID } from 'node:crypto';
import { schema } from '@buurtsignaal/db';
import { listAssignmentsForMelding } from '@buurtsignaal/db/tables/assignments-repository';
import { insertInternalNote } from '@buurtsignaal/db/tables/internal-notes-repository';
import { claimPendingOutbox, markOutboxRelayed } from '@buurtsignaal/db/tables/outbox-repository';
import { testRedisPrefix } from '@buurtsignaal/testkit';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runIdleSweep } from '../../src/dispatch/idle-sweep.ts';
import { publishOutboxRow } from '../../src/outbox/outbox-jobs.ts';
import { jobIds } from '../../src/queues.ts';
import { mailFrom, publicBaseUrl, silentLogger } from '../support/helpers.ts';
import { at, createDispatchWorld, type DispatchWorld, staff } from './dispatch-world.ts';

// Claimed but idle: a melding in_behandeling without any action reminds its officer after an hour
// (console notice and a mail), and after two hours goes back to the team's queue (unclaimed,
// ingedeeld, a status event on the timeline) and is dispatched again as a new assignment.

const TUESDAY = '2026-06-02';

describe('idle sweep', () => {
  let w: DispatchWorld;
  beforeAll(async () => {
    w = await createDispatchWorld(testRedisPrefix('worker-dispatch-idle'));
  });
  afterAll(async () => {
    await w?.close();
  });

  const sweep = (t: Date) => {
    w.setClock(t);
    return runIdleSweep({
      db: w.db,
      now: () => t,
      mailer: w.deps().mailer,
      mailFrom,
      publicBaseUrl,
      logger: silentLogger,
      reminderMinutes: 60,
      returnMinutes: 120,
    });
  };
  const reminders = (reference: string) =>
    w.sink.received.filter((m) => m.parsed.subject?.startsWith(`Herinnering: ${reference}`));
  const meldingRow = async (id: string) => {
    const [row] = await w.db.select().from(schema.meldingen).where(eq(schema.meldingen.id, id));
    return row;
  };
  /** What the outbox relay does for this melding's rows. */
  const relay = async (meldingId: string) => {
    const rows = await w.db.transaction(async (tx) => {
      const pending = (await claimPendingOutbox(tx, 100)).filter((r) => r.aggregateId === meldingId);
      for (const r of pending) await publishOutboxRow(w.queues, r);
      await markOutboxRelayed(
        tx,
        pending.map((r) => r.id),
        new Date(),
      );
      return pending;
    });
    return rows;
  };

  it('reminds the officer once after an hour without action, then returns the melding to the team', async () => {
    const job = await w.assign({ teamId: 'boa-team', priority: 'hoog', now: at(TUESDAY, '15:00') });
    await w.completed('boa-team', jobIds.roster(job.assignmentId));
    await w.claim(job.meldingId, staff.vries.id, at(TUESDAY, '15:02'));

    expect(await sweep(at(TUESDAY, '15:30'))).toEqual({ reminded: 0, returned: 0 });
    // A note is an action: the hour starts again from it.
    await insertInternalNote(w.db, {
      id: randomUUID(),
      meldingId: job.meldingId,
      authorUserId: staff.vries.id,
      body: 'Ter plaatse geweest',
      at: at(TUESDAY, '15:40'),
    });
    expect(await sweep(at(TUESDAY, '16:39'))).toEqual({ reminded: 0, returned: 0 });

    expect(await sweep(at(TUESDAY, '16:41'))).toEqual({ reminded: 1, returned: 0 });
    // Twice: nothing new.
    expect(await sweep(at(TUESDAY, '16:45'))).toEqual({ reminded: 0, returned: 0 });
    const notices = (await w.notices(job.meldingId)).filter((n) => n.step < 0);
    expect(notices).toEqual([
      { step: -1, user: 'M. de Vries', channel: 'console', status: 'sent' },
      { step: -1, user: 'M. de Vries', channel: 'email', status: 'sent' },
    ]);
    const mails = reminders(job.reference);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.envelopeTo).toEqual([`${staff.vries.id}@soest.test`]);
    expect(mails[0]?.parsed.text).toContain('sinds 15:40 niets mee gedaan');
    expect(mails[0]?.parsed.text).toContain('om 17:40 terug naar de wachtrij');
    expect((await meldingRow(job.meldingId))?.status).toBe('in_behandeling');

    // Two hours after the note: back to the team's queue, once.
    expect(await sweep(at(TUESDAY, '17:41'))).toEqual({ reminded: 0, returned: 1 });
    expect(await sweep(at(TUESDAY, '17:42'))).toEqual({ reminded: 0, returned: 0 });
    const row = await meldingRow(job.meldingId);
    expect(row).toMatchObject({
      status: 'ingedeeld',
      assignedUserId: null,
      claimedAt: null,
      teamId: 'boa-team',
    });
    const events = await w.db
      .select()
      .from(schema.statusEvents)
      .where(eq(schema.statusEvents.meldingId, job.meldingId))
      .orderBy(asc(schema.statusEvents.id));
    expect(events.at(-1)).toMatchObject({
      fromStatus: 'in_behandeling',
      toStatus: 'ingedeeld',
      actor: 'systeem',
    });
    expect(events.at(-1)?.internalNote).toContain('Terug in de wachtrij');

    // A new assignment, on the team's roster queue through the outbox: the boa's on duty are told again.
    const assignments = await listAssignmentsForMelding(w.db, job.meldingId);
    expect(assignments).toHaveLength(2);
    const fresh = assignments[1];
    expect(fresh).toMatchObject({ teamId: 'boa-team', priority: 'hoog' });
    expect((await relay(job.meldingId)).map((r) => r.topic)).toEqual(['melding.rerouted']);
    const told = await w.completed('boa-team', jobIds.roster(fresh?.id ?? ''));
    expect(told).toMatchObject({ kind: 'notified', step: 0 });
    const again = (await listNotices(w, job.meldingId, fresh?.id ?? '')).sort();
    expect(again).toEqual([
      'J. Bakker/console',
      'J. Bakker/email',
      'M. de Vries/console',
      'M. de Vries/email',
    ]);
  });

  it('keeps the claim of an officer who acts: a status change counts as an action', async () => {
    const job = await w.assign({ teamId: 'boa-team', priority: 'normaal', now: at(TUESDAY, '08:00') });
    await w.completed('boa-team', jobIds.roster(job.assignmentId));
    await w.claim(job.meldingId, staff.bakker.id, at(TUESDAY, '08:05'));
    const { appendStatusEvent } = await import('@buurtsignaal/db/tables/status-events-repository');
    await appendStatusEvent(w.db, {
      meldingId: job.meldingId,
      fromStatus: 'ingedeeld',
      toStatus: 'in_behandeling',
      actor: `staff:${staff.bakker.id}`,
      at: at(TUESDAY, '09:30'),
    });
    expect(await sweep(at(TUESDAY, '10:20'))).toEqual({ reminded: 0, returned: 0 });
    expect((await meldingRow(job.meldingId))?.assignedUserId).toBe(staff.bakker.id);
  });
});

async function listNotices(w: DispatchWorld, meldingId: string, assignmentId: string): Promise<string[]> {
  const { listNoticesForMelding } = await import('@buurtsignaal/db/tables/dispatch-notices-repository');
  const names = new Map<string, string>(Object.values(staff).map((s) => [s.id, s.name]));
  return (await listNoticesForMelding(w.db, meldingId))
    .filter((n) => n.assignmentId === assignmentId)
    .map((n) => `${names.get(n.userId)}/${n.channel}`);
}
