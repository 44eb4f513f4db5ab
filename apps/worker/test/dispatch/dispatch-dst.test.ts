import { generateShiftInstancesAhead } from '@buurtsignaal/db/tables/shift-instances-generation';
import { testRedisPrefix } from '@buurtsignaal/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobIds } from '../../src/queues.ts';
import { at, createDispatchWorld, type DispatchWorld } from './dispatch-world.ts';

// A normaal melding at 23:30 waits for the boa shift of 07:00 Amsterdam time, also in the nights the
// clocks change: the delayed job is due at 07:00 local (06:00Z in October, 05:00Z in March), and the
// boa's of that shift are told then, with the pick-up clock starting at 07:00.

describe('dispatch across a DST night', () => {
  let w: DispatchWorld;
  beforeAll(async () => {
    w = await createDispatchWorld(testRedisPrefix('worker-dispatch-dst'));
    for (const from of ['2026-10-20', '2027-03-22'])
      await generateShiftInstancesAhead(w.db, { now: at(from, '00:00') });
  });
  afterAll(async () => {
    await w?.close();
  });

  it.each([
    { night: '2026-10-24', morning: '2026-10-25', utc: '2026-10-25T06:00:00.000Z', hours: 8.5 },
    { night: '2027-03-27', morning: '2027-03-28', utc: '2027-03-28T05:00:00.000Z', hours: 6.5 },
  ])('23:30 on $night: told at 07:00 local ($utc), $hours real hours later', async (c) => {
    const job = await w.assign({ teamId: 'boa-team', priority: 'normaal', now: at(c.night, '23:30') });
    const morning = at(c.morning, '07:00');
    expect(morning.toISOString()).toBe(c.utc);
    expect(await w.completed('boa-team', jobIds.roster(job.assignmentId))).toEqual({
      kind: 'waiting',
      until: c.utc,
    });
    // The delayed job waits the real hours of that night.
    const delayed = await w.queues.roster('boa-team').getJob(jobIds.shiftStart(job.assignmentId, morning));
    expect(delayed?.opts.delay).toBe(c.hours * 3_600_000);
    expect(await w.notices(job.meldingId)).toEqual([]);
    const told = await w.fireAt(morning, 'boa-team', jobIds.shiftStart(job.assignmentId, morning));
    expect(told).toMatchObject({ kind: 'notified', step: 0, checkAt: at(c.morning, '09:00').toISOString() });
    expect((await w.notices(job.meldingId)).map((n) => n.user).sort()).toEqual([
      'J. Bakker',
      'J. Bakker',
      'M. de Vries',
      'M. de Vries',
    ]);
  });
});
