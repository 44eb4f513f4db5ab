import { h3Cells } from '@buurtsignaal/core';
import { type DatabaseClient, seedReferenceData } from '@buurtsignaal/db';
import { createTestPglite } from '@buurtsignaal/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRosterAdviceService } from '../../src/advice/roster-advice-service.ts';
import { farAway, kjoeps, seedPeaks, staffSpot } from './advice-world.ts';

// The embedded default: the advice's aggregation (Amsterdam hours in SQL) on PGlite gives the same
// hand-computed advice as on PostgreSQL. Nobody is on the seeded patterns, so every peak is a proposal.

const cell = (p: { lat: number; lng: number }) => h3Cells(p.lat, p.lng).r9;

describe('roster advice on the embedded PGlite', () => {
  let database: DatabaseClient;
  beforeAll(async () => {
    database = await createTestPglite();
    await seedReferenceData(database.db, new Date('2026-12-03T09:00:00Z'));
    await seedPeaks(database.db);
  }, 60_000);
  afterAll(async () => {
    await database?.close();
  });

  it('proposes the unworked peaks with their counts and leaves staff findings out', async () => {
    const service = createRosterAdviceService({
      db: database.db,
      now: () => new Date('2026-12-03T09:00:00Z'),
      minCount: 5,
    });
    const advice = await service.view('boa-team', '2026-W50');
    expect(advice.patrolWindows).toEqual([]);
    expect(
      advice.rosterProposals.map((p) => [
        p.kind,
        p.dates,
        p.start,
        p.end,
        p.places.map((x) => [x.cell, x.windowCount]),
      ]),
    ).toEqual([
      // Kjoeps, Wednesday and Friday 21:30, 22:45 and 23:30 for 8 weeks.
      ['extra', ['2026-12-09', '2026-12-11'], '21:00', '00:00', [[cell(kjoeps), 48]]],
      // The place far away, Wednesday 21:30 and 22:15 for 4 weeks.
      ['extra', ['2026-12-09'], '21:00', '23:00', [[cell(farAway), 8]]],
    ]);
    expect(JSON.stringify(advice)).not.toContain(cell(staffSpot));
  });
});
