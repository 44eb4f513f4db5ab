// How far a day is from today on the Amsterdam calendar, for sentences such as "morgen vanaf 07:00":
// counted in calendar days through Temporal, so a 23- or 25-hour day at DST is still one day.
import { zonedAt } from './amsterdam-time.ts';

export interface RelativeDay {
  /** Calendar days from `now`'s Amsterdam date to `at`'s (0 today, 1 tomorrow, -1 yesterday). */
  days: number;
  /** ISO weekday of `at`'s date: 1 = Monday … 7 = Sunday. */
  isoWeekday: number;
  day: number;
  /** 1–12. */
  month: number;
  /** 'HH:MM' on the Amsterdam wall clock. */
  time: string;
}

export function relativeDay(at: Date, now: Date): RelativeDay {
  const z = zonedAt(at);
  const date = z.toPlainDate();
  const days = zonedAt(now).toPlainDate().until(date, { largestUnit: 'days' }).days;
  return {
    days,
    isoWeekday: date.dayOfWeek,
    day: date.day,
    month: date.month,
    time: z.toPlainTime().toString({ smallestUnit: 'minute' }),
  };
}
