import { describe, expect, it } from 'vitest';
import { type RoutingDeps, routeMelding } from '../../src/routing/routing-worker.ts';
import { insertMelding, insertStatusChange, meldingRow, silentLogger } from '../support/helpers.ts';
import { useTestDatabase } from '../support/worker-harness.ts';

describe('routing sets the afhandeltermijn', () => {
  const database = useTestDatabase();

  const deps = (now: string): RoutingDeps => ({
    db: database.db,
    now: () => new Date(now),
    logger: silentLogger,
    enqueueRoster: async () => {},
  });

  it('normaal: 17:00 on the 5th werkdag after the day it was routed', async () => {
    const m = await insertMelding(database.db, { category: 'jeugdoverlast', withOutbox: false });
    // Tuesday 24 November 2026, 15:00 in Amsterdam.
    await routeMelding(deps('2026-11-24T14:00:00Z'), {
      meldingId: m.meldingId,
      statusEventId: m.statusEventId,
    });
    const row = await meldingRow(database.db, m.meldingId);
    expect(row?.priority).toBe('normaal');
    expect(row?.deadlineAt?.toISOString()).toBe('2026-12-01T16:00:00.000Z');
  });

  it('hoog (verdachte situatie) skips Kerst', async () => {
    const m = await insertMelding(database.db, {
      category: 'verdachte_situatie',
      subcategory: null,
      withOutbox: false,
    });
    await routeMelding(deps('2026-12-24T09:00:00Z'), {
      meldingId: m.meldingId,
      statusEventId: m.statusEventId,
    });
    const row = await meldingRow(database.db, m.meldingId);
    expect(row?.priority).toBe('hoog');
    expect(row?.deadlineAt?.toISOString()).toBe('2026-12-29T16:00:00.000Z');
  });

  it('a reopened melding routed again gets a fresh termijn; a retried job keeps it', async () => {
    const db = database.db;
    const m = await insertMelding(db, { withOutbox: false });
    await routeMelding(deps('2026-11-02T09:00:00Z'), {
      meldingId: m.meldingId,
      statusEventId: m.statusEventId,
    });
    expect((await meldingRow(db, m.meldingId))?.deadlineAt?.toISOString()).toBe('2026-11-09T16:00:00.000Z');

    await insertStatusChange(db, m.meldingId, { from: 'ingedeeld', to: 'in_behandeling' });
    await insertStatusChange(db, m.meldingId, {
      from: 'in_behandeling',
      to: 'afgehandeld',
      publicMessage: 'Klaar.',
    });
    const reopen = await insertStatusChange(db, m.meldingId, {
      from: 'afgehandeld',
      to: 'heropend',
      actor: 'melder',
      publicMessage: 'Niet opgelost.',
    });
    // Thursday 26 November 2026: five werkdagen later is Thursday 3 December.
    const job = { meldingId: m.meldingId, statusEventId: reopen.statusEventId };
    const outcome = await routeMelding(deps('2026-11-26T10:00:00Z'), job);
    expect(outcome.kind).toBe('assigned');
    const row = await meldingRow(db, m.meldingId);
    expect(row?.status).toBe('ingedeeld');
    expect(row?.deadlineAt?.toISOString()).toBe('2026-12-03T16:00:00.000Z');

    // The same routing job again (a retry) changes nothing, also not the termijn.
    expect((await routeMelding(deps('2026-11-30T10:00:00Z'), job)).kind).toBe('already-assigned');
    expect((await meldingRow(db, m.meldingId))?.deadlineAt?.toISOString()).toBe('2026-12-03T16:00:00.000Z');
  });
});
