import { SecretBox } from '@buurtsignaal/db';
import { listAssignmentsForMelding } from '@buurtsignaal/db/tables/assignments-repository';
import { listEmailDeliveries } from '@buurtsignaal/db/tables/email-deliveries-repository';
import { testRedisPrefix, waitUntil } from '@buurtsignaal/testkit';
import { describe, expect, it } from 'vitest';
import { insertMelding, meldingRow, outboxOf, publicBaseUrl, statusEventsOf } from '../support/helpers.ts';
import { useWorkerHarness } from '../support/worker-harness.ts';

describe('a melding from outbox to roster queue and confirmation mail (PostgreSQL)', () => {
  const statusLinkBox = new SecretBox(Buffer.alloc(32, 7));
  const world = useWorkerHarness(testRedisPrefix('worker-flow'), { statusLinkBox });

  it('routes to the default team, puts it on the roster queue and mails the melder once', async () => {
    const db = world.db;
    const m = await insertMelding(db, {
      melder: { email: 'jan@example.nl', wantsFeedback: true },
      statusLinkBox,
    });

    const routed = await waitUntil(async () => {
      const row = await meldingRow(db, m.meldingId);
      return row?.status === 'ingedeeld' && row;
    });
    expect(routed).toMatchObject({ teamId: 'boa-team', priority: 'normaal' });

    const assignments = await listAssignmentsForMelding(db, m.meldingId);
    expect(assignments).toHaveLength(1);
    expect(assignments[0]).toMatchObject({ routingKey: `event-${m.statusEventId}`, teamId: 'boa-team' });
    expect(assignments[0]?.reason).toBe('standaardteam voor categorie Jeugdoverlast');

    const events = await statusEventsOf(db, m.meldingId);
    expect(events.map((e) => [e.fromStatus, e.toStatus, e.actor])).toEqual([
      [null, 'gemeld', 'melder'],
      ['gemeld', 'ingedeeld', 'systeem'],
    ]);
    expect(events[1]?.internalNote).toBe('standaardteam voor categorie Jeugdoverlast');

    const rosterJob = await waitUntil(() =>
      world.inspector.roster('boa-team').getJob(`assignment-${assignments[0]?.id}`),
    );
    expect(rosterJob.data).toEqual({
      meldingId: m.meldingId,
      assignmentId: assignments[0]?.id,
      teamId: 'boa-team',
      priority: 'normaal',
    });

    const [mail] = await world.sink.waitFor(1);
    expect(mail?.envelopeTo).toEqual(['jan@example.nl']);
    expect(mail?.parsed.subject).toBe(`Uw melding ${m.reference} is ontvangen`);
    const text = mail?.parsed.text ?? '';
    const html = String(mail?.parsed.html);
    expect(text).toContain(m.reference);
    expect(text).toContain('Jeugdoverlast – Rondhangen');
    expect(text).toContain('Steenhoffstraat');
    for (const body of [text, html]) {
      expect(body).not.toMatch(/Steenhoffstraat\s+\d|3764 ?BM/);
      expect(body).toContain(`${publicBaseUrl}/m/${m.statusToken}`);
    }

    const [outboxRow] = await outboxOf(db, m.meldingId);
    expect(outboxRow?.relayedAt).toBeInstanceOf(Date);
    const deliveries = await waitUntil(async () => {
      const rows = await listEmailDeliveries(db, m.meldingId);
      // 'sending' is recorded before the SMTP conversation, 'sent' right after it.
      return rows.length > 0 && rows.every((d) => d.status !== 'sending') && rows;
    });
    expect(deliveries.map((d) => [d.notificationKey, d.attempt, d.status])).toEqual([
      [`ontvangen-${m.statusEventId}`, 1, 'sent'],
    ]);
    expect(world.sink.received).toHaveLength(1);
  });

  it('routes a verdachte situatie to the police with priority hoog', async () => {
    const db = world.db;
    const m = await insertMelding(db, { category: 'verdachte_situatie', subcategory: 'voertuig' });
    const row = await waitUntil(async () => {
      const r = await meldingRow(db, m.meldingId);
      return r?.status === 'ingedeeld' && r;
    });
    expect(row).toMatchObject({ teamId: 'politie-basisteam', priority: 'hoog' });
    const [assignment] = await listAssignmentsForMelding(db, m.meldingId);
    expect(
      await world.inspector.roster('politie-basisteam').getJob(`assignment-${assignment?.id}`),
    ).toBeDefined();
  });

  it.each([
    ['an anonymous melder', undefined],
    ['a melder without an address', { email: null, wantsFeedback: false }],
    ['a melder who wants no terugkoppeling', { email: 'piet@example.nl', wantsFeedback: false }],
  ])('sends nothing to %s', async (_label, melder) => {
    const db = world.db;
    const before = world.sink.received.length;
    const m = await insertMelding(db, melder ? { melder } : {});
    // The notification job runs to completion without sending: proof that it was processed at all.
    const job = await waitUntil(() =>
      world.inspector.queue('notifications').getJob(`notify-ontvangen-${m.statusEventId}`),
    );
    await waitUntil(async () => (await job.getState()) === 'completed', {
      what: 'notification job completed',
    });
    expect((await world.inspector.queue('notifications').getJob(job.id ?? ''))?.returnvalue).toBe('skipped');
    expect(world.sink.received.length).toBe(before);
    expect(await listEmailDeliveries(db, m.meldingId)).toEqual([]);
    // Routing runs on its own queue, independent of the notification: it gets there too.
    await waitUntil(async () => (await meldingRow(db, m.meldingId))?.status === 'ingedeeld', {
      what: 'routing',
    });
  });
});
