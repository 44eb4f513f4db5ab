import { randomUUID } from 'node:crypto';
import { canTransition, decideRoute, isMeldingStatus, outboxTopics, staffActor } from '@buurtsignaal/core';
import { afhandeltermijn } from '@buurtsignaal/core/sla';
import type { DbOrTx, OutboxNotifier } from '@buurtsignaal/db';
import { loadRoutingContext } from '@buurtsignaal/db/queries/routing/routing-context';
import { routingInputOf } from '@buurtsignaal/db/queries/routing/routing-facts';
import { decisionFields, recordAssignment } from '@buurtsignaal/db/tables/assignments-repository';
import { lockMeldingForRouting } from '@buurtsignaal/db/tables/meldingen-repository';
import { insertOutboxRow } from '@buurtsignaal/db/tables/outbox-repository';
import { recordStaffEvent } from '@buurtsignaal/db/tables/staff-events-repository';
import { ApiError } from '../errors.ts';
import type { StaffContext } from '../staff/access-policy.ts';
import { routingTexts, staffErrorTexts } from '../texts/index.ts';

// "Opnieuw indelen": a staff member asks, with a reason, that a melding be decided again with today's
// rules (after its category or place changed). Never done silently: only this action routes again.

export interface RerouteResult {
  assignmentId: string;
  teamId: string;
  priority: string;
  rule: { id: string; version: number } | null;
}

export interface RerouteService {
  reroute(staff: StaffContext, meldingId: string, reason: string): Promise<RerouteResult>;
}

/**
 * Decides the melding again inside the caller's transaction and records the new assignment with its
 * outbox row (the new assignment reaches its team's roster queue). Also used when a melding is split
 * from its group: it is then dispatched on its own.
 */
export async function rerouteInTransaction(
  tx: DbOrTx,
  r: { actor: string; meldingId: string; reason: string; at: Date },
): Promise<RerouteResult> {
  const { meldingId, reason, at } = r;
  // The routing lock: a routing job for the same melding waits, and then finds it ingedeeld.
  const melding = await lockMeldingForRouting(tx, meldingId);
  const input = melding && routingInputOf(melding);
  if (!melding || !input) throw new ApiError(404, 'MELDING_NOT_FOUND', staffErrorTexts.meldingNotFound);
  if (!isMeldingStatus(melding.status) || !canTransition(melding.status, 'ingedeeld')) {
    const message = routingTexts.rerouteNotAllowed(melding.status);
    throw new ApiError(409, 'REROUTE_NOT_ALLOWED', message, [{ field: 'status', message }]);
  }
  const loaded = await loadRoutingContext(tx, { ...input, at, countsSelf: true });
  const decision = decideRoute(input.facts, loaded.rules, loaded.context);
  if (!decision) throw new Error(`no routing for category ${input.facts.category}`);
  const assignmentId = randomUUID();
  await recordAssignment(tx, {
    id: assignmentId,
    meldingId,
    routingKey: `reroute-${assignmentId}`,
    ...decisionFields(decision),
    fromStatus: melding.status,
    at,
    // A new team gets a fresh afhandeltermijn, as routing gives one.
    deadlineAt: afhandeltermijn(decision.priority, at),
    actor: r.actor,
    eventReason: reason,
  });
  // In the same transaction: the new assignment reaches its team's roster queue, or neither exists.
  const roster = { meldingId, assignmentId, teamId: decision.teamId, priority: decision.priority };
  await insertOutboxRow(tx, {
    topic: outboxTopics.rerouted,
    aggregateId: meldingId,
    payload: { ...roster },
  });
  // The live consoles: the old team's queue loses it, the new one's gains it.
  await recordStaffEvent(tx, {
    kind: 'melding.assigned',
    meldingId,
    dedupeKey: `assignment-${assignmentId}`,
    at,
    alsoTeamIds: melding.teamId ? [melding.teamId] : [],
  });
  return {
    assignmentId,
    teamId: decision.teamId,
    priority: decision.priority,
    rule: decision.rule && { id: decision.rule.id, version: decision.rule.version },
  };
}

export function createRerouteService(deps: {
  db: DbOrTx;
  now: () => Date;
  outboxNotifier: OutboxNotifier;
  /** Wakes the live consoles after the reroute has committed. */
  staffEventsNotifier: OutboxNotifier;
}): RerouteService {
  const { db, now, outboxNotifier, staffEventsNotifier } = deps;
  return {
    reroute: async (staff, meldingId, reason) => {
      const result = await db.transaction(async (tx) => {
        return rerouteInTransaction(tx, { actor: staffActor(staff.id), meldingId, reason, at: now() });
      });
      outboxNotifier.poke();
      staffEventsNotifier.poke();
      return result;
    },
  };
}
