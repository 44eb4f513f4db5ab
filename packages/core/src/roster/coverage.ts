// The hours a team is expected to cover (its coverage windows, in Amsterdam wall-clock time) against
// the shifts someone actually works: the gaps are what the roster page and the weekly overview show.
import { addDaysTo, addLocalDays, localDateOf, wallClockRange, weekdayOf } from '../time/wall-clock.ts';
import { clipInterval, type Interval, mergeIntervals, subtractIntervals } from './intervals.ts';
import type { Roster, RosterTeam } from './roster-schema.ts';

export const COVERAGE_CHECK_DAYS = 14;

/** The team's expected hours inside [from, until), merged (a window across midnight ends the next day). */
export function expectedIntervals(team: Pick<RosterTeam, 'coverage'>, from: Date, until: Date): Interval[] {
  if (until <= from) return [];
  if (team.coverage.kind === 'always') return [{ start: from, end: until }];
  const intervals: Interval[] = [];
  // Start a day early: yesterday's window may run past midnight into `from`.
  const last = localDateOf(until);
  for (let date = addDaysTo(localDateOf(from), -1); date <= last; date = addDaysTo(date, 1)) {
    for (const w of team.coverage.windows) {
      if (!w.weekdays.includes(weekdayOf(date))) continue;
      const { startsAt, endsAt } = wallClockRange(date, w.start, w.end);
      const clipped = clipInterval({ start: startsAt, end: endsAt }, from, until);
      if (clipped) intervals.push(clipped);
    }
  }
  return mergeIntervals(intervals);
}

/**
 * The intervals inside the team's expected hours in the `days` local days from `from` (same wall
 * time, so 14 days may be 335 or 337 hours across a DST change) in which nobody of the team works a
 * shift. A shift that everyone is absent from counts as nobody.
 */
export function coverageGaps(
  roster: Roster,
  team: Pick<RosterTeam, 'id' | 'coverage'>,
  from: Date,
  days: number = COVERAGE_CHECK_DAYS,
): Interval[] {
  const until = addLocalDays(from, days);
  const worked = roster.instances
    .filter((s) => s.teamId === team.id && s.memberIds.length > 0)
    .map((s) => ({ start: s.startsAt, end: s.endsAt }));
  return subtractIntervals(expectedIntervals(team, from, until), worked);
}
