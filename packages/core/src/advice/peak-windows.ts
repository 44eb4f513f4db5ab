// Where and when reported nuisance concentrates: per cell with enough resident meldingen, the runs of
// consecutive hours of the week (across midnight too) whose harm-weighted score stands out.
import { type CellProfile, HOURS_PER_WEEK } from './cell-profile.ts';

export interface PeakSettings {
  /** REPORT_MIN_COUNT: a cell with fewer meldingen is never proposed on its own. */
  minCount: number;
  /** An hour is a peak hour when its score is at least this share of the cell's busiest hour. */
  peakShare: number;
  /** …and at least this many meldingen fell in it (one melding in an hour is no pattern). */
  minSlotCount: number;
  /** At most this many windows over all cells, the highest scores first. */
  maxWindows: number;
}

export const defaultPeakSettings: PeakSettings = {
  minCount: 5,
  peakShare: 0.5,
  minSlotCount: 2,
  maxWindows: 12,
};

export interface PeakWindow {
  cell: string;
  /** First hour of the week (slotOf) and the number of hours; may run past Sunday 24:00 into Monday. */
  startSlot: number;
  hours: number;
  /** Meldingen and score in the window's hours over the history. */
  count: number;
  score: number;
}

/** The peak windows of one cell, in the order of the week. */
export function cellPeakWindows(p: CellProfile, s: PeakSettings): PeakWindow[] {
  if (p.count < s.minCount) return [];
  const max = Math.max(...p.slotScores);
  if (max <= 0) return [];
  const isPeak = (slot: number) => {
    const i = ((slot % HOURS_PER_WEEK) + HOURS_PER_WEEK) % HOURS_PER_WEEK;
    return (p.slotCounts[i] ?? 0) >= s.minSlotCount && (p.slotScores[i] ?? 0) >= s.peakShare * max;
  };
  if (Array.from({ length: HOURS_PER_WEEK }, (_, i) => i).every(isPeak)) {
    return [window(p, 0, HOURS_PER_WEEK)];
  }
  const windows: PeakWindow[] = [];
  for (let slot = 0; slot < HOURS_PER_WEEK; slot++) {
    // A run starts where the hour before is no peak; it may wrap from Sunday night into Monday.
    if (!isPeak(slot) || isPeak(slot - 1)) continue;
    let hours = 1;
    while (hours < HOURS_PER_WEEK && isPeak(slot + hours)) hours++;
    windows.push(window(p, slot, hours));
  }
  return windows;
}

function window(p: CellProfile, startSlot: number, hours: number): PeakWindow {
  let count = 0;
  let score = 0;
  for (let h = 0; h < hours; h++) {
    const i = (startSlot + h) % HOURS_PER_WEEK;
    count += p.slotCounts[i] ?? 0;
    score += p.slotScores[i] ?? 0;
  }
  return { cell: p.cell, startSlot, hours, count, score };
}

/** The strongest peak windows over all cells (score, then count, then cell and hour for a stable order). */
export function peakWindows(profiles: Iterable<CellProfile>, s: PeakSettings): PeakWindow[] {
  const all = [...profiles].flatMap((p) => cellPeakWindows(p, s));
  all.sort(
    (a, b) =>
      b.score - a.score || b.count - a.count || a.cell.localeCompare(b.cell) || a.startSlot - b.startSlot,
  );
  return all.slice(0, s.maxWindows);
}
