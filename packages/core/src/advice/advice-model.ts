// The shapes of the roster advice (settings, evidence, patrol windows, proposals) and the small
// helpers that the advice and its proposals share: wall-clock labels and the evidence of a cell.
import { clipInterval, type Interval } from '../roster/intervals.ts';
import { addDays, amsterdamParts, formatLocalDate } from '../time/amsterdam-time.ts';
import { type IsoWeek, mondayOf } from '../time/iso-week.ts';
import { wallClockInstant } from '../time/wall-clock.ts';
import {
  type CellProfile,
  dominantCategory,
  type Trend,
  trendOf,
  weekdayHourMatrix,
} from './cell-profile.ts';
import { defaultHarmWeights, type HarmWeights } from './harm-weights.ts';
import { defaultVisitSettings, type PlannedVisit, type VisitSettings } from './patrol-visits.ts';
import { defaultPeakSettings, type PeakSettings, type PeakWindow } from './peak-windows.ts';

export interface AdviceSettings extends PeakSettings {
  historyWeeks: number;
  harmWeights: HarmWeights;
  /** Below this many meldingen the evidence is flagged "weinig meldingen — onzeker". */
  uncertainBelow: number;
  /** Places per patrol window (2–5 where the evidence has that many). */
  maxLocations: number;
  /** An uncovered stretch shorter than this is no roster proposal. */
  minGapMinutes: number;
  visits: VisitSettings;
}

export const defaultAdviceSettings: AdviceSettings = {
  ...defaultPeakSettings,
  historyWeeks: 8,
  harmWeights: defaultHarmWeights,
  uncertainBelow: 10,
  maxLocations: 5,
  minGapMinutes: 30,
  visits: defaultVisitSettings,
};

export interface CellEvidence {
  cell: string;
  /** Resident meldingen in the cell over the history, and in the proposal's hours. */
  count: number;
  windowCount: number;
  category: string;
  byCategory: Record<string, number>;
  /** 7 × 24 counts, Monday first, Amsterdam hours. */
  matrix: number[][];
  weeklyCounts: number[];
  trend: Trend;
  uncertain: boolean;
}

export interface PatrolWindow {
  id: string;
  shiftId: string;
  localDate: string;
  /** The peak hours within the shift, as instants and as Amsterdam wall clock 'HH:MM'. */
  from: Date;
  to: Date;
  localFrom: string;
  localTo: string;
  locations: CellEvidence[];
  visits: PlannedVisit[];
}

export interface RosterProposal {
  id: string;
  /** 'extend': a shift ends inside the peak on every day named; 'extra': nobody works any of it. */
  kind: 'extend' | 'extra';
  weekdays: number[];
  dates: string[];
  /** Amsterdam wall clock of the uncovered stretch. */
  start: string;
  end: string;
  /** For 'extend': the local time after which nobody is on duty (the shift's end). */
  coveredUntil: string | null;
  /** Who worked the shift that ends: the people a coordinator would ask first (ids only). */
  suggestedMemberIds: string[];
  places: CellEvidence[];
}

export const hhmm = (d: Date): string => {
  const p = amsterdamParts(d);
  return `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
};
export const localDateOfInstant = (d: Date): string => {
  const p = amsterdamParts(d);
  return formatLocalDate({ year: p.year, month: p.month, day: p.day });
};

/** The instants a peak window covers in `week` (Amsterdam wall clock, so a DST night is as long as it is). */
export function windowInterval(week: IsoWeek, w: Pick<PeakWindow, 'startSlot' | 'hours'>): Interval {
  const monday = mondayOf(week);
  const at = (slot: number) => {
    const date = formatLocalDate(addDays(monday, Math.floor(slot / 24)));
    return wallClockInstant(date, `${String(slot % 24).padStart(2, '0')}:00`);
  };
  return { start: at(w.startSlot), end: at(w.startSlot + w.hours) };
}

export function evidence(p: CellProfile, windowCount: number, s: AdviceSettings): CellEvidence {
  return {
    cell: p.cell,
    count: p.count,
    windowCount,
    category: dominantCategory(p.byCategory),
    byCategory: p.byCategory,
    matrix: weekdayHourMatrix(p.slotCounts),
    weeklyCounts: p.weeklyCounts,
    trend: trendOf(p.weeklyCounts),
    uncertain: windowCount < s.uncertainBelow,
  };
}

/** Meldingen of a cell in the hours of the week that an interval of `week` touches. */
export function countIn(p: CellProfile, week: IsoWeek, part: Interval): number {
  let count = 0;
  for (const [slot, hour] of hoursOfWeek(week).entries()) {
    if (clipInterval(hour, part.start, part.end)) count += p.slotCounts[slot % 168] ?? 0;
  }
  return count;
}

const weekHours = new Map<string, Interval[]>();

/** The hours of `week` and of the Monday after it as instants, computed once per week (Temporal is slow). */
function hoursOfWeek(week: IsoWeek): Interval[] {
  const key = `${week.year}-${week.week}`;
  let hours = weekHours.get(key);
  if (!hours) {
    hours = Array.from({ length: 168 + 24 }, (_, slot) =>
      windowInterval(week, { startSlot: slot, hours: 1 }),
    );
    if (weekHours.size > 64) weekHours.clear();
    weekHours.set(key, hours);
  }
  return hours;
}
