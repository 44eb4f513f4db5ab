import { wallClockInstant } from '@buurtsignaal/core';
import type { DatabaseClient } from '@buurtsignaal/db';
import { listAssignmentsForMelding } from '@buurtsignaal/db/tables/assignments-repository';
import { generateShiftInstancesAhead } from '@buurtsignaal/db/tables/shift-instances-generation';
import { createTestPglite } from '@buurtsignaal/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeMelding } from '../../src/routing/routing-worker.ts';
import { silentLogger } from '../support/helpers.ts';
import { insertRoutingMelding, seedRosterStaff } from '../support/routing-fixtures.ts';

// The embedded path: rules, rosters, repeat counts (haversine in SQL) and flags on PGlite.

const at = (date: string, time: string) => wallClockInstant(date, time);

describe('routing by rules and rosters on PGlite', () => {
  let client: DatabaseClient;

  beforeAll(async () => {
    client = await createTestPglite();
    await seedRosterStaff(client.db);
    await generateShiftInstancesAhead(client.db, { now: at('2026-06-01', '00:00') });
  });
  afterAll(async () => {
    await client?.close();
  });

  const route = async (m: { meldingId: string; statusEventId: number }, now: Date) => {
    await routeMelding(
      { db: client.db, now: () => now, logger: silentLogger, enqueueRoster: async () => {} },
      m,
    );
    return (await listAssignmentsForMelding(client.db, m.meldingId))[0];
  };

  it('jeugdoverlast nu gaande: police at 23:30, boa at 16:00 on a Tuesday', async () => {
    for (const [time, team, rule] of [
      ['23:30', 'politie-basisteam', 'soest-jeugd-live-politie'],
      ['16:00', 'boa-team', 'soest-jeugd-live-boa'],
    ] as const) {
      const reportedAt = at('2026-06-02', time);
      const m = await insertRoutingMelding(client.db, {
        category: 'jeugdoverlast',
        answers: { nu_gaande: true },
        reportedAt,
      });
      expect(await route(m, reportedAt)).toMatchObject({
        teamId: team,
        priority: 'spoed',
        ruleId: rule,
        ruleVersion: 1,
      });
    }
  });

  it('the third woonoverlast at one address within 30 days is hoog', async () => {
    const priorities = [];
    for (const date of ['2026-06-03', '2026-06-10', '2026-06-17']) {
      const reportedAt = at(date, '19:00');
      const m = await insertRoutingMelding(client.db, {
        category: 'woonoverlast',
        reportedAt,
        lat: 52.18,
        lng: 5.3,
      });
      priorities.push((await route(m, reportedAt))?.priority);
    }
    expect(priorities).toEqual(['normaal', 'normaal', 'hoog']);
  });
});
