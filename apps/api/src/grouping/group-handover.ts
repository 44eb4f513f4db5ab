import { canTransition, groupingTexts, isMeldingStatus } from '@buurtsignaal/core';
import type { DbOrTx } from '@buurtsignaal/db';
import { findGroupingSubject } from '@buurtsignaal/db/queries/grouping/group-candidates';
import { type GroupLeft, removeGroupMember } from '@buurtsignaal/db/tables/incident-groups-repository';
import { lockMeldingForHandling } from '@buurtsignaal/db/tables/meldingen-repository';
import { rerouteInTransaction } from '../routing/reroute-service.ts';

// One incident keeps exactly one notice chain: when a melding leaves its group (split off, cancelled,
// forwarded), the member that now leads it — the oldest, when the primary left — or each member left
// on its own when the group dissolved is routed and dispatched again, if it still waits for an officer.
// A member already in behandeling needs no notice.

/** Takes `meldingId` out of its group inside the caller's transaction; undefined when it was in none. */
export async function leaveGroup(
  tx: DbOrTx,
  r: { actor: string; meldingId: string; at: Date },
): Promise<GroupLeft | undefined> {
  const left = await removeGroupMember(tx, r.meldingId);
  if (!left) return undefined;
  const reference = (await findGroupingSubject(tx, r.meldingId))?.reference ?? '';
  const lead = left.newPrimaryMeldingId
    ? [{ id: left.newPrimaryMeldingId, reason: groupingTexts.tookOverReason(reference) }]
    : left.alone.map((id) => ({ id, reason: groupingTexts.aloneReason(reference) }));
  for (const { id, reason } of lead) {
    const m = await lockMeldingForHandling(tx, id);
    if (!m || !isMeldingStatus(m.status) || !canTransition(m.status, 'ingedeeld')) continue;
    await rerouteInTransaction(tx, { actor: r.actor, meldingId: id, reason, at: r.at });
  }
  return left;
}
