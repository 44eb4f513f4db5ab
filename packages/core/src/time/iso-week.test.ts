import { describe, expect, it } from 'vitest';
import { isoWeekAt, isoWeekOf, mondayOf, parseIsoWeek, shiftWeek, weekBounds } from './iso-week.ts';

describe('ISO weeks on the Amsterdam calendar', () => {
  it('numbers the days around new year as ISO 8601 does (the Thursday decides the year)', () => {
    expect(isoWeekOf({ year: 2026, month: 1, day: 1 })).toEqual({ year: 2026, week: 1 });
    expect(isoWeekOf({ year: 2027, month: 1, day: 1 })).toEqual({ year: 2026, week: 53 });
    expect(isoWeekOf({ year: 2024, month: 12, day: 30 })).toEqual({ year: 2025, week: 1 });
    expect(isoWeekOf({ year: 2026, month: 12, day: 3 })).toEqual({ year: 2026, week: 49 });
  });

  it('finds the Monday of a week and refuses a week the year does not have', () => {
    expect(mondayOf({ year: 2026, week: 1 })).toEqual({ year: 2025, month: 12, day: 29 });
    expect(mondayOf({ year: 2026, week: 53 })).toEqual({ year: 2026, month: 12, day: 28 });
    expect(parseIsoWeek('2026-W53')).toEqual({ year: 2026, week: 53 });
    expect(parseIsoWeek('2025-W53')).toBeUndefined();
    expect(parseIsoWeek('2026-W00')).toBeUndefined();
    expect(parseIsoWeek('2026-48')).toBeUndefined();
    expect(shiftWeek({ year: 2026, week: 53 }, 1)).toEqual({ year: 2027, week: 1 });
    expect(shiftWeek({ year: 2027, week: 1 }, -1)).toEqual({ year: 2026, week: 53 });
  });

  it('bounds the week that holds the end of summer time in Amsterdam midnight (a week of 169 hours)', () => {
    const w = isoWeekAt(new Date('2026-10-25T12:00:00Z'));
    expect(w).toEqual({ year: 2026, week: 43 });
    const { from, to } = weekBounds(w);
    expect(from.toISOString()).toBe('2026-10-18T22:00:00.000Z');
    expect(to.toISOString()).toBe('2026-10-25T23:00:00.000Z');
    expect((to.getTime() - from.getTime()) / 3_600_000).toBe(169);
  });

  it('puts an instant late on Sunday in Amsterdam in that week, not the next', () => {
    // Sunday 2026-11-29 23:30 in Amsterdam is Sunday 22:30 UTC; Monday 00:30 is 23:30 UTC.
    expect(isoWeekAt(new Date('2026-11-29T22:30:00Z'))).toEqual({ year: 2026, week: 48 });
    expect(isoWeekAt(new Date('2026-11-29T23:30:00Z'))).toEqual({ year: 2026, week: 49 });
  });
});
