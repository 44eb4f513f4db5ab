import { wallClockInstant } from '@buurtsignaal/core';
import { listAssignmentsForMelding } from '@buurtsignaal/db/tables/assignments-repository';
import { listNoticesForMelding } from '@buurtsignaal/db/tables/dispatch-notices-repository';
import { generateShiftInstancesAhead } from '@buurtsignaal/db/tables/shift-instances-generation';
import { testRedisPrefix, waitUntil } from '@buurtsignaal/testkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { jobIds } from '../../src/queues.ts';
import { insertMelding } from '../support/helpers.ts';
import { seedRosterStaff } from '../support/routing-fixtures.ts';
import { useWorkerHarness } from '../support/worker-harness.ts';

// The worker as it runs: a melding from the outbox is routed, its roster job is taken by the team's
// dispatch worker, the boa on duty is told, and the pick-up check waits as a delayed job.

const NOW = wallClockInstant('2026-06-02', '20:00');

describe('dispatch in the running worker', () => {
  const world = useWorkerHarness(testRedisPrefix('worker-dispatch-wiring'), { start: false, now: () => NOW });
  let boaId: string;
  beforeAll(async () => {
    ({ boaId } = await seedRosterStaff(world.db));
    await generateShiftInstancesAhead(world.db, { now: wallClockInstant('2026-06-01', '00:00') });
    await world.start();
  });

  it('tells the boa on duty through console and e-mail and schedules the pick-up check', async () => {
    const m = await insertMelding(world.db, {});
    const notices = await waitUntil(
      async () => {
        const found = await listNoticesForMelding(world.db, m.meldingId);
        return found.filter((n) => n.status === 'sent').length === 2 && found;
      },
      { what: 'the notices of the boa on duty' },
    );
    expect(notices.map((n) => [n.userId, n.channel, n.step]).sort()).toEqual([
      [boaId, 'console', 0],
      [boaId, 'email', 0],
    ]);
    const [assignment] = await listAssignmentsForMelding(world.db, m.meldingId);
    const check = await waitUntil(() =>
      world.inspector.roster('boa-team').getJob(jobIds.pickup(assignment?.id as string, 1)),
    );
    expect(await check.getState()).toBe('delayed');
    const mails = await waitUntil(() => {
      const found = world.sink.received.filter((r) => r.envelopeTo[0] === `boa-${boaId}@soest.test`);
      return found.length > 0 && found;
    });
    expect(mails).toHaveLength(1);
    expect(mails[0]?.parsed.subject).toContain(m.reference);
  });
});
