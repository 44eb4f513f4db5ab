// Each condition of a rule against the facts, and the Dutch phrase it adds to the reason when it holds.

import { routingReasonTexts as t } from '../texts/routing-nl.ts';
import { amsterdamParts, type LocalDateTime } from '../time/amsterdam-time.ts';
import { minutesOfDay } from '../time/wall-clock.ts';
import { type MeldingFacts, type RoutingContext, repeatKey } from './routing-context.ts';
import type { RoutingRule, TimeWindowCondition } from './rule-schema.ts';

export type ConditionResult =
  | { holds: true; facts: string[]; dutyFact: string | null }
  | { holds: false }
  | { missing: string };

/**
 * Whether the Amsterdam wall clock at `instant` lies in the window. The weekdays are the days the window
 * starts: Fri 22:00–02:00 holds at 01:00 on Saturday. Wall time, so DST moves nothing: 23:30 is 23:30.
 */
export function inTimeWindow(w: TimeWindowCondition, instant: Date | LocalDateTime): boolean {
  const p = instant instanceof Date ? amsterdamParts(instant) : instant;
  const now = p.hour * 60 + p.minute;
  const start = minutesOfDay(w.start);
  const end = minutesOfDay(w.end);
  const startsOn = (weekday: number) => w.weekdays === null || w.weekdays.includes(weekday);
  if (end > start) return startsOn(p.isoWeekday) && now >= start && now < end;
  const yesterday = p.isoWeekday === 1 ? 7 : p.isoWeekday - 1;
  return (startsOn(p.isoWeekday) && now >= start) || (startsOn(yesterday) && now < end);
}

export const timeOf = (facts: MeldingFacts, on: TimeWindowCondition['on']): Date =>
  on === 'reported_at' ? facts.reportedAt : (facts.happenedAt ?? facts.reportedAt);

/** The Amsterdam wall clock of the facts' moments, computed once per decision rather than per rule. */
export function wallClockOfFacts(facts: MeldingFacts): (on: TimeWindowCondition['on']) => LocalDateTime {
  const cache = new Map<TimeWindowCondition['on'], LocalDateTime>();
  return (on) => {
    let parts = cache.get(on);
    if (!parts) {
      parts = amsterdamParts(timeOf(facts, on));
      cache.set(on, parts);
    }
    return parts;
  };
}

export function evaluateConditions(
  rule: RoutingRule,
  facts: MeldingFacts,
  ctx: RoutingContext,
  teamName: (id: string) => string,
  wallClock: (on: TimeWindowCondition['on']) => LocalDateTime = wallClockOfFacts(facts),
): ConditionResult {
  const c = rule.conditions;
  const phrases: string[] = [];
  let dutyFact: string | null = null;
  if (c.categories && !(c.categories as string[]).includes(facts.category)) return { holds: false };
  if (c.subcategories && (facts.subcategory === null || !c.subcategories.includes(facts.subcategory)))
    return { holds: false };
  if (c.areaCodes && !ctx.areas.some((a) => c.areaCodes?.includes(a.code))) return { holds: false };
  if (c.time && !inTimeWindow(c.time, wallClock(c.time.on))) return { holds: false };
  for (const a of c.answers ?? []) {
    if (facts.answers[a.questionId] !== a.equals) return { holds: false };
    phrases.push(t.answer(a.questionId, a.equals));
  }
  if (c.repeat) {
    const count = ctx.repeatCounts[repeatKey({ category: facts.category, ...c.repeat })];
    if (count === undefined) return { missing: 'repeat' };
    if (count < c.repeat.minCount) return { holds: false };
    phrases.push(t.repeat(count, c.repeat.radiusMetres, c.repeat.days));
  }
  if (c.teamOnDuty) {
    const onDuty = ctx.onDuty[c.teamOnDuty.teamId];
    if (onDuty === undefined) return { missing: `onDuty:${c.teamOnDuty.teamId}` };
    if (onDuty !== c.teamOnDuty.onDuty) return { holds: false };
    dutyFact = t.onDuty(teamName(c.teamOnDuty.teamId), onDuty);
  }
  return { holds: true, facts: phrases, dutyFact };
}
