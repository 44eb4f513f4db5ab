// Concrete shift instances for a horizon, generated from patterns (local dates and times) plus
// overrides. Instants come from the local date + local times through Temporal (wall-clock.ts), so a
// 22:00–06:00 shift is 7 h on the night of 2026-03-29 and 9 h on the night of 2026-10-25.
import { addDaysTo, compareDates, wallClockRange, weekdayOf } from '../time/wall-clock.ts';
import { applyOverrides, type OverrideIssue } from './overrides.ts';
import type { ExtraShiftOverride, RosterOverride, ShiftInstance, ShiftPattern } from './roster-schema.ts';

/** The default horizon: six weeks ahead. */
export const DEFAULT_HORIZON_DAYS = 42;

export interface GenerateInput {
  patterns: readonly ShiftPattern[];
  overrides: readonly RosterOverride[];
  /** First local date whose shifts are generated (shifts are counted on the date they start). */
  from: string;
  days?: number;
}

export interface GeneratedShifts {
  instances: ShiftInstance[];
  issues: OverrideIssue[];
}

/** Stable ids, so a regeneration recognises the same shift: `<patternId>/<date>` and `extra/<overrideId>`. */
export const patternInstanceId = (patternId: string, date: string) => `${patternId}/${date}`;
export const extraInstanceId = (overrideId: string) => `extra/${overrideId}`;

const patternRunsOn = (p: ShiftPattern, date: string) =>
  p.weekdays.includes(weekdayOf(date)) &&
  compareDates(p.validFrom, date) <= 0 &&
  (p.validUntil === null || compareDates(date, p.validUntil) <= 0);

function instance(
  base: Pick<ShiftInstance, 'id' | 'teamId' | 'label' | 'source' | 'memberIds' | 'leadId' | 'overrideIds'>,
  date: string,
  start: string,
  end: string,
): ShiftInstance {
  const { startsAt, endsAt } = wallClockRange(date, start, end);
  return { ...base, localDate: date, localStart: start, localEnd: end, startsAt, endsAt };
}

export function patternInstance(p: ShiftPattern, date: string): ShiftInstance {
  const base = {
    id: patternInstanceId(p.id, date),
    teamId: p.teamId,
    label: p.label,
    source: { kind: 'pattern' as const, patternId: p.id },
    memberIds: [...p.memberIds],
    leadId: p.leadId,
    overrideIds: [],
  };
  return instance(base, date, p.start, p.end);
}

export function extraInstance(o: ExtraShiftOverride): ShiftInstance {
  const base = {
    id: extraInstanceId(o.id),
    teamId: o.teamId,
    label: o.label,
    source: { kind: 'extra' as const, overrideId: o.id },
    memberIds: [...o.memberIds],
    leadId: o.leadId,
    overrideIds: [o.id],
  };
  return instance(base, o.date, o.start, o.end);
}

/** The local dates from `from` on, `days` of them. */
export function horizonDates(from: string, days: number): string[] {
  return Array.from({ length: days }, (_, i) => addDaysTo(from, i));
}

/**
 * The shift instances whose local start date lies in [from, from + days), sorted by start. Swap and
 * absence overrides are applied after the patterns, in the order given, and extra shifts are added, so
 * an override always beats a pattern. Overrides that could not apply are listed in `issues`.
 */
export function generateShiftInstances(input: GenerateInput): GeneratedShifts {
  const dates = horizonDates(input.from, input.days ?? DEFAULT_HORIZON_DAYS);
  const inHorizon = new Set(dates);
  const shifts: ShiftInstance[] = [];
  for (const date of dates) {
    for (const p of input.patterns) if (patternRunsOn(p, date)) shifts.push(patternInstance(p, date));
  }
  const overrides = input.overrides.filter((o) => inHorizon.has(o.date));
  for (const o of overrides) if (o.kind === 'extra') shifts.push(extraInstance(o));
  const { shifts: applied, issues } = applyOverrides(shifts, overrides);
  return { instances: applied.sort(byStart), issues };
}

export const byStart = (a: ShiftInstance, b: ShiftInstance): number =>
  a.startsAt.getTime() - b.startsAt.getTime() || a.id.localeCompare(b.id);
