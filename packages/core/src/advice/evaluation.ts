// Did it help? For a patrol window that ran: meldingen in its places and hours during the week it ran
// and the weeks after, against the weeks before — and the same for comparable places without visits
// (same category, similar counts before) and for the neighbouring cells, where nuisance that moved
// would show (the "waterbedeffect"). A simple difference-in-differences: it shows a change, not a cause.
import { gridDisk } from 'h3-js';
import { type IsoWeek, shiftWeek, weekBounds } from '../time/iso-week.ts';
import { type AdviceMelding, slotOfMelding } from './cell-profile.ts';

export interface TreatedWindow {
  /** The cells visited. */
  cells: string[];
  category: string;
  /** The hours of the week (slotOf) the window covered. */
  slots: number[];
  /** The week it ran. */
  week: IsoWeek;
}

export interface EvaluationSettings {
  /** Weeks before the window that form the baseline. */
  beforeWeeks: number;
  /** Weeks after the window's week that are looked at too (only those already over). */
  afterWeeks: number;
  /** A comparable cell had between 1/ratio and ratio times the treated cells' rate before. */
  comparableRatio: number;
}

export const defaultEvaluationSettings: EvaluationSettings = {
  beforeWeeks: 4,
  afterWeeks: 2,
  comparableRatio: 2,
};

/** Meldingen per cell per week in the window's hours. */
export interface Rates {
  cells: number;
  before: number;
  during: number;
  /** null while no week after has ended. */
  after: number | null;
}

export interface WindowEvaluation {
  treated: Rates;
  comparison: Rates | null;
  neighbours: Rates | null;
  /** (treated during − before) − (comparison during − before); null without comparison cells. */
  difference: number | null;
  /** Same for the weeks after. */
  differenceAfter: number | null;
  /** (neighbours during − before) − (comparison during − before): positive hints at displacement. */
  displacement: number | null;
  /** Fewer than 10 meldingen in all of it: the numbers say little. */
  uncertain: boolean;
  total: number;
}

type Period = 'before' | 'during' | 'after';

export function evaluateWindow(
  meldingen: readonly AdviceMelding[],
  window: TreatedWindow,
  now: Date,
  settings: Partial<EvaluationSettings> = {},
): WindowEvaluation {
  const s = { ...defaultEvaluationSettings, ...settings };
  const beforeFrom = weekBounds(shiftWeek(window.week, -s.beforeWeeks)).from.getTime();
  const during = weekBounds(window.week);
  const afterTo = weekBounds(shiftWeek(window.week, s.afterWeeks)).to;
  // Only weeks after that are over count, so a half week does not look like a drop.
  let afterWeeksOver = 0;
  for (let k = 1; k <= s.afterWeeks; k++)
    if (weekBounds(shiftWeek(window.week, k)).to <= now) afterWeeksOver = k;
  const afterEnd = afterWeeksOver > 0 ? weekBounds(shiftWeek(window.week, afterWeeksOver)).to.getTime() : 0;
  const slots = new Set(window.slots);

  const counts = new Map<string, Record<Period, number>>();
  for (const m of meldingen) {
    if (m.origin !== 'resident' || m.category !== window.category) continue;
    const t = m.happenedAt.getTime();
    if (t < beforeFrom || t >= afterTo.getTime()) continue;
    if (!slots.has(slotOfMelding(m))) continue;
    const period: Period | undefined =
      t < during.from.getTime()
        ? 'before'
        : t < during.to.getTime()
          ? 'during'
          : t < afterEnd
            ? 'after'
            : undefined;
    if (!period) continue;
    const c = counts.get(m.cell) ?? { before: 0, during: 0, after: 0 };
    c[period] += m.count ?? 1;
    counts.set(m.cell, c);
  }

  const treatedCells = new Set(window.cells);
  const neighbourCells = new Set(
    window.cells.flatMap((c) => gridDisk(c, 1)).filter((c) => !treatedCells.has(c)),
  );
  const rates = (cells: readonly string[]): Rates => {
    const sum = { before: 0, during: 0, after: 0 };
    for (const c of cells) {
      const n = counts.get(c);
      if (!n) continue;
      sum.before += n.before;
      sum.during += n.during;
      sum.after += n.after;
    }
    const k = Math.max(cells.length, 1);
    return {
      cells: cells.length,
      before: sum.before / s.beforeWeeks / k,
      during: sum.during / k,
      after: afterWeeksOver > 0 ? sum.after / afterWeeksOver / k : null,
    };
  };
  const treated = rates(window.cells);
  const perWeekBefore = (c: string) => (counts.get(c)?.before ?? 0) / s.beforeWeeks;
  const comparable = [...counts.keys()].filter((c) => {
    if (treatedCells.has(c) || neighbourCells.has(c)) return false;
    const r = perWeekBefore(c);
    return r > 0 && r >= treated.before / s.comparableRatio && r <= treated.before * s.comparableRatio;
  });
  const comparison = comparable.length > 0 ? rates(comparable.sort()) : null;
  const neighbours = neighbourCells.size > 0 ? rates([...neighbourCells].sort()) : null;
  const change = (r: Rates) => r.during - r.before;
  const difference = comparison ? change(treated) - change(comparison) : null;
  const differenceAfter =
    comparison && treated.after !== null && comparison.after !== null
      ? treated.after - treated.before - (comparison.after - comparison.before)
      : null;
  const displacement = comparison && neighbours ? change(neighbours) - change(comparison) : null;
  let total = 0;
  for (const c of window.cells) {
    const n = counts.get(c);
    if (n) total += n.before + n.during + n.after;
  }
  return {
    treated,
    comparison,
    neighbours,
    difference,
    differenceAfter,
    displacement,
    uncertain: total < 10,
    total,
  };
}
