import { listAssignmentsForMelding } from '@buurtsignaal/db/tables/assignments-repository';
import { listEmailDeliveries } from '@buurtsignaal/db/tables/email-deliveries-repository';
import { testRedisPrefix, waitUntil } from '@buurtsignaal/testkit';
import { describe, expect, it } from 'vitest';
import { insertMelding, meldingRow, outboxOf } from '../support/helpers.ts';
import { useWorkerHarness } from '../support/worker-harness.ts';

// The embedded default: one process, one PGlite connection shared by relay, workers and intake.
describe('the whole flow on PGlite', () => {
  const world = useWorkerHarness(testRedisPrefix('worker-pglite'), {
    database: 'pglite',
    // Long sweeps: LISTEN/NOTIFY inside PGlite must be what wakes the relay.
    sweepIntervalMs: 60_000,
  });

  it('relays, routes and mails, with meldingen arriving while jobs run', async () => {
    const meldingen = await Promise.all(
      ['a', 'b', 'c'].map((n) =>
        insertMelding(world.db, { melder: { email: `pglite-${n}@example.nl`, wantsFeedback: true } }),
      ),
    );
    await world.sink.waitFor(3, 20_000);
    for (const m of meldingen) {
      await waitUntil(async () => (await meldingRow(world.db, m.meldingId))?.status === 'ingedeeld');
      expect(await listAssignmentsForMelding(world.db, m.meldingId)).toHaveLength(1);
      expect((await outboxOf(world.db, m.meldingId))[0]?.relayedAt).not.toBeNull();
      await waitUntil(async () => {
        const rows = await listEmailDeliveries(world.db, m.meldingId);
        return rows.length === 1 && rows[0]?.status === 'sent';
      });
    }
    const subjects = world.sink.received.map((r) => r.parsed.subject).sort();
    expect(subjects).toEqual(meldingen.map((m) => `Uw melding ${m.reference} is ontvangen`).sort());
  });
});
