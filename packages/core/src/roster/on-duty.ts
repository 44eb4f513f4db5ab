// "Who of team X is on duty at instant T" and "when does team X's next shift start": pure reads of
// the generated shift instances. A shift covers [startsAt, endsAt).
import type { Roster, ShiftInstance } from './roster-schema.ts';

export interface OnDutyMember {
  memberId: string;
  /** The shifts this member works at that instant (usually one; two when shifts overlap). */
  shifts: ShiftInstance[];
  /** Shift lead of one of those shifts. */
  lead: boolean;
}

export interface OnDuty {
  teamId: string;
  at: Date;
  /** The team's shifts running at that instant, also those nobody works (everyone absent). */
  shifts: ShiftInstance[];
  /** Each member once, in order of the start of their first shift. */
  members: OnDutyMember[];
  leadIds: string[];
}

const runsAt = (s: ShiftInstance, t: number) => s.startsAt.getTime() <= t && t < s.endsAt.getTime();

export function onDuty(roster: Roster, teamId: string, instant: Date): OnDuty {
  const t = instant.getTime();
  const shifts = roster.instances
    .filter((s) => s.teamId === teamId && runsAt(s, t))
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.id.localeCompare(b.id));
  const members = new Map<string, OnDutyMember>();
  for (const shift of shifts) {
    for (const memberId of shift.memberIds) {
      const entry = members.get(memberId) ?? { memberId, shifts: [], lead: false };
      entry.shifts.push(shift);
      entry.lead ||= shift.leadId === memberId;
      members.set(memberId, entry);
    }
  }
  const list = [...members.values()];
  return {
    teamId,
    at: instant,
    shifts,
    members: list,
    leadIds: list.filter((m) => m.lead).map((m) => m.memberId),
  };
}

/** True when at least one member of the team works a shift at `instant`. */
export const hasSomeoneOnDuty = (roster: Roster, teamId: string, instant: Date): boolean =>
  roster.instances.some((s) => s.teamId === teamId && s.memberIds.length > 0 && runsAt(s, instant.getTime()));

/**
 * The first instant after `instant` at which someone of the team starts a shift (shifts that nobody
 * works do not count), or undefined when nothing is planned in the roster's horizon.
 */
export function nextShiftStart(roster: Roster, teamId: string, instant: Date): Date | undefined {
  const t = instant.getTime();
  let next: number | undefined;
  for (const s of roster.instances) {
    const start = s.startsAt.getTime();
    if (s.teamId !== teamId || s.memberIds.length === 0 || start <= t) continue;
    if (next === undefined || start < next) next = start;
  }
  return next === undefined ? undefined : new Date(next);
}
