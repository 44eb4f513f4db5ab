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
import type { StoredRoutingRule } from '../../tables/routing-rules-repository.ts';
import { type ConfigView, configOf } from '../config/config-cache.ts';
import { teamsOnDuty } from '../roster/on-duty.ts';
import { areaContextAt } from './areas-at.ts';
import { countRepeatsAt } from './repeat-counts.ts';
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

type Parsed = { ok: true; rule: RoutingRule } | { ok: false; errors: FieldError[] };

// A version never changes (routing_rule_versions is immutable), so its parse is kept by rule id and
// version; position and active belong to the rule row and are taken fresh each time.
const parsedVersions = new Map<string, Parsed>();
const PARSED_VERSIONS_MAX = 10_000;

function parseVersion(s: StoredRoutingRule): Parsed {
  const key = `${s.id}@${s.version}`;
  const cached = parsedVersions.get(key);
  if (cached) return cached;
  const result = routingRuleSchema.safeParse({
    id: s.id,
    name: s.name,
    version: s.version,
    position: 0,
    active: true,
    conditions: s.conditions,
    outcome: s.outcome,
  });
  const parsed: Parsed = result.success
    ? { ok: true, rule: result.data }
    : {
        ok: false,
        errors: result.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })),
      };
  if (parsedVersions.size >= PARSED_VERSIONS_MAX) parsedVersions.clear();
  parsedVersions.set(key, parsed);
  return parsed;
}

function parseRules(stored: readonly StoredRoutingRule[]) {
  const rules: RoutingRule[] = [];
  const malformed: LoadedRoutingContext['malformed'] = [];
  for (const s of stored) {
    const parsed = parseVersion(s);
    if (parsed.ok) rules.push({ ...parsed.rule, position: s.position, active: s.active });
    else malformed.push({ rule: s, errors: parsed.errors });
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
  /** The configuration to read through (config-cache.ts); without: read fresh. */
  view?: ConfigView,
): Promise<LoadedRoutingContext> {
  const config = configOf(db, view);
  const stored = [...(await config.routingRules())];
  const { rules, malformed } = parseRules(stored);
  const teams = await config.teams();
  const area = await areaContextAt(db, input.lat, input.lng, config);
  const repeatCounts: Record<string, number> = {};
  const queries = repeatQueries(rules, input.facts.category);
  const place = {
    category: input.facts.category,
    lat: input.lat,
    lng: input.lng,
    until: input.facts.reportedAt,
  };
  const counts = await countRepeatsAt(db, place, queries);
  queries.forEach((q, i) => {
    repeatCounts[repeatKey(q)] = (counts[i] ?? 0) + (input.countsSelf ? 0 : 1);
  });
  const onDuty = await teamsOnDuty(db, onDutyTeams(rules, input.facts.category), input.at, config);
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
