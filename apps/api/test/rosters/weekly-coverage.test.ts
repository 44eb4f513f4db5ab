import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RosterWorld, rosterWorld, staffBoaPatterns } from './roster-world.ts';

// The weekly overview lists per team the hours of the week in which nobody was on duty: the boa-team
// without its evening shift in week 2026-W44 (Mon 26 Oct – Sun 1 Nov), the police team with nobody on
// its (seeded, memberless) patterns the whole week.

const MONDAY_0500 = new Date('2026-10-26T04:00:00Z');

describe('coverage gaps in the weekly overview', () => {
  let w: RosterWorld;

  beforeAll(async () => {
    w = await rosterWorld(MONDAY_0500);
    const { evening } = await staffBoaPatterns(w);
    const res = await w.asCoordinator('DELETE', `/api/v1/staff/teams/boa-team/roster/patterns/${evening}`);
    expect(res.statusCode, res.body).toBe(204);
  });
  afterAll(() => w.close());

  it('lists the boa-team evenings and the uncovered police week', async () => {
    const res = await w.asCoordinator('GET', '/api/v1/staff/reports/weekly?week=2026-W44');
    expect(res.statusCode, res.body).toBe(200);
    const coverage = res.json().coverageGaps as {
      team: { id: string };
      totalMinutes: number;
      gaps: { startDate: string; startTime: string; endTime: string }[];
    }[];
    const boa = coverage.find((c) => c.team.id === 'boa-team');
    expect(boa?.gaps.map((g) => `${g.startDate} ${g.startTime}-${g.endTime}`)).toEqual([
      '2026-10-26 15:00-22:30',
      '2026-10-27 15:00-22:30',
      '2026-10-28 15:00-22:30',
      '2026-10-29 15:00-22:30',
      '2026-10-30 15:00-22:30',
      '2026-10-31 15:00-22:30',
      '2026-11-01 15:00-22:30',
    ]);
    expect(boa?.totalMinutes).toBe(7 * 450);
    const politie = coverage.find((c) => c.team.id === 'politie-basisteam');
    expect(politie?.totalMinutes).toBe(7 * 24 * 60);
  });
});
