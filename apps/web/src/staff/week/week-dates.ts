// The week picker's weeks: ISO weeks on the Amsterdam calendar, counted by core's Temporal-based week
// arithmetic (the same as the weekly overview's API), never by hand.
import {
  addDays,
  formatIsoWeek,
  type IsoWeek,
  isoWeekAt,
  type LocalDate,
  mondayOf,
  parseIsoWeek,
  shiftWeek,
} from '@buurtsignaal/core/time';
import { staffWeekTexts } from '../../texts/index.ts';

const WEEKS_IN_PICKER = 26;

// A calendar day is printed as itself: noon UTC of that day, formatted in UTC.
const shortDate = new Intl.DateTimeFormat('nl-NL', { timeZone: 'UTC', day: 'numeric', month: 'short' });
const formatDay = (d: LocalDate): string =>
  shortDate.format(new Date(Date.UTC(d.year, d.month - 1, d.day, 12)));

export const currentWeekKey = (now = new Date()): string => formatIsoWeek(isoWeekAt(now));

export const addWeeks = (key: string, delta: number): string | null => {
  const w = parseIsoWeek(key);
  return w ? formatIsoWeek(shiftWeek(w, delta)) : null;
};

function optionLabel(w: IsoWeek): string {
  const monday = mondayOf(w);
  return staffWeekTexts.pickerOption(w.week, w.year, formatDay(monday), formatDay(addDays(monday, 6)));
}

/** The weeks in the picker: this week (not complete yet), the last half year, and `current` when older. */
export function weekOptions(current: string, now = new Date()): { value: string; label: string }[] {
  const thisWeek = isoWeekAt(now);
  const weeks = Array.from({ length: WEEKS_IN_PICKER + 1 }, (_, i) => shiftWeek(thisWeek, -i)).map(
    (w, i) => ({
      value: formatIsoWeek(w),
      label: i === 0 ? `${optionLabel(w)} ${staffWeekTexts.currentWeek}` : optionLabel(w),
    }),
  );
  const older = current && !weeks.some((w) => w.value === current) ? parseIsoWeek(current) : undefined;
  if (older) weeks.push({ value: current, label: optionLabel(older) });
  return weeks;
}
