// One rule's detection pass as a decision: given the cells' counts in the rule's window and the rule's
// running hotspots, which hotspots start, which continue and which end. The database only counts and
// stores (packages/db tables/hotspots-repository applies the plan).

export interface HotspotRuleThreshold {
  /** A cell with at least this many meldingen in the window meets the rule. */
  minCount: number;
  /** The window: the last `windowDays` days up to and including the moment of the pass. */
  windowDays: number;
}

export interface HotspotCellCount {
  cell: string;
  count: number;
}

export interface RunningHotspot {
  id: string;
  cell: string;
}

export interface HotspotPassPlan {
  /** Cells that meet the rule and have no running hotspot: a new hotspot each (and its notifications). */
  start: HotspotCellCount[];
  /** Running hotspots whose cell still meets the rule: their count is updated. */
  continue: (HotspotCellCount & { id: string })[];
  /** Running hotspots whose cell no longer meets the rule. */
  end: RunningHotspot[];
}

const DAY_MS = 86_400_000;

/** The counting window of a pass at `now`: [from, to), `to` just after `now` so that `now` counts. */
export function hotspotWindow(
  rule: Pick<HotspotRuleThreshold, 'windowDays'>,
  now: Date,
): { from: Date; to: Date } {
  return { from: new Date(now.getTime() - rule.windowDays * DAY_MS), to: new Date(now.getTime() + 1) };
}

export const meetsHotspotRule = (rule: Pick<HotspotRuleThreshold, 'minCount'>, count: number): boolean =>
  count >= rule.minCount;

/**
 * Start, continue or end, per cell. `counts` may hold cells below the threshold (they are ignored) and
 * holds each cell at most once. A rule has at most one running hotspot per cell (the database's unique
 * index); should there be more, the first continues and the others end. The order of `start` and
 * `continue` follows `counts`, that of `end` follows `running`.
 */
export function planHotspotPass(
  rule: Pick<HotspotRuleThreshold, 'minCount'>,
  counts: readonly HotspotCellCount[],
  running: readonly RunningHotspot[],
): HotspotPassPlan {
  const runningByCell = new Map<string, string>();
  for (const h of running) if (!runningByCell.has(h.cell)) runningByCell.set(h.cell, h.id);
  const plan: HotspotPassPlan = { start: [], continue: [], end: [] };
  const kept = new Set<string>();
  for (const { cell, count } of counts) {
    if (!meetsHotspotRule(rule, count)) continue;
    const id = runningByCell.get(cell);
    if (id === undefined) {
      plan.start.push({ cell, count });
    } else {
      plan.continue.push({ id, cell, count });
      kept.add(id);
    }
  }
  plan.end = running.filter((h) => !kept.has(h.id));
  return plan;
}
