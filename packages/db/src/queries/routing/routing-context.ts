import {
  categories,
  type FieldError,
  onDutyTeams,
  type RoutingContext,
  type RoutingRule,
  repeatKey,
  repeatQueries,
  routingRuleSchema,
} from '@buurtsignaal/core';
import type { DbOrTx } from '../../client.ts';
import { listCurrentRoutingRules, type StoredRoutingRule } from '../../tables/routing-rules-repository.ts';
import { listTeams } from '../../tables/teams-repository.ts';
import { teamsOnDuty } from '../roster/on-duty.ts';
import { areaContextAt } from './areas-at.ts';
import { countRepeats } from './repeat-counts.ts';
import type { RoutingInput } from './routing-facts.ts';

// Everything core's decideRoute reads, looked up for one melding (or a dry run): the current versions
// of the rules, the teams, the areas at the place, the repeat counts the rules ask for and who of the
// teams they name is on duty at the deciding moment.

export interface LoadedRoutingContext {
  rules: RoutingRule[];
  /** The stored rules as read, with their invalid flag (to sync it). */
  stored: StoredRoutingRule[];
  /** Stored rules whose content no longer parses: not tried, and flagged. */
  malformed: { rule: StoredRoutingRule; errors: FieldError[] }[];
  context: RoutingContext;
}

function parseRules(stored: readonly StoredRoutingRule[]) {
  const rules: RoutingRule[] = [];
  const malformed: LoadedRoutingContext['malformed'] = [];
  for (const s of stored) {
    const parsed = routingRuleSchema.safeParse({
      id: s.id,
      name: s.name,
      version: s.version,
      position: s.position,
      active: s.active,
      conditions: s.conditions,
      outcome: s.outcome,
    });
    if (parsed.success) rules.push(parsed.data);
    else
      malformed.push({
        rule: s,
        errors: parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })),
      });
  }
  return { rules, malformed };
}

/**
 * `at` is the deciding moment (who is on duty). The repeat window ends at the melding's time of
 * reporting; `countsSelf` says whether the melding is stored already (a dry run adds itself).
 */
export async function loadRoutingContext(
  db: DbOrTx,
  input: RoutingInput & { at: Date; countsSelf: boolean },
): Promise<LoadedRoutingContext> {
  const stored = await listCurrentRoutingRules(db);
  const { rules, malformed } = parseRules(stored);
  const teams = await listTeams(db);
  const area = await areaContextAt(db, input.lat, input.lng);
  const repeatCounts: Record<string, number> = {};
  for (const q of repeatQueries(rules, input.facts.category)) {
    const n = await countRepeats(db, { ...q, lat: input.lat, lng: input.lng, until: input.facts.reportedAt });
    repeatCounts[repeatKey(q)] = n + (input.countsSelf ? 0 : 1);
  }
  const onDuty = await teamsOnDuty(db, onDutyTeams(rules, input.facts.category), input.at);
  return {
    rules,
    stored,
    malformed,
    context: {
      areas: area.areas,
      repeatCounts,
      onDuty,
      categories,
      teams: teams.map((t) => ({ id: t.id, name: t.name, active: t.active })),
      knownAreaCodes: area.knownAreaCodes,
    },
  };
}
