import { categories, type RuleValidationOptions } from '@buurtsignaal/core';
import type { DbOrTx } from '../../client.ts';
import { listTeams } from '../../tables/teams-repository.ts';
import { areaContextAt } from './areas-at.ts';

/**
 * What a routing rule is checked against on save (core validateRule / ruleChecker): the active teams,
 * the area codes that exist (as the routing context knows them: imported CBS areas, else core's sample
 * wijken) and the categories.
 */
export async function loadRuleValidationOptions(db: DbOrTx): Promise<Required<RuleValidationOptions>> {
  const teams = await listTeams(db);
  // The known codes do not depend on the point; any point will do.
  const { knownAreaCodes } = await areaContextAt(db, 0, 0);
  return {
    activeTeams: new Set(teams.filter((t) => t.active).map((t) => t.id)),
    knownAreas: knownAreaCodes,
    categories,
  };
}
