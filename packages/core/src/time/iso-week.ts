// ISO 8601 weeks (2026-W48) on the Amsterdam calendar, through Temporal: the weekly overview, its week
// picker and the roster's week view all count weeks the same way.
import { Temporal } from 'temporal-polyfill';
import { amsterdamInstant, type LocalDate, zonedAt } from './amsterdam-time.ts';

/** An ISO 8601 week, e.g. 2026-W48. */
export interface IsoWeek {
  year: number;
  week: number;
}

/** 'YYYY-Www'. */
export const isoWeekPattern = /^(\d{4})-W(\d{2})$/;

export const formatIsoWeek = (w: IsoWeek): string => `${w.year}-W${String(w.week).padStart(2, '0')}`;

const plain = (date: LocalDate) => Temporal.PlainDate.from(date);
const local = (d: Temporal.PlainDate): LocalDate => ({ year: d.year, month: d.month, day: d.day });

/** The ISO week a calendar day belongs to (its Thursday decides the year). */
export function isoWeekOf(date: LocalDate): IsoWeek {
  const d = plain(date);
  // weekOfYear and yearOfWeek are defined for the ISO calendar, the only one used here.
  return { year: d.yearOfWeek ?? d.year, week: d.weekOfYear ?? 1 };
}

/** Monday of an ISO week: the week that holds 4 January is week 1. */
export function mondayOf(w: IsoWeek): LocalDate {
  const jan4 = Temporal.PlainDate.from({ year: w.year, month: 1, day: 4 });
  return local(jan4.subtract({ days: jan4.dayOfWeek - 1 }).add({ weeks: w.week - 1 }));
}

/** 'YYYY-Www' → the week, or undefined when malformed or when that year has no such week (W53). */
export function parseIsoWeek(value: string): IsoWeek | undefined {
  const match = isoWeekPattern.exec(value);
  if (!match) return undefined;
  const w = { year: Number(match[1]), week: Number(match[2]) };
  if (w.week < 1 || w.week > 53) return undefined;
  const same = isoWeekOf(mondayOf(w));
  return same.year === w.year && same.week === w.week ? w : undefined;
}

export const shiftWeek = (w: IsoWeek, weeks: number): IsoWeek =>
  isoWeekOf(local(plain(mondayOf(w)).add({ weeks })));

/** The week as instants: Monday 00:00 to the next Monday 00:00, Europe/Amsterdam. */
export function weekBounds(w: IsoWeek): { from: Date; to: Date } {
  const monday = plain(mondayOf(w));
  return { from: amsterdamInstant(local(monday)), to: amsterdamInstant(local(monday.add({ weeks: 1 }))) };
}

/** The week (in Amsterdam) that an instant falls in. */
export const isoWeekAt = (instant: Date): IsoWeek => isoWeekOf(local(zonedAt(instant).toPlainDate()));

/** The Amsterdam calendar day of an instant. */
export const amsterdamDateOf = (instant: Date): LocalDate => local(zonedAt(instant).toPlainDate());
