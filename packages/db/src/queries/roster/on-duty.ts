import { hasSomeoneOnDuty, type OnDuty, onDuty } from '@buurtsignaal/core';
import type { DbOrTx } from '../../client.ts';
import { listShiftInstances } from '../../tables/shift-instances-repository.ts';

// Who is on duty at an instant, from the stored shift instances (core onDuty / hasSomeoneOnDuty).

async function rosterAt(db: DbOrTx, teamIds: readonly string[], at: Date) {
  const instances = await listShiftInstances(db, { teamIds, from: at, until: new Date(at.getTime() + 1) });
  return { instances };
}

/** Team id → someone of the team works a shift at `at`. */
export async function teamsOnDuty(
  db: DbOrTx,
  teamIds: readonly string[],
  at: Date,
): Promise<Record<string, boolean>> {
  if (teamIds.length === 0) return {};
  const roster = await rosterAt(db, teamIds, at);
  return Object.fromEntries(teamIds.map((id) => [id, hasSomeoneOnDuty(roster, id, at)]));
}

/** Per team: its running shifts, members on duty and leads at `at`. */
export async function onDutyAt(db: DbOrTx, teamIds: readonly string[], at: Date): Promise<OnDuty[]> {
  const roster = await rosterAt(db, teamIds, at);
  return teamIds.map((id) => onDuty(roster, id, at));
}
