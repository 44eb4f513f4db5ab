import { getCategory } from '@buurtsignaal/core';
import { routingTexts } from '../texts-nl.ts';

export interface RouteDecision {
  teamId: string;
  priority: string;
  /** Internal note for staff, Dutch. */
  reason: string;
}

/**
 * Which team and priority, and why. For now the category's default team; routing rules (area, time
 * of day, roster) come later and will replace this function's body, not its callers.
 * Returns undefined for a category this installation does not know.
 */
export function decideRoute(melding: { category: string }): RouteDecision | undefined {
  const category = getCategory(melding.category);
  if (!category) return undefined;
  return {
    teamId: category.defaultTeam,
    priority: category.defaultPriority,
    reason: routingTexts.defaultTeamReason(category.label),
  };
}
