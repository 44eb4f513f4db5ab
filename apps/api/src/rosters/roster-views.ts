import {
  type Interval,
  localDateOf,
  localTimeOf,
  type OverrideIssue,
  type RosterOverride,
  type ShiftInstance,
} from '@buurtsignaal/core';
import type { CoverageGapView, OverrideView, ShiftView } from '@buurtsignaal/core/contract';
import { rosterTexts as t } from '../texts/index.ts';

// Stored roster data as the contract sends it: names next to ids, local times next to instants.

export type Names = ReadonlyMap<string, string>;

const person = (names: Names, id: string) => ({ id, name: names.get(id) ?? id });

export function shiftView(s: ShiftInstance, names: Names): ShiftView {
  return {
    id: s.id,
    teamId: s.teamId,
    label: s.label,
    source: s.source.kind,
    patternId: s.source.kind === 'pattern' ? s.source.patternId : null,
    localDate: s.localDate,
    localStart: s.localStart,
    localEnd: s.localEnd,
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    members: s.memberIds.map((id) => person(names, id)),
    lead: s.leadId ? person(names, s.leadId) : null,
    overrideIds: [...s.overrideIds],
  };
}

export function overrideView(o: RosterOverride, names: Names): OverrideView {
  const name = (id: string) => names.get(id) ?? id;
  const summary =
    o.kind === 'swap'
      ? t.summary.swap(name(o.memberId), name(o.replacementId))
      : o.kind === 'absent'
        ? t.summary[o.cause](name(o.memberId))
        : t.summary.extra(o.label, o.start, o.end);
  return { id: o.id, teamId: o.teamId, date: o.date, kind: o.kind, reason: o.reason, summary };
}

export const issueView = (i: OverrideIssue) => ({
  overrideId: i.overrideId,
  date: i.date,
  message: i.message,
});

export function gapView(g: Interval): CoverageGapView {
  return {
    startsAt: g.start,
    endsAt: g.end,
    startDate: localDateOf(g.start),
    startTime: localTimeOf(g.start),
    endDate: localDateOf(g.end),
    endTime: localTimeOf(g.end),
    minutes: Math.round((g.end.getTime() - g.start.getTime()) / 60_000),
  };
}

/** The staff ids a set of shifts and overrides mention (for one name lookup). */
export function mentionedIds(shifts: readonly ShiftInstance[], overrides: readonly RosterOverride[] = []) {
  const ids = new Set<string>();
  for (const s of shifts) {
    for (const id of s.memberIds) ids.add(id);
    if (s.leadId) ids.add(s.leadId);
  }
  for (const o of overrides) {
    if (o.kind === 'extra') for (const id of o.memberIds) ids.add(id);
    else ids.add(o.memberId);
    if (o.kind === 'swap') ids.add(o.replacementId);
  }
  return [...ids];
}
