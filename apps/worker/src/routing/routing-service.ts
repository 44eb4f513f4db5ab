import {
  decideRoute as decideRouteByRules,
  type RoutingRule,
  referenceRoutingContext,
} from '@buurtsignaal/core';

export interface RouteDecision {
  teamId: string;
  priority: string;
  /** Internal note for staff, Dutch. */
  reason: string;
}

/** No routing rules are stored yet: every melding takes core's default path. */
const NO_RULES: readonly RoutingRule[] = [];

/**
 * Which team and priority, and why: core's decideRoute. With no rules that is the category's default
 * team and priority ("standaardteam voor categorie …"); stored rules and rosters arrive as its rules and
 * context, not as a second decision here. Undefined for a category this installation does not know.
 */
export function decideRoute(melding: {
  category: string;
  subcategory: string | null;
  createdAt: Date;
}): RouteDecision | undefined {
  const decision = decideRouteByRules(
    {
      category: melding.category,
      subcategory: melding.subcategory,
      answers: {},
      happenedAt: null,
      reportedAt: melding.createdAt,
    },
    NO_RULES,
    referenceRoutingContext,
  );
  if (!decision) return undefined;
  return { teamId: decision.teamId, priority: decision.priority, reason: decision.reason };
}
