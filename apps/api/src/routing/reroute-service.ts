import { randomUUID } from 'node:crypto';
import { canTransition, decideRoute, isMeldingStatus, staffActor } from '@buurtsignaal/core';
import { afhandeltermijn } from '@buurtsignaal/core/sla';
import type { DbOrTx } from '@buurtsignaal/db';
import { loadRoutingContext } from '@buurtsignaal/db/queries/routing/routing-context';
import { findRoutingInput } from '@buurtsignaal/db/queries/routing/routing-facts';
import { recordAssignment } from '@buurtsignaal/db/tables/assignments-repository';
import { lockMeldingForRouting } from '@buurtsignaal/db/tables/meldingen-repository';
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

export function createRerouteService(deps: { db: DbOrTx; now: () => Date }): RerouteService {
  const { db, now } = deps;
  return {
    reroute: (staff, meldingId, reason) =>
      db.transaction(async (tx) => {
        // The routing lock: a routing job for the same melding waits, and then finds it ingedeeld.
        const melding = await lockMeldingForRouting(tx, meldingId);
        const input = melding && (await findRoutingInput(tx, meldingId));
        if (!melding || !input) throw new ApiError(404, 'MELDING_NOT_FOUND', staffErrorTexts.meldingNotFound);
        if (!isMeldingStatus(melding.status) || !canTransition(melding.status, 'ingedeeld')) {
          const message = routingTexts.rerouteNotAllowed(melding.status);
          throw new ApiError(409, 'REROUTE_NOT_ALLOWED', message, [{ field: 'status', message }]);
        }
        const at = now();
        const loaded = await loadRoutingContext(tx, { ...input, at, countsSelf: true });
        const decision = decideRoute(input.facts, loaded.rules, loaded.context);
        if (!decision) throw new Error(`no routing for category ${input.facts.category}`);
        const assignmentId = randomUUID();
        await recordAssignment(tx, {
          id: assignmentId,
          meldingId,
          routingKey: `reroute-${assignmentId}`,
          teamId: decision.teamId,
          priority: decision.priority,
          reason: decision.reason,
          rule: decision.rule,
          note: decision.note,
          fromStatus: melding.status,
          at,
          // A new team gets a fresh afhandeltermijn, as routing gives one.
          deadlineAt: afhandeltermijn(decision.priority, at),
          actor: staffActor(staff.id),
          eventReason: reason,
        });
        return {
          assignmentId,
          teamId: decision.teamId,
          priority: decision.priority,
          rule: decision.rule && { id: decision.rule.id, version: decision.rule.version },
        };
      }),
  };
}
