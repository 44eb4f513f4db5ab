// The routing context of an installation that has no routing rules or rosters yet: Soest's reference
// data only (categories with their default team and priority, every seeded team active). With no rules,
// decideRoute reads nothing else, so the default path needs no lookups.
import { categories, defaultTeams } from '../categories.ts';
import type { RoutingContext } from './routing-context.ts';

export const referenceRoutingContext: RoutingContext = {
  areas: [],
  repeatCounts: {},
  onDuty: {},
  categories,
  teams: defaultTeams.map((team) => ({ id: team.id, name: team.name, active: true })),
};
