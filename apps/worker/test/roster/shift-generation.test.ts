import { randomUUID } from 'node:crypto';
import { wallClockInstant } from '@buurtsignaal/core';
import { schema } from '@buurtsignaal/db';
import { onDutyAt, teamsOnDuty } from '@buurtsignaal/db/queries/roster/on-duty';
import { insertRosterOverride } from '@buurtsignaal/db/tables/roster-overrides-repository';
import { generateShiftInstancesAhead } from '@buurtsignaal/db/tables/shift-instances-generation';
import { listShiftInstances } from '@buurtsignaal/db/tables/shift-instances-repository';
import { listShiftPatterns, replaceShiftPattern } from '@buurtsignaal/db/tables/shift-patterns-repository';
import { insertStaffUser } from '@buurtsignaal/db/tables/staff-users-repository';
import { createRedisConnection } from '@buurtsignaal/jobs';
import {
  cleanRedisPrefix,
  createTestDatabase,
  type TestDatabase,
  testEnv,
  testRedisPrefix,
  waitUntil,
} from '@buurtsignaal/testkit';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startShiftGenerationScheduler } from '../../src/roster/shift-generation-scheduler.ts';
import { silentLogger } from '../support/helpers.ts';
import { seedRosterStaff } from '../support/routing-fixtures.ts';

// Shift instances generated from the seeded patterns: idempotent, the past never rewritten, and in
// wall-clock time across the DST nights (the evening shift ends at 22:30 whatever the offset).

const at = (date: string, time: string) => wallClockInstant(date, time);
const hours = (s: { startsAt: Date; endsAt: Date }) =>
  (s.endsAt.getTime() - s.startsAt.getTime()) / 3_600_000;

describe('shift instance generation', () => {
  let testDb: TestDatabase;
  let staff: { boaId: string; politieId: string };

  beforeAll(async () => {
    testDb = await createTestDatabase();
    staff = await seedRosterStaff(testDb.client.db);
  });
  afterAll(async () => {
    await testDb?.drop();
  });

  const instancesOn = async (date: string) =>
    (
      await listShiftInstances(testDb.client.db, { from: at(date, '00:00'), until: at(date, '23:59') })
    ).filter((s) => s.localDate === date);

  it('a second run with nothing changed writes nothing', async () => {
    const now = at('2026-03-20', '12:00');
    const first = await generateShiftInstancesAhead(testDb.client.db, { now });
    const second = await generateShiftInstancesAhead(testDb.client.db, { now });
    expect(first.map((r) => r.added).reduce((a, b) => a + b)).toBeGreaterThan(42 * 5 - 10);
    expect(second.map((r) => [r.teamId, r.added, r.updated, r.removed])).toEqual(
      first.map((r) => [r.teamId, 0, 0, 0]),
    );
    expect(await instancesOn('2026-03-25')).toHaveLength(5);
  });

  it('across the 23-hour night of 2026-03-29 the shifts keep their wall-clock times', async () => {
    const [before, after] = [await instancesOn('2026-03-28'), await instancesOn('2026-03-29')];
    const avond = (list: typeof before) =>
      list.find((s) => s.source.kind === 'pattern' && s.source.patternId === 'boa-avond');
    expect([avond(before)?.localEnd, avond(after)?.localEnd]).toEqual(['22:30', '22:30']);
    expect(avond(before)?.endsAt.toISOString()).toBe('2026-03-28T21:30:00.000Z');
    expect(avond(after)?.endsAt.toISOString()).toBe('2026-03-29T20:30:00.000Z');
    const nacht = before.find((s) => s.source.kind === 'pattern' && s.source.patternId === 'politie-nacht');
    expect(nacht && hours(nacht)).toBe(7);
    // No gap at the change: someone of the police is on duty at 01:59 and at 03:00 local.
    expect(
      await teamsOnDuty(testDb.client.db, ['politie-basisteam'], new Date('2026-03-29T00:59:00Z')),
    ).toEqual({
      'politie-basisteam': true,
    });
    expect(
      await teamsOnDuty(testDb.client.db, ['politie-basisteam'], new Date('2026-03-29T01:00:00Z')),
    ).toEqual({
      'politie-basisteam': true,
    });
    // 22:45 local on the 29th: the boa went home at 22:30 (CEST).
    expect(await teamsOnDuty(testDb.client.db, ['boa-team'], at('2026-03-29', '22:45'))).toEqual({
      'boa-team': false,
    });
    expect(await teamsOnDuty(testDb.client.db, ['boa-team'], at('2026-03-29', '22:15'))).toEqual({
      'boa-team': true,
    });
  });

  it('across the 25-hour night of 2026-10-25 too', async () => {
    await generateShiftInstancesAhead(testDb.client.db, { now: at('2026-10-15', '12:00') });
    const [before, after] = [await instancesOn('2026-10-24'), await instancesOn('2026-10-25')];
    const avond = (list: typeof before) =>
      list.find((s) => s.source.kind === 'pattern' && s.source.patternId === 'boa-avond');
    expect([avond(before)?.localEnd, avond(after)?.localEnd]).toEqual(['22:30', '22:30']);
    expect(avond(before)?.endsAt.toISOString()).toBe('2026-10-24T20:30:00.000Z');
    expect(avond(after)?.endsAt.toISOString()).toBe('2026-10-25T21:30:00.000Z');
    const nacht = before.find((s) => s.source.kind === 'pattern' && s.source.patternId === 'politie-nacht');
    expect(nacht && hours(nacht)).toBe(9);
    const [duty] = await onDutyAt(testDb.client.db, ['politie-basisteam'], new Date('2026-10-25T00:30:00Z'));
    expect(duty?.members.map((m) => m.memberId)).toEqual([staff.politieId]);
  });

  it('a pattern edit and an override change only the future; a shift that began stays as it was', async () => {
    const db = testDb.client.db;
    const now = at('2026-11-03', '15:00'); // the boa evening shift of the 3rd runs since 14:30
    await generateShiftInstancesAhead(db, { now: at('2026-11-01', '08:00') });
    const current = (await listShiftPatterns(db, { teamId: 'boa-team' })).find((p) => p.id === 'boa-avond');
    if (!current) throw new Error('seeded pattern missing');
    const edited = { ...current, id: 'boa-avond-2', start: '15:00', end: '23:00', validFrom: '2026-11-03' };
    expect(
      await replaceShiftPattern(db, { currentId: current.id, next: edited, createdBy: null, at: now }),
    ).toBe(true);
    await insertRosterOverride(db, {
      id: 'ziek-1',
      teamId: 'boa-team',
      date: '2026-11-05',
      kind: 'absent',
      cause: 'ziek',
      patternId: 'boa-dag',
      memberId: staff.boaId,
      reason: 'Ziek gemeld',
      createdBy: null,
      at: now,
    });
    const [boa] = await generateShiftInstancesAhead(db, { now, teamId: 'boa-team' });
    expect(boa?.issues).toEqual([]);
    const running = (await instancesOn('2026-11-03')).filter((s) => s.teamId === 'boa-team');
    // The running shift of the old version stays (14:30–22:30); the edit starts with the next day.
    expect(running.map((s) => [s.id, s.localStart, s.localEnd]).sort()).toEqual([
      ['boa-avond/2026-11-03', '14:30', '22:30'],
      ['boa-dag/2026-11-03', '07:00', '15:00'],
    ]);
    const next = (await instancesOn('2026-11-04')).filter((s) => s.teamId === 'boa-team');
    expect(next.map((s) => [s.id, s.localStart, s.localEnd]).sort()).toEqual([
      ['boa-avond-2/2026-11-04', '15:00', '23:00'],
      ['boa-dag/2026-11-04', '07:00', '15:00'],
    ]);
    const sick = (await instancesOn('2026-11-05')).find((s) => s.id === 'boa-dag/2026-11-05');
    expect([sick?.memberIds, sick?.overrideIds]).toEqual([[], ['ziek-1']]);
    // The old version is kept, end-dated: the history of who was planned stays.
    const old = await db.select().from(schema.shiftPatterns).where(eq(schema.shiftPatterns.id, 'boa-avond'));
    expect(old[0]?.validUntil).toBe('2026-11-02');
  });

  it('the worker generates them periodically; staff made after the seed join its empty patterns', async () => {
    // A fresh installation: seeded without accounts, then an officer is made (as the demo accounts are).
    const fresh = await createTestDatabase();
    const boaId = randomUUID();
    await insertStaffUser(fresh.client.db, {
      id: boaId,
      email: 'nieuwe-boa@soest.test',
      name: 'Nieuwe Boa',
      role: 'boa',
      passwordHash: 'not-a-login',
      teamIds: ['boa-team'],
    });
    const prefix = testRedisPrefix('worker-shifts');
    const producer = createRedisConnection({ url: testEnv.redisUrl, role: 'producer' });
    const consumer = createRedisConnection({ url: testEnv.redisUrl, role: 'worker' });
    // As the worker does (waitForReady): the producer fails fast until it is connected.
    if (producer.status !== 'ready') await new Promise((resolve) => producer.once('ready', resolve));
    const job = await startShiftGenerationScheduler({
      db: fresh.client.db,
      producer,
      consumer,
      prefix,
      now: () => at('2027-02-01', '09:00'),
      logger: silentLogger,
      everyMs: 60_000,
      onError: () => {},
    });
    try {
      const day = await waitUntil(
        async () => {
          const found = await listShiftInstances(fresh.client.db, {
            from: at('2027-03-10', '00:00'),
            until: at('2027-03-10', '23:59'),
          });
          return found.filter((s) => s.localDate === '2027-03-10').length === 5 && found;
        },
        { what: 'generated shifts' },
      );
      const dag = day.find((s) => s.id === 'boa-dag/2027-03-10');
      expect([dag?.memberIds, dag?.leadId]).toEqual([[boaId], boaId]);
    } finally {
      await job.close();
      producer.disconnect();
      consumer.disconnect();
      await cleanRedisPrefix(prefix);
      await fresh.drop();
    }
  });
});
