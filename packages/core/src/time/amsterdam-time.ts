// Wall-clock time in Europe/Amsterdam through Temporal (temporal-polyfill): the instants we store are
// UTC, the days and hours people mean and plan are Dutch local time. No offset arithmetic of our own.
import { Temporal } from 'temporal-polyfill';

export const AMSTERDAM = 'Europe/Amsterdam';

/** A calendar day; month 1–12. */
export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

export interface LocalDateTime extends LocalDate {
  hour: number;
  minute: number;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  isoWeekday: number;
}

/**
 * How amsterdamInstant reads a wall time that does not exist, or exists twice (deadlines, reports).
 * Shifts use wallClockInstant (wall-clock.ts), which differs only inside the skipped spring hour.
 * 'compatible' is RFC 5545's reading of a TZID time (and Temporal's default): a time skipped by the
 * spring jump is read with the offset before the jump (02:30 on 2026-03-29 → 01:30Z, the clock shows
 * 03:30); a time that occurs twice in autumn is its first occurrence (02:30 on 2026-10-25 → 00:30Z).
 */
export const WALL_CLOCK_DISAMBIGUATION = 'compatible' as const;

const plainDate = (date: LocalDate) => Temporal.PlainDate.from(date);

/** The Amsterdam wall clock of an instant, as Temporal sees it. */
export const zonedAt = (instant: Date): Temporal.ZonedDateTime =>
  Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO(AMSTERDAM);

/** The Amsterdam wall clock at an instant (whole minutes). */
export function amsterdamParts(instant: Date): LocalDateTime {
  const z = zonedAt(instant);
  return {
    year: z.year,
    month: z.month,
    day: z.day,
    hour: z.hour,
    minute: z.minute,
    isoWeekday: z.dayOfWeek,
  };
}

/** The instant at which Amsterdam clocks show this wall time; gap and overlap as WALL_CLOCK_DISAMBIGUATION. */
export function amsterdamInstant(date: LocalDate, hour = 0, minute = 0): Date {
  const zoned = plainDate(date)
    .toPlainDateTime({ hour, minute })
    .toZonedDateTime(AMSTERDAM, { disambiguation: WALL_CLOCK_DISAMBIGUATION });
  return new Date(zoned.epochMilliseconds);
}

export const isoWeekday = (date: LocalDate): number => plainDate(date).dayOfWeek;

/** The calendar day `days` after (or before) `date`. */
export function addDays(date: LocalDate, days: number): LocalDate {
  const d = plainDate(date).add({ days });
  return { year: d.year, month: d.month, day: d.day };
}

export const formatLocalDate = (date: LocalDate): string => plainDate(date).toString();
