import { describe, expect, it } from 'vitest';
import {
  endsNextDay,
  formatLocalDate,
  formatMinutes,
  formatWeekdays,
  isDate,
  mondayOf,
  timeRange,
  todayLocal,
  weekDates,
} from './roster-format.ts';

describe('roster dates and times (Europe/Amsterdam wall clock)', () => {
  it('takes today in Amsterdam, not in the device zone', () => {
    // 23:30 UTC on 24 October is 01:30 on the 25th in Amsterdam (summer time).
    expect(todayLocal(new Date('2026-10-24T23:30:00Z'))).toBe('2026-10-25');
    expect(todayLocal(new Date('2026-12-03T22:59:00Z'))).toBe('2026-12-03');
    expect(todayLocal(new Date('2026-12-03T23:00:00Z'))).toBe('2026-12-04');
  });

  it('finds the Monday and the seven days of a week, also the week summer time ends', () => {
    expect(mondayOf('2026-10-25')).toBe('2026-10-19');
    expect(mondayOf('2026-10-19')).toBe('2026-10-19');
    expect(weekDates('2026-10-19')).toEqual([
      '2026-10-19',
      '2026-10-20',
      '2026-10-21',
      '2026-10-22',
      '2026-10-23',
      '2026-10-24',
      '2026-10-25',
    ]);
  });

  it('says when a shift ends the next day', () => {
    expect(endsNextDay('14:30', '22:30')).toBe(false);
    expect(endsNextDay('22:00', '06:00')).toBe(true);
    expect(endsNextDay('07:00', '07:00')).toBe(true);
    expect(timeRange('14:30', '22:30')).toBe('14:30–22:30');
    expect(timeRange('23:00', '07:00')).toBe('23:00–07:00 (volgende dag)');
  });

  it('writes dates, durations and weekdays in Dutch', () => {
    expect(formatLocalDate('2026-10-25')).toBe('zondag 25 oktober');
    expect(formatLocalDate('2026-12-03', true)).toBe('do 3 dec');
    expect(formatMinutes(450)).toBe('7 uur 30 min');
    expect(formatMinutes(60)).toBe('1 uur');
    expect(formatMinutes(25)).toBe('25 min');
    expect(formatWeekdays([1, 2, 3, 4, 5, 6, 7])).toBe('elke dag');
    expect(formatWeekdays([6, 1])).toBe('ma, za');
  });

  it('accepts only real dates', () => {
    expect(isDate('2026-02-28')).toBe(true);
    expect(isDate('2026-02-29')).toBe(false);
    expect(isDate('2026-13-01')).toBe(false);
    expect(isDate('morgen')).toBe(false);
  });
});
