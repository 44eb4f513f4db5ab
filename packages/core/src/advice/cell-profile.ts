// The evidence of the roster advice, per H3 cell (resolution 9, ≈ 0.1 km²): from the meldingen that
// residents made in the weeks before the advised week, how many, how harmful, when (Amsterdam
// weekday × hour) and whether it rises or falls. Meldingen made by staff are left out on purpose:
// advice computed from what officers find themselves sends them back to where they already are.
import { amsterdamParts } from '../time/amsterdam-time.ts';
import { type IsoWeek, shiftWeek, weekBounds } from '../time/iso-week.ts';
import { type HarmWeights, harmWeight } from './harm-weights.ts';

export const meldingOrigins = ['resident', 'staff'] as const;
export type MeldingOrigin = (typeof meldingOrigins)[number];

/** What the advice reads of a melding: no description, no contact, no address. */
export interface AdviceMelding {
  category: string;
  subcategory: string | null;
  /** H3 cell at resolution 9. */
  cell: string;
  happenedAt: Date;
  origin: MeldingOrigin;
  /**
   * How many meldingen this row stands for (default 1): the database hands over one row per cell,
   * category, subcategory and Amsterdam hour of a week, with the earliest of them as happenedAt.
   */
  count?: number;
  /**
   * The hour of the week on the Amsterdam clock (slotOf), when the database computed it already;
   * otherwise it is read from happenedAt (through Temporal, which costs per row).
   */
  slot?: number;
}

/** The hour of the week (slotOf) of a melding on the Amsterdam clock. */
export function slotOfMelding(m: Pick<AdviceMelding, 'happenedAt' | 'slot'>): number {
  if (m.slot !== undefined) return m.slot;
  const local = amsterdamParts(m.happenedAt);
  return slotOf(local.isoWeekday, local.hour);
}

/** Hours of the week: index (isoWeekday − 1) × 24 + hour, Monday 00:00 = 0, Sunday 23:00 = 167. */
export const HOURS_PER_WEEK = 168;
export const slotOf = (isoWeekday: number, hour: number): number => (isoWeekday - 1) * 24 + hour;

export interface CellProfile {
  cell: string;
  /** Resident meldingen in the history weeks. */
  count: number;
  /** Σ harm × recency. */
  score: number;
  /** Per hour of the week (slotOf): meldingen and score. */
  slotCounts: number[];
  slotScores: number[];
  /** Meldingen per history week, oldest first (the last is the week just before the advised one). */
  weeklyCounts: number[];
  byCategory: Record<string, number>;
}

export interface ProfileSettings {
  /** Full weeks before the advised week that count (4–8). */
  historyWeeks: number;
  harmWeights: HarmWeights;
}

/**
 * Recency weight of a melding `weeksBack` full weeks before the advised week (1 = the week just
 * before): linear, from 1 down to 1/historyWeeks for the oldest week counted.
 */
export const recencyWeight = (weeksBack: number, historyWeeks: number): number =>
  weeksBack < 1 || weeksBack > historyWeeks ? 0 : (historyWeeks - weeksBack + 1) / historyWeeks;

/** The history as instants: Monday 00:00 of the first history week up to the advised week's Monday. */
export function historyBounds(week: IsoWeek, historyWeeks: number): { from: Date; to: Date } {
  return { from: weekBounds(shiftWeek(week, -historyWeeks)).from, to: weekBounds(week).from };
}

/** The profile of every cell with at least one resident melding in the history of `week`. */
export function cellProfiles(
  meldingen: readonly AdviceMelding[],
  week: IsoWeek,
  settings: ProfileSettings,
): Map<string, CellProfile> {
  const { historyWeeks } = settings;
  // Week starts from the oldest history week to the advised week, so a DST week is as long as it is.
  const starts = Array.from({ length: historyWeeks + 1 }, (_, i) =>
    weekBounds(shiftWeek(week, i - historyWeeks)).from.getTime(),
  );
  const profiles = new Map<string, CellProfile>();
  for (const m of meldingen) {
    if (m.origin !== 'resident') continue;
    const t = m.happenedAt.getTime();
    const first = starts[0] ?? 0;
    const last = starts[historyWeeks] ?? 0;
    if (t < first || t >= last) continue;
    let index = 0;
    while (index < historyWeeks - 1 && t >= (starts[index + 1] ?? Number.POSITIVE_INFINITY)) index++;
    const weeksBack = historyWeeks - index;
    const n = m.count ?? 1;
    const weight =
      n *
      harmWeight(settings.harmWeights, m.category, m.subcategory) *
      recencyWeight(weeksBack, historyWeeks);
    const slot = slotOfMelding(m);
    let p = profiles.get(m.cell);
    if (!p) {
      p = {
        cell: m.cell,
        count: 0,
        score: 0,
        slotCounts: new Array<number>(HOURS_PER_WEEK).fill(0),
        slotScores: new Array<number>(HOURS_PER_WEEK).fill(0),
        weeklyCounts: new Array<number>(historyWeeks).fill(0),
        byCategory: {},
      };
      profiles.set(m.cell, p);
    }
    p.count += n;
    p.score += weight;
    p.slotCounts[slot] = (p.slotCounts[slot] ?? 0) + n;
    p.slotScores[slot] = (p.slotScores[slot] ?? 0) + weight;
    p.weeklyCounts[index] = (p.weeklyCounts[index] ?? 0) + n;
    p.byCategory[m.category] = (p.byCategory[m.category] ?? 0) + n;
  }
  return profiles;
}

export type Trend = 'stijgend' | 'dalend' | 'gelijk';

/** The later half of the history against the earlier half: a change of at least a quarter and 2 meldingen. */
export function trendOf(weeklyCounts: readonly number[]): Trend {
  const half = Math.floor(weeklyCounts.length / 2);
  const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
  const earlier = sum(weeklyCounts.slice(0, half));
  const later = sum(weeklyCounts.slice(weeklyCounts.length - half));
  if (later - earlier >= 2 && later >= earlier * 1.25) return 'stijgend';
  if (earlier - later >= 2 && later <= earlier * 0.75) return 'dalend';
  return 'gelijk';
}

/** The weekday × hour matrix of a slot array: 7 rows (Monday first) of 24 hours. */
export const weekdayHourMatrix = (slots: readonly number[]): number[][] =>
  Array.from({ length: 7 }, (_, d) => slots.slice(d * 24, d * 24 + 24));

export const dominantCategory = (byCategory: Record<string, number>): string =>
  Object.entries(byCategory).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? '';
