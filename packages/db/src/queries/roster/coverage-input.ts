import type { ExpectedCoverage, ShiftInstance } from '@buurtsignaal/core';
import type { DbOrTx } from '../../client.ts';
import { listShiftInstances } from '../../tables/shift-instances-repository.ts';
import { listTeams } from '../../tables/teams-repository.ts';

// What a coverage check reads: the active teams with their expected hours and their shift instances
// in a period (the weekly overview checks every team, the roster page one).

export interface CoverageInput {
  teams: { id: string; name: string; coverage: ExpectedCoverage }[];
  instances: ShiftInstance[];
}

export async function coverageInput(
  db: DbOrTx,
  period: { from: Date; until: Date; teamId?: string },
): Promise<CoverageInput> {
  const teams = (await listTeams(db)).filter(
    (t) => t.active && (period.teamId === undefined || t.id === period.teamId),
  );
  const instances = await listShiftInstances(db, {
    teamIds: teams.map((t) => t.id),
    from: period.from,
    until: period.until,
  });
  return { teams: teams.map((t) => ({ id: t.id, name: t.name, coverage: t.coverage })), instances };
}
