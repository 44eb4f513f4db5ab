// Wall-clock arithmetic in Europe/Amsterdam with Intl only (no timezone library): the instants we store
// are UTC, the days and hours people mean are Dutch local time.

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

const formatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: AMSTERDAM,
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

function rawParts(instant: Date): Record<string, number> {
  const parts: Record<string, number> = {};
  for (const p of formatter.formatToParts(instant)) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return parts;
}

/** The Amsterdam wall clock at an instant. */
export function amsterdamParts(instant: Date): LocalDateTime {
  const p = rawParts(instant);
  const date = { year: p.year ?? 0, month: p.month ?? 1, day: p.day ?? 1 };
  return { ...date, hour: p.hour ?? 0, minute: p.minute ?? 0, isoWeekday: isoWeekday(date) };
}

/** The Amsterdam wall clock at an instant (whole minutes), written as if it were a UTC time. */
function wallClockMs(instant: number): number {
  const p = amsterdamParts(new Date(instant));
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
}

const HOUR = 3_600_000;

/**
 * The instant at which Amsterdam clocks show this wall time (UTC+1 in winter, UTC+2 in summer). An
 * ambiguous autumn time (02:00–03:00 twice) gives the first occurrence; a time skipped by the spring jump
 * gives the instant one hour later on the clock (02:30 → 03:30 summer time).
 */
export function amsterdamInstant(date: LocalDate, hour = 0, minute = 0): Date {
  const wall = Date.UTC(date.year, date.month - 1, date.day, hour, minute);
  const matching = [wall - 2 * HOUR, wall - HOUR].filter((t) => wallClockMs(t) === wall);
  return new Date(matching[0] ?? wall - HOUR);
}

export function isoWeekday(date: LocalDate): number {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
  return d === 0 ? 7 : d;
}

/** The calendar day `days` after (or before) `date`. */
export function addDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function formatLocalDate(date: LocalDate): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.year}-${pad(date.month)}-${pad(date.day)}`;
}
