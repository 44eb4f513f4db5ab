import { categories, defaultTeamOf } from '../categories.ts';

/**
 * The teams a new hotspot of a rule notifies. Until teams have areas of their own, every team covers
 * every wijk for the categories it is the default team of: the rule's category's default team, or for
 * a rule over all categories (null) every category's default team, each once. An unknown category
 * notifies nobody.
 */
export function hotspotTeams(category: string | null, _wijkCode: string | null = null): string[] {
  if (category !== null) {
    const team = defaultTeamOf(category);
    return team ? [team] : [];
  }
  return [...new Set(categories.map((c) => c.defaultTeam))];
}
