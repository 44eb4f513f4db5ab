import { type DispatchPlan, isPriority, type PickupMinutes, planReopenedDispatch } from '@buurtsignaal/core';
import type { Db } from '@buurtsignaal/db';
import type { ConfigView } from '@buurtsignaal/db/queries/config/config-cache';
import { type DispatchAssignment, rosterFrom } from '@buurtsignaal/db/queries/dispatch/dispatch-context';

/**
 * The first dispatch of a reopened melding: to the officer who handled it when that officer is on duty
 * now (core planReopenedDispatch); undefined otherwise, and the team is told as for any melding.
 */
export async function planReopened(
  deps: { db: Db; pickupMinutes: PickupMinutes },
  a: DispatchAssignment,
  step: number,
  now: Date,
  view?: ConfigView,
): Promise<DispatchPlan | undefined> {
  if (step !== 0) return undefined;
  const previousHandlerId = a.reopenedHandlerId;
  if (!previousHandlerId) return undefined;
  return planReopenedDispatch({
    priority: isPriority(a.priority) ? a.priority : 'normaal',
    teamId: a.teamId,
    step,
    now,
    roster: await rosterFrom(deps.db, [a.teamId], now, 8, view),
    policy: { levels: [{ delayMinutes: 1, targets: ['on_duty'] }], repeat: 0 },
    fallbackTeamId: a.fallbackTeamId,
    coordinatorIds: [],
    pickupMinutes: deps.pickupMinutes,
    previousHandlerId,
  });
}
