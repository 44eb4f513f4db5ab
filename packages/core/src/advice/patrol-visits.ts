// Short visits at unpredictable moments: the Koper curve (10–16 minutes beat a drive-by) and the
// Sacramento trial (a few hot spots, 12–16 minutes each, in random order, about every two hours). The
// moments are random but reproducible: the same team and week give the same plan on every reload.

export interface VisitSettings {
  minMinutes: number;
  maxMinutes: number;
  /** Never longer than this between two visits to one place within its peak. */
  maxGapMinutes: number;
  /** …and not much sooner than this, so a shift is not spent on one place. */
  minGapMinutes: number;
}

export const defaultVisitSettings: VisitSettings = {
  minMinutes: 10,
  maxMinutes: 15,
  maxGapMinutes: 120,
  minGapMinutes: 60,
};

export interface PlannedVisit {
  cell: string;
  at: Date;
  minutes: number;
}

/** FNV-1a of a text: the seed of a plan, and the stable id of a proposal. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** mulberry32: a small, well-known seeded generator of numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MINUTE = 60_000;

/**
 * Visits to `cell` inside [from, to): the first within the first gap's reach, each next one between
 * minGap and maxGap minutes after the previous one starts, each 10–15 minutes and ending inside the
 * interval. A peak shorter than one visit still gets one visit at its start.
 */
export function planVisits(
  cell: string,
  from: Date,
  to: Date,
  random: () => number,
  s: VisitSettings = defaultVisitSettings,
): PlannedVisit[] {
  const visits: PlannedVisit[] = [];
  const end = to.getTime();
  const minutesOf = () => s.minMinutes + Math.floor(random() * (s.maxMinutes - s.minMinutes + 1));
  let minutes = minutesOf();
  const latestFirst = Math.min(
    from.getTime() + (s.maxGapMinutes - s.maxMinutes) * MINUTE,
    end - minutes * MINUTE,
  );
  if (latestFirst <= from.getTime()) return [{ cell, at: from, minutes }];
  let at = from.getTime() + Math.floor(random() * (latestFirst - from.getTime()));
  while (at + minutes * MINUTE <= end) {
    visits.push({ cell, at: new Date(at), minutes });
    const gap = s.minGapMinutes + random() * (s.maxGapMinutes - s.minGapMinutes);
    at += Math.floor(gap * MINUTE);
    minutes = minutesOf();
    // The last stretch of a peak still gets its visit: start it so that it ends at the peak's end.
    if (
      at + minutes * MINUTE > end &&
      end - at > 0 &&
      end - (visits.at(-1)?.at.getTime() ?? 0) > s.maxGapMinutes * MINUTE
    ) {
      at = end - minutes * MINUTE;
    }
  }
  return visits;
}
