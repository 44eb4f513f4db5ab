// Half-open intervals of instants [start, end) and the little set arithmetic coverage needs.

export interface Interval {
  start: Date;
  end: Date;
}

/** Sorted, with overlapping and touching intervals joined; empty ones dropped. */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals
    .filter((i) => i.end > i.start)
    .sort((a, b) => a.start.getTime() - b.start.getTime());
  const merged: Interval[] = [];
  for (const i of sorted) {
    const last = merged.at(-1);
    if (last && i.start <= last.end) {
      if (i.end > last.end) last.end = i.end;
    } else {
      merged.push({ start: i.start, end: i.end });
    }
  }
  return merged;
}

/** The parts of `from` that no interval of `minus` covers. */
export function subtractIntervals(from: readonly Interval[], minus: readonly Interval[]): Interval[] {
  const cover = mergeIntervals(minus);
  const result: Interval[] = [];
  for (const part of mergeIntervals(from)) {
    let cursor = part.start;
    for (const c of cover) {
      if (c.end <= cursor || c.start >= part.end) continue;
      if (c.start > cursor) result.push({ start: cursor, end: c.start });
      if (c.end > cursor) cursor = c.end;
    }
    if (cursor < part.end) result.push({ start: cursor, end: part.end });
  }
  return result;
}

/** `interval` cut to [from, until), or null when nothing of it lies inside. */
export function clipInterval(interval: Interval, from: Date, until: Date): Interval | null {
  const start = interval.start > from ? interval.start : from;
  const end = interval.end < until ? interval.end : until;
  return end > start ? { start, end } : null;
}
