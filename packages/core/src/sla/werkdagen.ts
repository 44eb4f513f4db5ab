import Holidays from 'date-holidays';
import { formatLocalDate, isoWeekday, type LocalDate } from '../time/amsterdam-time.ts';

/**
 * Bevrijdingsdag (5 May) is a national holiday by law, but a paid day off only "once every five years"
 * in most collective agreements (CAO Gemeenten included): in lustrum years (2025, 2030, …). date-holidays
 * types it "school", so we add it ourselves in those years and treat it as a werkdag in the others.
 */
export const isLustrumYear = (year: number) => year % 5 === 0;

const holidaysByYear = new Map<number, ReadonlySet<string>>();
const nl = new Holidays('NL');

/** The Dutch public holidays of a year as yyyy-mm-dd: date-holidays' `public` ones plus Bevrijdingsdag in lustrum years. */
export function publicHolidays(year: number): ReadonlySet<string> {
  let set = holidaysByYear.get(year);
  if (!set) {
    const days = new Set<string>();
    for (const h of nl.getHolidays(year)) {
      // `date` is the local date as 'yyyy-mm-dd 00:00:00'; the first 10 characters are the day.
      if (h.type === 'public') days.add(h.date.slice(0, 10));
    }
    if (isLustrumYear(year)) days.add(formatLocalDate({ year, month: 5, day: 5 }));
    set = days;
    holidaysByYear.set(year, set);
  }
  return set;
}

/** A werkdag: Monday to Friday and not a public holiday (see publicHolidays). */
export function isWerkdag(date: LocalDate): boolean {
  if (isoWeekday(date) > 5) return false;
  return !publicHolidays(date.year).has(formatLocalDate(date));
}
