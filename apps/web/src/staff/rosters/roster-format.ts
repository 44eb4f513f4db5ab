import { addDaysTo, localDateOf, minutesOfDay, monthNamesNl, weekdayOf } from '@buurtsignaal/core';
import { staffRostersTexts as t } from '../../texts/index.ts';
import { staffTexts } from '../../texts/staff.ts';

// Dates of the roster pages are local dates of Europe/Amsterdam ('YYYY-MM-DD') and times its wall-clock
// times ('HH:MM') as the API sends them: the page shows them as they are, never through the device's
// own time zone, so the evening shift that ends at 22:30 shows 22:30 in the week summer time ends too.

/** Today in Amsterdam. */
export const todayLocal = (now: Date = new Date()): string => localDateOf(now);

/** The Monday of the week of `date`. */
export const mondayOf = (date: string): string => addDaysTo(date, 1 - weekdayOf(date));

/** The 7 dates of the week starting on `monday`. */
export const weekDates = (monday: string): string[] =>
  Array.from({ length: 7 }, (_, i) => addDaysTo(monday, i));

/** "maandag 30 november" (with `short`: "ma 30 nov"). */
export function formatLocalDate(date: string, short = false): string {
  const [, m, d] = date.split('-').map(Number);
  const weekday = weekdayOf(date) - 1;
  const month = monthNamesNl[(m ?? 1) - 1] ?? '';
  return short
    ? `${staffTexts.weekdaysShort[weekday] ?? ''} ${d} ${month.slice(0, 3)}`
    : `${staffTexts.weekdays[weekday] ?? ''} ${d} ${month}`;
}

/** An end at or before the start ends the next day. */
export const endsNextDay = (start: string, end: string): boolean => minutesOfDay(end) <= minutesOfDay(start);

/** "14:30–22:30", "22:00–06:00 (volgende dag)". */
export const timeRange = (start: string, end: string): string =>
  `${start}–${end}${endsNextDay(start, end) ? ` ${t.week.nextDay}` : ''}`;

/** "3 uur 30 min". */
export function formatMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} uur` : `${h} uur ${m} min`;
}

/** "ma 30 nov 22:30" from a local date and time. */
export const localMoment = (date: string, time: string): string => `${formatLocalDate(date, true)} ${time}`;

/** Weekday numbers (1 = maandag) as "ma, di, wo" or "elke dag". */
export function formatWeekdays(days: readonly number[]): string {
  if (days.length === 7) return 'elke dag';
  return [...days]
    .sort((a, b) => a - b)
    .map((d) => staffTexts.weekdaysShort[d - 1] ?? String(d))
    .join(', ');
}

/** A valid 'HH:MM'. */
export const isTime = (s: string): boolean => /^([01]\d|2[0-3]):[0-5]\d$/.test(s);
/** A valid 'YYYY-MM-DD' (a real day: no 31 November). */
export function isDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const [y = 0, m = 0, d = 0] = s.split('-').map(Number);
  const day = new Date(Date.UTC(y, m - 1, d));
  return day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d;
}
