import {
  decideRoute as decideRouteByRules,
  type FieldError,
  flagInvalidRules,
  type RouteDecision,
} from '@buurtsignaal/core';
import type { DbOrTx } from '@buurtsignaal/db';
import type { ConfigView } from '@buurtsignaal/db/queries/config/config-cache';
import {
  type LoadedRoutingContext,
  loadRoutingContext,
} from '@buurtsignaal/db/queries/routing/routing-context';
import type { RoutingInput } from '@buurtsignaal/db/queries/routing/routing-facts';
import { flagRoutingRule } from '@buurtsignaal/db/tables/routing-rules-repository';
import type { Logger } from 'pino';
import { errorText } from '../log-safety.ts';

// The worker's routing decision: core decideRoute with the stored rules (current versions), the
// teams, the areas, the repeat counts and who is on duty, all read from the database. Every melding
// of a known category gets a team: the category's default is the last resort.

/** A rule that is active and cannot be tried as it is now: flagged on the rule and logged, never silent. */
export interface RuleProblem {
  ruleId: string;
  version: number;
  errors: FieldError[];
  /** Whether the stored flag already says so (then nothing is written). */
  stored: boolean;
}

export interface RoutingResult {
  decision: RouteDecision;
  /** Every stored rule's problems now (empty errors: valid), to bring the rules' flags up to date. */
  ruleStates: RuleProblem[];
}

function ruleStates(loaded: LoadedRoutingContext): RuleProblem[] {
  const invalid = flagInvalidRules(loaded.rules, {
    activeTeams: loaded.context.teams.filter((t) => t.active).map((t) => t.id),
    knownAreas: loaded.context.knownAreaCodes ?? new Set<string>(),
    categories: loaded.context.categories,
  });
  const errorsOf = new Map<string, FieldError[]>(invalid.map((r) => [r.ruleId, r.errors]));
  for (const m of loaded.malformed) errorsOf.set(m.rule.id, m.errors);
  return loaded.stored.map((s) => {
    const errors = errorsOf.get(s.id) ?? [];
    const stored =
      errors.length === 0
        ? s.invalidSince === null
        : s.invalidSince !== null && JSON.stringify(s.problems) === JSON.stringify(errors);
    return { ruleId: s.id, version: s.version, errors, stored };
  });
}

/**
 * Decides for the stored melding (its routing input, routing-facts.ts) at the deciding moment `at` (who
 * is on duty then). Undefined when its category is unknown to this installation.
 */
export async function decideRouting(
  db: DbOrTx,
  input: RoutingInput,
  at: Date,
  view?: ConfigView,
): Promise<RoutingResult | undefined> {
  const loaded = await loadRoutingContext(db, { ...input, at, countsSelf: true }, view);
  const decision = decideRouteByRules(input.facts, loaded.rules, loaded.context);
  if (!decision) return undefined;
  return { decision, ruleStates: ruleStates(loaded) };
}

/**
 * Brings the rules' invalid flags up to date (writes only what changed) and logs each active rule that
 * was passed over: rule id, version and the fields, no melding data.
 */
export async function syncRuleFlags(
  db: DbOrTx,
  result: RoutingResult,
  at: Date,
  logger: Logger,
): Promise<void> {
  for (const s of result.decision.skipped) {
    logger.warn(
      { ruleId: s.ruleId, version: s.version, fields: s.errors.map((e) => e.field) },
      'routing rule skipped: invalid',
    );
  }
  for (const state of result.ruleStates) {
    if (state.stored) continue;
    try {
      const changed = await flagRoutingRule(db, state.ruleId, state.version, state.errors, at);
      if (changed && state.errors.length > 0)
        logger.warn(
          { ruleId: state.ruleId, version: state.version, fields: state.errors.map((e) => e.field) },
          'routing rule flagged invalid',
        );
    } catch (err) {
      // The assignment is stored; the flag follows with the next melding.
      logger.warn({ ruleId: state.ruleId, err: errorText(err) }, 'routing rule flag not updated');
    }
  }
}
