import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RosterWorld, rosterWorld, staffBoaPatterns } from './roster-world.ts';

// Reported sick during the shift: the boa-team's day shift (07:00–15:00, Anna and Bram) is running on
// Tuesday 2026-10-20 when Anna goes home at 10:15 (CEST). From then on only Bram is on duty; what was
// worked until 10:15 stays as it was.

const TUESDAY_0600 = new Date('2026-10-20T04:00:00Z');
const TUESDAY_1015 = new Date('2026-10-20T08:15:00Z');
const base = '/api/v1/staff/teams/boa-team';

describe('an absence entered during the shift it is for', () => {
  let w: RosterWorld;
  let patterns: { day: string; evening: string };

  beforeAll(async () => {
    w = await rosterWorld(TUESDAY_0600);
    patterns = await staffBoaPatterns(w);
  });
  afterAll(() => w.close());

  const onDutyNow = async () => {
    const res = await w.asCoordinator('GET', '/api/v1/staff/teams');
    expect(res.statusCode, res.body).toBe(200);
    const team = res.json().teams.find((t: { id: string }) => t.id === 'boa-team');
    return team.onDutyNow.map((m: { name: string }) => m.name);
  };

  it('takes the officer off duty from that moment, and keeps the worked part of the shift', async () => {
    w.clock.now = TUESDAY_1015;
    expect(await onDutyNow()).toEqual(['Anna Boa', 'Bram Boa']);
    const sick = await w.asCoordinator('POST', `${base}/roster/overrides`, {
      kind: 'absent',
      date: '2026-10-20',
      cause: 'ziek',
      patternId: patterns.day,
      memberId: w.ids.boa1,
      reason: 'Ziek naar huis om 10:15',
    });
    expect(sick.statusCode, sick.body).toBe(201);
    expect(await onDutyNow()).toEqual(['Bram Boa']);

    const res = await w.asCoordinator('GET', `${base}/roster?from=2026-10-20&to=2026-10-20`);
    const day = res
      .json()
      .shifts.filter((s: { label: string }) => s.label === 'Dagdienst')
      .map((s: { localStart: string; localEnd: string; members: { name: string }[] }) => [
        s.localStart,
        s.localEnd,
        s.members.map((m) => m.name),
      ]);
    expect(day).toEqual([
      ['07:00', '10:15', ['Anna Boa', 'Bram Boa']],
      ['10:15', '15:00', ['Bram Boa']],
    ]);
    // Anna's own shifts no longer hold the rest of today's day shift.
    const mine = await w.asBoa1('GET', '/api/v1/staff/me/shifts?days=1');
    const today = mine
      .json()
      .shifts.filter((s: { localDate: string; label: string }) => s.localDate === '2026-10-20');
    expect(today.map((s: { localStart: string }) => s.localStart)).not.toContain('10:15');
  });
});
