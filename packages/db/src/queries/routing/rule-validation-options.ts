import { categories, listWijken, type RuleValidationOptions } from '@buurtsignaal/core';
import type { DbOrTx } from '../../client.ts';
import { listAreas } from '../../tables/areas-repository.ts';
import { listTeams } from '../../tables/teams-repository.ts';

/**
 * What a routing rule is checked against today (core validateRule / flagInvalidRules): the active
 * teams, the area codes that exist (the imported CBS areas, or core's sample wijken while none are
 * imported) and the categories.
 */
export async function loadRuleValidationOptions(db: DbOrTx): Promise<Required<RuleValidationOptions>> {
  const teams = await listTeams(db);
  const areas = await listAreas(db);
  const areaCodes = areas.length > 0 ? areas.map((a) => a.code) : listWijken().map((w) => w.code);
  return {
    activeTeams: new Set(teams.filter((t) => t.active).map((t) => t.id)),
    knownAreas: new Set(areaCodes),
    categories,
  };
}
