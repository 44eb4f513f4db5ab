import { isoWeekPattern } from '@buurtsignaal/core/contract';
import {
  addDays,
  amsterdamInstant,
  amsterdamParts,
  isoWeekday,
  type LocalDate,
} from '@buurtsignaal/core/sla';

/** An ISO 8601 week, e.g. 2026-W48. */
export interface IsoWeek {
  year: number;
  week: number;
}

export { isoWeekPattern };

export const formatIsoWeek = (w: IsoWeek) => `${w.year}-W${String(w.week).padStart(2, '0')}`;

/** Monday of week 1: the week that holds 4 January. */
function mondayOfWeekOne(year: number): LocalDate {
  const jan4 = { year, month: 1, day: 4 };
  return addDays(jan4, 1 - isoWeekday(jan4));
}

export function mondayOf(w: IsoWeek): LocalDate {
  return addDays(mondayOfWeekOne(w.year), 7 * (w.week - 1));
}

/** The ISO week a calendar day belongs to (its Thursday decides the year). */
export function isoWeekOf(date: LocalDate): IsoWeek {
  const thursday = addDays(date, 4 - isoWeekday(date));
  const monday = mondayOfWeekOne(thursday.year);
  const days = Math.round(
    (Date.UTC(thursday.year, thursday.month - 1, thursday.day) -
      Date.UTC(monday.year, monday.month - 1, monday.day)) /
      86_400_000,
  );
  return { year: thursday.year, week: Math.floor(days / 7) + 1 };
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

export function shiftWeek(w: IsoWeek, weeks: number): IsoWeek {
  return isoWeekOf(addDays(mondayOf(w), 7 * weeks));
}

/** The week as instants: Monday 00:00 to the next Monday 00:00, Europe/Amsterdam. */
export function weekBounds(w: IsoWeek): { from: Date; to: Date } {
  const monday = mondayOf(w);
  return { from: amsterdamInstant(monday), to: amsterdamInstant(addDays(monday, 7)) };
}

/** The week (in Amsterdam) that an instant falls in. */
export const isoWeekAt = (instant: Date): IsoWeek => isoWeekOf(amsterdamParts(instant));
