// Planned time as people write it — a local date 'YYYY-MM-DD' and a local time 'HH:MM' in
// Europe/Amsterdam — and the instants it stands for. Rosters and routing rules store the former and
// compute the latter here, through Temporal, so a shift never drifts by an hour at a DST change.
import { Temporal } from 'temporal-polyfill';
import { AMSTERDAM, zonedAt } from './amsterdam-time.ts';

/** 'YYYY-MM-DD', a day on the Amsterdam calendar. */
export type PlainDateText = string;
/** 'HH:MM' (00:00–23:59), a time on the Amsterdam wall clock. */
export type PlainTimeText = string;

export const plainTimePattern = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Minutes since midnight of 'HH:MM' (a count, no time zone involved; routing calls it per rule). */
export function minutesOfDay(time: PlainTimeText): number {
  if (!plainTimePattern.test(time)) throw new RangeError(`not a local time HH:MM: ${time}`);
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/**
 * The instant at which Amsterdam clocks show `time` on `date` — the one mapping of planned wall time to
 * instants for shifts and windows, chosen so that it never goes backwards: two ranges that meet on the
 * wall meet in instants, and no DST change opens a gap or an overlap that the roster does not have.
 * - A time that occurs twice (autumn, 02:00–02:59 on 2026-10-25) is its first occurrence (summer time):
 *   a shift 22:00–06:00 that night is 9 h, and one that starts at 02:30 gets the repeated hour.
 * - A time the clocks skip (spring, 02:00–02:59 on 2026-03-29) is the moment they jump (01:00Z, shown
 *   as 03:00): a shift 22:00–02:30 ends at the jump (4 h), one 02:30–06:00 starts there (3 h), and a
 *   range wholly inside the skipped hour is empty. (Calendar import reads such a time as RFC 5545 does.)
 */
export function wallClockInstant(date: PlainDateText, time: PlainTimeText): Date {
  const wall = Temporal.PlainDate.from(date).toPlainDateTime(Temporal.PlainTime.from(time));
  const first = wall.toZonedDateTime(AMSTERDAM, { disambiguation: 'earlier' });
  if (first.toPlainDateTime().equals(wall)) return new Date(first.epochMilliseconds);
  // In the gap 'earlier' lands before the jump, with the old offset; the next transition is the jump.
  const jump = first.getTimeZoneTransition('next');
  return new Date((jump ?? first).epochMilliseconds);
}

/**
 * The interval [start, end) that a local time range on `date` covers; an end at or before the start
 * ends the next day (22:00–06:00; 07:00–07:00 is 24 hours on the wall). Both ends go through
 * wallClockInstant, so the interval is never negative; inside the skipped spring hour it is empty.
 */
export function wallClockRange(
  date: PlainDateText,
  start: PlainTimeText,
  end: PlainTimeText,
): { startsAt: Date; endsAt: Date; endDate: PlainDateText } {
  const endDate = minutesOfDay(end) <= minutesOfDay(start) ? addDaysTo(date, 1) : date;
  return { startsAt: wallClockInstant(date, start), endsAt: wallClockInstant(endDate, end), endDate };
}

export const addDaysTo = (date: PlainDateText, days: number): PlainDateText =>
  Temporal.PlainDate.from(date).add({ days }).toString();

/** ISO weekday of a local date: 1 = Monday … 7 = Sunday. */
export const weekdayOf = (date: PlainDateText): number => Temporal.PlainDate.from(date).dayOfWeek;

export const compareDates = (a: PlainDateText, b: PlainDateText): number =>
  Temporal.PlainDate.compare(Temporal.PlainDate.from(a), Temporal.PlainDate.from(b));

/** The Amsterdam calendar day of an instant. */
export const localDateOf = (instant: Date): PlainDateText => zonedAt(instant).toPlainDate().toString();

/** The Amsterdam wall-clock time of an instant, 'HH:MM'. */
export const localTimeOf = (instant: Date): PlainTimeText =>
  zonedAt(instant).toPlainTime().toString({ smallestUnit: 'minute' });

/** The instant `days` local days after `instant`, at the same wall-clock time (23 or 25 h at DST). */
export const addLocalDays = (instant: Date, days: number): Date =>
  new Date(zonedAt(instant).add({ days }).epochMilliseconds);

/** UTC offset in minutes of Amsterdam at an instant (60 in winter, 120 in summer). */
export const amsterdamOffsetMinutes = (instant: Date): number =>
  zonedAt(instant).offsetNanoseconds / 60_000_000_000;
