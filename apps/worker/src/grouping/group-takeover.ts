import { randomUUID } from 'node:crypto';
import { canTransition, groupingTexts, isMeldingStatus, outboxTopics } from '@buurtsignaal/core';
import type { DbOrTx } from '@buurtsignaal/db';
import { listAssignmentsForMelding, recordAssignment } from '@buurtsignaal/db/tables/assignments-repository';
import type { GroupLeft } from '@buurtsignaal/db/tables/incident-groups-repository';
import { lockMeldingForHandling } from '@buurtsignaal/db/tables/meldingen-repository';
import { insertOutboxRow } from '@buurtsignaal/db/tables/outbox-repository';

// A reopened melding left its group (grouping-on-routing.ts). The group keeps exactly one notice
// chain: the member that took over as primary — or, when the group dissolved, each member left on its
// own — gets a fresh assignment for its own team (as the idle sweep returns a melding to its queue) and
// reaches the roster queue through the outbox, in the routing transaction. Only members that still
// wait for an officer: one in behandeling needs no notice.

/** Returns how many members were dispatched again. */
export async function dispatchAfterLeaving(
  tx: DbOrTx,
  left: GroupLeft,
  leaver: { meldingId: string; reference: string },
  at: Date,
): Promise<number> {
  const lead = left.newPrimaryMeldingId
    ? [{ id: left.newPrimaryMeldingId, reason: groupingTexts.tookOverReason(leaver.reference) }]
    : left.alone.map((id) => ({ id, reason: groupingTexts.aloneReason(leaver.reference) }));
  let n = 0;
  for (const { id, reason } of lead) {
    const m = await lockMeldingForHandling(tx, id);
    if (!m || !isMeldingStatus(m.status) || !canTransition(m.status, 'ingedeeld')) continue;
    const current = (await listAssignmentsForMelding(tx, id)).at(-1);
    if (!current) continue;
    const assignmentId = randomUUID();
    const added = await recordAssignment(tx, {
      id: assignmentId,
      meldingId: id,
      // Once per leaving, however often the routing job of the reopened melding runs.
      routingKey: `group-${left.groupId}-${leaver.meldingId}-${id}`,
      teamId: current.teamId,
      priority: current.priority,
      reason,
      fromStatus: m.status,
      at,
      deadlineAt: m.deadlineAt,
    });
    if (!added) continue;
    const roster = { meldingId: id, assignmentId, teamId: current.teamId, priority: current.priority };
    await insertOutboxRow(tx, { topic: outboxTopics.rerouted, aggregateId: id, payload: roster });
    n++;
  }
  return n;
}
