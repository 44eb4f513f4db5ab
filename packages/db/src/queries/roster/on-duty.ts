import { hasSomeoneOnDuty, type OnDuty, onDuty } from '@buurtsignaal/core';
import type { DbOrTx } from '../../client.ts';
import { type ConfigView, configOf } from '../config/config-cache.ts';

// Who is on duty at an instant, from the stored shift instances (core onDuty / hasSomeoneOnDuty).

async function rosterAt(db: DbOrTx, teamIds: readonly string[], at: Date, view?: ConfigView) {
  const until = new Date(at.getTime() + 1);
  const instances = await configOf(db, view).shiftInstances({ teamIds, from: at, until });
  return { instances };
}

/** Team id → someone of the team works a shift at `at`. */
export async function teamsOnDuty(
  db: DbOrTx,
  teamIds: readonly string[],
  at: Date,
  view?: ConfigView,
): Promise<Record<string, boolean>> {
  if (teamIds.length === 0) return {};
  const roster = await rosterAt(db, teamIds, at, view);
  return Object.fromEntries(teamIds.map((id) => [id, hasSomeoneOnDuty(roster, id, at)]));
}

/** Per team: its running shifts, members on duty and leads at `at`. */
export async function onDutyAt(
  db: DbOrTx,
  teamIds: readonly string[],
  at: Date,
  view?: ConfigView,
): Promise<OnDuty[]> {
  const roster = await rosterAt(db, teamIds, at, view);
  return teamIds.map((id) => onDuty(roster, id, at));
}
