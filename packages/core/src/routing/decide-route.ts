// The routing decision: the first active rule (by position) whose conditions all hold decides; the
// category's default team and priority are the last resort, so every melding of a known category gets
// a team. Pure: everything a caller must look up arrives in the context (see routing-context.ts).
import { routingRuleMessages as m, routingReasonTexts as t } from '../texts/routing-nl.ts';
import { amsterdamParts } from '../time/amsterdam-time.ts';
import { localTimeOf } from '../time/wall-clock.ts';
import { evaluateConditions, timeOf, wallClockOfFacts } from './conditions.ts';
import type { MeldingFacts, RouteDecision, RoutingContext, SkippedRule } from './routing-context.ts';
import type { RoutingRule } from './rule-schema.ts';
import { ruleChecker } from './validate.ts';

/** Rules in the order they are tried: by position, then id (stable for equal positions). */
export const orderRules = (rules: readonly RoutingRule[]): RoutingRule[] =>
  [...rules].sort((a, b) => a.position - b.position || a.id.localeCompare(b.id));

function ruleFacts(
  rule: RoutingRule,
  facts: MeldingFacts,
  ctx: RoutingContext,
  held: { facts: string[]; dutyFact: string | null },
): string[] {
  const category = ctx.categories.find((c) => c.id === facts.category);
  const list = [category?.label.toLowerCase() ?? facts.category];
  const sub = category?.subcategories?.find((s) => s.id === facts.subcategory);
  if (rule.conditions.subcategories && sub) list.push(sub.label.toLowerCase());
  list.push(...held.facts);
  const at = timeOf(facts, rule.conditions.time?.on ?? 'happened_at');
  const weekday = rule.conditions.time?.weekdays ? amsterdamParts(at).isoWeekday : null;
  const wijk = ctx.areas.find((a) => a.kind === 'wijk');
  const area = ctx.areas.find((a) => rule.conditions.areaCodes?.includes(a.code)) ?? wijk;
  const when = t.time(localTimeOf(at), weekday);
  list.push(area ? `${when} ${t.inArea(area.kind, area.naam)}` : when);
  if (held.dutyFact) list.push(held.dutyFact);
  return list;
}

// Without knownAreaCodes the areas are not checked: every area a rule names counts as known.
const allAreaCodes = (rules: readonly RoutingRule[]) =>
  new Set(rules.flatMap((r) => r.conditions.areaCodes ?? []));

const missingError = (what: string): SkippedRule['errors'][number] =>
  what === 'repeat'
    ? { field: 'conditions.repeat', message: m.lookupMissing(m.repeatLookup) }
    : {
        field: 'conditions.teamOnDuty',
        message: m.lookupMissing(m.onDutyLookup(what.slice('onDuty:'.length))),
      };

/**
 * Which team, priority and note, by which rule (id, name, version; null for the default) and why, in
 * plain Dutch with times in Europe/Amsterdam. Active rules that are invalid now or whose lookups are
 * missing are passed over and listed in `skipped`. Undefined only for a category the context does not know.
 */
export function decideRoute(
  facts: MeldingFacts,
  rules: readonly RoutingRule[],
  ctx: RoutingContext,
): RouteDecision | undefined {
  const category = ctx.categories.find((c) => c.id === facts.category);
  if (!category) return undefined;
  const teams = new Map(ctx.teams.map((team) => [team.id, team]));
  const teamName = (id: string) => teams.get(id)?.name ?? id;
  const check = ruleChecker({
    activeTeams: ctx.teams.filter((team) => team.active).map((team) => team.id),
    knownAreas: ctx.knownAreaCodes ?? allAreaCodes(rules),
    categories: ctx.categories,
  });
  const skipped: SkippedRule[] = [];
  const wallClock = wallClockOfFacts(facts);
  const ordered = orderRules(rules);
  for (const [index, rule] of ordered.entries()) {
    if (!rule.active) continue;
    const problems = check(rule);
    const skip = (errors: SkippedRule['errors']) =>
      skipped.push({ ruleId: rule.id, name: rule.name, version: rule.version, errors });
    if (problems.length > 0) {
      skip(problems);
      continue;
    }
    const result = evaluateConditions(rule, facts, ctx, teamName, wallClock);
    if ('missing' in result) {
      skip([missingError(result.missing)]);
      continue;
    }
    if (!result.holds) continue;
    const { teamId, priority, note } = rule.outcome;
    const reasonFacts = ruleFacts(rule, facts, ctx, result);
    return {
      teamId,
      teamName: teamName(teamId),
      priority,
      note,
      rule: { id: rule.id, name: rule.name, version: rule.version },
      reason: t.rule(index + 1, rule.name, reasonFacts, teamName(teamId), priority),
      skipped,
    };
  }
  return {
    teamId: category.defaultTeam,
    teamName: teamName(category.defaultTeam),
    priority: category.defaultPriority,
    note: null,
    rule: null,
    reason: t.defaultTeam(category.label),
    skipped,
  };
}
