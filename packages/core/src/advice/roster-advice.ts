// The roster advice for one team and one coming week: the peaks of resident meldingen (where and when)
// held against the team's shifts that week. Peaks inside a shift become patrol windows — a few places,
// short visits at random moments; peaks with nobody on duty become roster proposals. Places and times
// only: nothing here knows of persons or groups.
import { clipInterval, type Interval, mergeIntervals, subtractIntervals } from '../roster/intervals.ts';
import type { ShiftInstance } from '../roster/roster-schema.ts';
import { formatIsoWeek, type IsoWeek } from '../time/iso-week.ts';
import {
  type AdviceSettings,
  countIn,
  defaultAdviceSettings,
  evidence,
  hhmm,
  type PatrolWindow,
  type RosterProposal,
  windowInterval,
} from './advice-model.ts';
import { type AdviceMelding, type CellProfile, cellProfiles } from './cell-profile.ts';
import { fnv1a, planVisits, seededRandom } from './patrol-visits.ts';
import { type PeakWindow, peakWindows } from './peak-windows.ts';
import { rosterProposalsOf } from './roster-proposals.ts';

export interface RosterAdviceInput {
  teamId: string;
  week: IsoWeek;
  /** The team's resident (and staff, which are left out) meldingen around the history weeks. */
  meldingen: readonly AdviceMelding[];
  /** The team's shift instances of the advised week. */
  shifts: readonly ShiftInstance[];
  settings?: Partial<AdviceSettings>;
}

export interface RosterAdvice {
  teamId: string;
  week: string;
  historyWeeks: number;
  patrolWindows: PatrolWindow[];
  rosterProposals: RosterProposal[];
}

export function adviseRoster(input: RosterAdviceInput): RosterAdvice {
  const s: AdviceSettings = { ...defaultAdviceSettings, ...input.settings };
  const profiles = cellProfiles(input.meldingen, input.week, s);
  const windows = peakWindows(profiles.values(), s);
  const staffed = input.shifts.filter((sh) => sh.teamId === input.teamId && sh.memberIds.length > 0);
  const worked = mergeIntervals(staffed.map((sh) => ({ start: sh.startsAt, end: sh.endsAt })));
  const weekId = formatIsoWeek(input.week);

  // Covered peak parts per shift; uncovered parts per cell.
  const perShift = new Map<string, { shift: ShiftInstance; parts: CoveredPart[] }>();
  const gaps: { w: PeakWindow; part: Interval }[] = [];
  for (const w of windows) {
    const interval = windowInterval(input.week, w);
    for (const sh of staffed) {
      const part = clipInterval(interval, sh.startsAt, sh.endsAt);
      if (!part) continue;
      const entry = perShift.get(sh.id) ?? { shift: sh, parts: [] };
      const profile = profiles.get(w.cell);
      entry.parts.push({
        cell: w.cell,
        part,
        score: w.score,
        count: profile ? countIn(profile, input.week, part) : 0,
      });
      perShift.set(sh.id, entry);
    }
    for (const part of subtractIntervals([interval], worked)) {
      if (part.end.getTime() - part.start.getTime() >= s.minGapMinutes * 60_000) gaps.push({ w, part });
    }
  }

  const patrolWindows = [...perShift.values()]
    .sort((a, b) => a.shift.startsAt.getTime() - b.shift.startsAt.getTime())
    .map(({ shift, parts }) => patrolWindow(shift, parts, profiles, s, `${input.teamId}|${weekId}`));
  const rosterProposals = rosterProposalsOf(gaps, staffed, profiles, input.week, s);
  return { teamId: input.teamId, week: weekId, historyWeeks: s.historyWeeks, patrolWindows, rosterProposals };
}

interface CoveredPart {
  cell: string;
  part: Interval;
  /** The whole peak window's score (ranks the places) and the meldingen in the covered part. */
  score: number;
  count: number;
}

function patrolWindow(
  shift: ShiftInstance,
  parts: CoveredPart[],
  profiles: Map<string, CellProfile>,
  s: AdviceSettings,
  seed: string,
): PatrolWindow {
  const byCell = new Map<string, { score: number; count: number; parts: Interval[] }>();
  for (const { cell, part, score, count } of parts) {
    const e = byCell.get(cell) ?? { score: 0, count: 0, parts: [] };
    e.score += score;
    e.count += count;
    e.parts.push(part);
    byCell.set(cell, e);
  }
  const chosen = [...byCell.entries()]
    .sort((a, b) => b[1].score - a[1].score || a[0].localeCompare(b[0]))
    .slice(0, s.maxLocations);
  const random = seededRandom(fnv1a(`${seed}|${shift.id}`));
  const visits = chosen
    .flatMap(([cell, e]) =>
      mergeIntervals(e.parts).flatMap((p) => planVisits(cell, p.start, p.end, random, s.visits)),
    )
    .sort((a, b) => a.at.getTime() - b.at.getTime());
  const all = mergeIntervals(chosen.flatMap(([, e]) => e.parts));
  const from = all[0]?.start ?? shift.startsAt;
  const to = all.at(-1)?.end ?? shift.endsAt;
  return {
    id: `pw-${fnv1a(`${seed}|${shift.id}`).toString(16)}`,
    shiftId: shift.id,
    localDate: shift.localDate,
    from,
    to,
    localFrom: hhmm(from),
    localTo: hhmm(to),
    locations: chosen.flatMap(([cell, e]) => {
      const p = profiles.get(cell);
      return p ? [evidence(p, e.count, s)] : [];
    }),
    visits,
  };
}
