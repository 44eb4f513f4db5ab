import type { Priority } from '../categories.ts';
import { addDays, amsterdamInstant, amsterdamParts, type LocalDate } from '../time/amsterdam-time.ts';
import { isWerkdag } from './werkdagen.ts';

/** "End of the working day": the afhandeltermijn of hoog and normaal ends at 17:00 Amsterdam time. */
export const END_OF_WERKDAG_HOUR = 17;

/** How many werkdagen each priority gets; spoed counts hours instead. */
export const werkdagenPerPriority = { hoog: 2, normaal: 5 } as const satisfies Partial<
  Record<Priority, number>
>;
export const SPOED_HOURS = 24;

/** The `n`-th werkdag after `date` (the day itself does not count). */
export function nthWerkdagAfter(date: LocalDate, n: number): LocalDate {
  let day = date;
  let counted = 0;
  while (counted < n) {
    day = addDays(day, 1);
    if (isWerkdag(day)) counted += 1;
  }
  return day;
}

/**
 * The afhandeltermijn (deadline) of a melding received or routed at `from`:
 * - spoed: 24 hours later (elapsed time, so across a DST change the clock shows 23:00 or 01:00 more);
 * - hoog: 17:00 Amsterdam time on the 2nd werkdag after the day of `from`;
 * - normaal: 17:00 on the 5th werkdag after the day of `from`.
 * As with Dutch legal periods (Awb), counting starts the day after: the day of receipt is never one of
 * the werkdagen, whatever the hour, so a melding at 08:00 and one at 23:00 on a Monday get the same
 * termijn. Weekends and public holidays (werkdagen.ts) are skipped.
 */
export function afhandeltermijn(priority: Priority, from: Date): Date {
  if (priority === 'spoed') return new Date(from.getTime() + SPOED_HOURS * 3_600_000);
  const day = nthWerkdagAfter(amsterdamParts(from), werkdagenPerPriority[priority]);
  return amsterdamInstant(day, END_OF_WERKDAG_HOUR);
}
