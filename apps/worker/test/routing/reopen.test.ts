import { type Db, notifyOutbox, SecretBox } from '@buurtsignaal/db';
import { listAssignmentsForMelding } from '@buurtsignaal/db/tables/assignments-repository';
import { appendMelderStatusChange } from '@buurtsignaal/db/tables/meldingen-repository';
import { testRedisPrefix, waitUntil } from '@buurtsignaal/testkit';
import { describe, expect, it } from 'vitest';
import { routeMelding } from '../../src/routing/routing-worker.ts';
import {
  insertMelding,
  insertStatusChange,
  meldingRow,
  publicBaseUrl,
  silentLogger,
  statusEventsOf,
} from '../support/helpers.ts';
import { useWorkerHarness } from '../support/worker-harness.ts';

/**
 * What the API writes when the melder acts on the status page (apps/api status/melder-actions-service):
 * the same repository function, in one transaction, then the wake-up after the commit.
 */
async function melderChange(
  db: Db,
  meldingId: string,
  change: { from: string; to: string; message: string; topic: 'melding.status_changed' | 'melding.heropend' },
): Promise<number> {
  const statusEventId = await db.transaction((tx) =>
    appendMelderStatusChange(tx, {
      meldingId,
      fromStatus: change.from,
      toStatus: change.to,
      publicMessage: change.message,
      topic: change.topic,
      reopen: change.to === 'heropend',
      at: new Date(),
    }),
  );
  await notifyOutbox(db);
  return statusEventId;
}

describe('the melder reopens a melding: routed to the team again, and told so', () => {
  const statusLinkBox = new SecretBox(Buffer.alloc(32, 7));
  const world = useWorkerHarness(testRedisPrefix('worker-reopen'), {
    statusLinkBox,
    retry: { notifications: { attempts: 3, backoffMs: 100 }, routing: { attempts: 3, backoffMs: 100 } },
  });

  const db = () => world.db;
  const mailsTo = (address: string) => world.sink.received.filter((m) => m.envelopeTo.includes(address));
  const rosterJobsOf = async (meldingId: string) =>
    (await world.inspector.roster('boa-team').getJobs(['waiting', 'delayed', 'active', 'completed'])).filter(
      (j) => j.data.meldingId === meldingId,
    );
  const finishedNotification = async (statusEventId: number) => {
    const job = await waitUntil(
      () => world.inspector.queue('notifications').getJob(`notify-status-${statusEventId}`),
      { what: 'the notification job' },
    );
    await waitUntil(async () => ['completed', 'failed'].includes(await job.getState()), {
      what: 'the notification job to finish',
    });
    return world.inspector.queue('notifications').getJob(job.id ?? '');
  };

  it('heropend → ingedeeld with a second assignment, on the roster queue again, and the melder mailed', async () => {
    const address = 'heropend@example.nl';
    const m = await insertMelding(db(), {
      melder: { email: address, wantsFeedback: true },
      statusLinkBox,
    });
    // Intake: routed once and confirmed.
    await waitUntil(async () => (await meldingRow(db(), m.meldingId))?.status === 'ingedeeld', {
      what: 'the first routing',
    });
    await insertStatusChange(db(), m.meldingId, { from: 'ingedeeld', to: 'in_behandeling' });
    await insertStatusChange(db(), m.meldingId, {
      from: 'in_behandeling',
      to: 'afgehandeld',
      publicMessage: 'We zijn langs geweest.',
    });
    await waitUntil(() => mailsTo(address).some((mail) => /afgehandeld/.test(mail.parsed.subject ?? '')), {
      what: 'the afgehandeld mail',
    });

    const heropendEvent = await melderChange(db(), m.meldingId, {
      from: 'afgehandeld',
      to: 'heropend',
      message: 'Ze zijn er gisteravond weer.',
      topic: 'melding.heropend',
    });

    const assignments = await waitUntil(
      async () => {
        const rows = await listAssignmentsForMelding(db(), m.meldingId);
        return rows.length === 2 && rows;
      },
      { what: 'the second assignment' },
    );
    expect(assignments[1]).toMatchObject({ routingKey: `event-${heropendEvent}`, teamId: 'boa-team' });
    const melding = await meldingRow(db(), m.meldingId);
    expect(melding).toMatchObject({ status: 'ingedeeld', teamId: 'boa-team', reopenCount: 1 });
    const events = await statusEventsOf(db(), m.meldingId);
    expect(events.at(-1)).toMatchObject({ fromStatus: 'heropend', toStatus: 'ingedeeld', actor: 'systeem' });

    const rosterJobs = await waitUntil(
      async () => {
        const jobs = await rosterJobsOf(m.meldingId);
        return jobs.length === 2 && jobs;
      },
      { what: 'the roster jobs' },
    );
    expect(rosterJobs.map((j) => j.id).sort()).toEqual(assignments.map((a) => `assignment-${a.id}`).sort());

    const mail = await waitUntil(
      () => mailsTo(address).find((x) => /heropend/.test(x.parsed.subject ?? '')),
      { what: 'the heropend mail' },
    );
    expect(mail.parsed.subject).toBe(`Uw melding ${m.reference}: heropend`);
    expect(mail.parsed.text).toContain('Wat u ons liet weten:\n  Ze zijn er gisteravond weer.');
    expect(mail.parsed.text).not.toContain('Bericht van de behandelaar');
    expect(mail.parsed.text).toContain(`${publicBaseUrl}/m/${m.statusToken}`);
    expect((await finishedNotification(heropendEvent))?.returnvalue).toBe('sent');

    // Routing the same reopen again (a retried or duplicated job) changes nothing.
    const again = await routeMelding(
      {
        db: db(),
        now: () => new Date(),
        logger: silentLogger,
        enqueueRoster: async () => {},
      },
      { meldingId: m.meldingId, statusEventId: heropendEvent },
    );
    expect(again.kind).toBe('already-assigned');
    expect(await listAssignmentsForMelding(db(), m.meldingId)).toHaveLength(2);
  });

  it('the melder’s own answer is not mailed to them; a staff change right before it is', async () => {
    const address = 'antwoord@example.nl';
    const m = await insertMelding(db(), {
      melder: { email: address, wantsFeedback: true },
      statusLinkBox,
      withOutbox: false,
    });
    await insertStatusChange(db(), m.meldingId, { from: 'gemeld', to: 'in_behandeling' });
    const asked = await insertStatusChange(db(), m.meldingId, {
      from: 'in_behandeling',
      to: 'reactie_gevraagd',
      publicMessage: 'Om hoe laat is het meestal?',
    });
    expect((await finishedNotification(asked.statusEventId))?.returnvalue).toBe('sent');

    const answer = await melderChange(db(), m.meldingId, {
      from: 'reactie_gevraagd',
      to: 'in_behandeling',
      message: 'Meestal rond middernacht.',
      topic: 'melding.status_changed',
    });
    expect((await finishedNotification(answer))?.returnvalue).toBe('skipped');
    const texts = mailsTo(address).map((x) => x.parsed.text ?? '');
    expect(texts.some((x) => x.includes('Om hoe laat is het meestal?'))).toBe(true);
    expect(texts.some((x) => x.includes('Meestal rond middernacht.'))).toBe(false);
    expect(mailsTo(address)).toHaveLength(2);
  });
});
