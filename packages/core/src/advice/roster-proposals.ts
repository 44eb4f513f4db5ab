// Roster proposals: the stretches of peak hours in the advised week that nobody of the team works,
// gathered per wall-clock stretch over the days and places they hold. "extend" where a shift ends
// inside the peak (the people on it are asked first), "extra" where nobody works any of it.
import type { Interval } from '../roster/intervals.ts';
import type { ShiftInstance } from '../roster/roster-schema.ts';
import { amsterdamParts } from '../time/amsterdam-time.ts';
import type { IsoWeek } from '../time/iso-week.ts';
import {
  type AdviceSettings,
  countIn,
  evidence,
  hhmm,
  localDateOfInstant,
  type RosterProposal,
} from './advice-model.ts';
import type { CellProfile } from './cell-profile.ts';
import { fnv1a } from './patrol-visits.ts';
import type { PeakWindow } from './peak-windows.ts';

export function rosterProposalsOf(
  gaps: { w: PeakWindow; part: Interval }[],
  staffed: readonly ShiftInstance[],
  profiles: Map<string, CellProfile>,
  week: IsoWeek,
  s: AdviceSettings,
): RosterProposal[] {
  // One proposal per wall-clock stretch and kind; the days and the places it holds are gathered.
  const grouped = new Map<string, RosterProposal & { cells: Map<string, number> }>();
  for (const { w, part } of gaps) {
    const ending = staffed.find((sh) => sh.endsAt.getTime() === part.start.getTime());
    const kind = ending ? 'extend' : 'extra';
    const start = hhmm(part.start);
    const end = hhmm(part.end);
    const key = `${kind}|${start}|${end}`;
    const g =
      grouped.get(key) ??
      ({
        id: '',
        kind,
        weekdays: [],
        dates: [],
        start,
        end,
        coveredUntil: ending ? start : null,
        suggestedMemberIds: [],
        places: [],
        cells: new Map<string, number>(),
      } satisfies RosterProposal & { cells: Map<string, number> });
    const date = localDateOfInstant(part.start);
    if (!g.dates.includes(date)) g.dates.push(date);
    const weekday = amsterdamParts(part.start).isoWeekday;
    if (!g.weekdays.includes(weekday)) g.weekdays.push(weekday);
    for (const id of ending?.memberIds ?? [])
      if (!g.suggestedMemberIds.includes(id)) g.suggestedMemberIds.push(id);
    const p = profiles.get(w.cell);
    if (p) g.cells.set(w.cell, (g.cells.get(w.cell) ?? 0) + countIn(p, week, part));
    grouped.set(key, g);
  }
  return [...grouped.values()]
    .map(({ cells, ...g }) => {
      g.dates.sort();
      g.weekdays.sort((a, b) => a - b);
      const places = [...cells.entries()].flatMap(([cell, n]) => {
        const p = profiles.get(cell);
        return p ? [evidence(p, n, s)] : [];
      });
      places.sort((a, b) => b.windowCount - a.windowCount || a.cell.localeCompare(b.cell));
      const id = `rp-${fnv1a(`${g.kind}|${g.dates.join(',')}|${g.start}|${g.end}|${places.map((p) => p.cell).join(',')}`).toString(16)}`;
      return { ...g, id, places };
    })
    .sort(
      (a, b) => (b.places[0]?.windowCount ?? 0) - (a.places[0]?.windowCount ?? 0) || a.id.localeCompare(b.id),
    );
}
