import { staffWeekTexts } from '../../texts/index.ts';
import { formatUtcShortDate, mondayOf, parseWeekKey, recentWeeks, weekKey } from '../insight-format.ts';

const WEEKS_IN_PICKER = 26;

export const currentWeekKey = (): string => {
  const current = recentWeeks(0)[0];
  return current ? weekKey(current) : '';
};

export const addWeeks = (key: string, delta: number): string | null => {
  const w = parseWeekKey(key);
  if (!w) return null;
  const monday = mondayOf(w);
  monday.setUTCDate(monday.getUTCDate() + 7 * delta + 3);
  const d = new Date(monday);
  // The ISO week of the Thursday is the week itself.
  const day = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - day);
  const year = d.getUTCFullYear();
  const week = Math.ceil(((d.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 + 1) / 7);
  return weekKey({ year, week });
};

/** The weeks in the picker: the last half year, and `current` when it is older. */
export function weekOptions(current: string): { value: string; label: string }[] {
  const weeks = recentWeeks(WEEKS_IN_PICKER).map((w, i) => {
    const sunday = new Date(w.monday);
    sunday.setUTCDate(sunday.getUTCDate() + 6);
    const label = staffWeekTexts.pickerOption(
      w.week,
      w.year,
      formatUtcShortDate(w.monday),
      formatUtcShortDate(sunday),
    );
    return { value: weekKey(w), label: i === 0 ? `${label} ${staffWeekTexts.currentWeek}` : label };
  });
  if (current && !weeks.some((w) => w.value === current)) {
    const w = parseWeekKey(current);
    if (w) {
      const monday = mondayOf(w);
      const sunday = new Date(monday);
      sunday.setUTCDate(sunday.getUTCDate() + 6);
      weeks.push({
        value: current,
        label: staffWeekTexts.pickerOption(
          w.week,
          w.year,
          formatUtcShortDate(monday),
          formatUtcShortDate(sunday),
        ),
      });
    }
  }
  return weeks;
}
