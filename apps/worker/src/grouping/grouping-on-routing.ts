import { randomUUID } from 'node:crypto';
import {
  chooseGroupFor,
  claimableStatuses,
  type GroupingSettings,
  type GroupingSubject,
  groupingTexts,
  isMeldingStatus,
  isOpen,
} from '@buurtsignaal/core';
import type { DbOrTx } from '@buurtsignaal/db';
import {
  findGroupingSubject,
  listGroupingCandidates,
} from '@buurtsignaal/db/queries/grouping/group-candidates';
import {
  addGroupMember,
  createGroup,
  lockGroupingOf,
  removeGroupMember,
} from '@buurtsignaal/db/tables/incident-groups-repository';
import { claimMeldingRow, lockMeldingForHandling } from '@buurtsignaal/db/tables/meldingen-repository';
import { insertStatusChangedOutbox } from '@buurtsignaal/db/tables/outbox-repository';
import { recordStaffEvent } from '@buurtsignaal/db/tables/staff-events-repository';
import { appendStatusEvent } from '@buurtsignaal/db/tables/status-events-repository';
import { dispatchAfterLeaving } from './group-takeover.ts';

// One incident, many reports: inside the routing transaction (after the assignment is recorded), a new
// melding joins the group of an open one of the same kind close by (core chooseGroupFor). Its own
// dispatch then stops as 'grouped' (dispatch-service.ts, from the step's look-up): the officers get one
// notice for the group.

export type GroupingOutcome =
  | { kind: 'alone' }
  | { kind: 'grouped'; groupId: string; primaryMeldingId: string; claimed: boolean }
  /**
   * A reopened melding leaves its group: it is routed and dispatched on its own, and the group's open
   * members keep a notice chain (group-takeover.ts).
   */
  | { kind: 'left'; groupId: string; dissolved: boolean; redispatched: number };

export async function groupOnRouting(
  tx: DbOrTx,
  input: {
    meldingId: string;
    fromStatus: string;
    at: Date;
    settings: GroupingSettings | false;
    /** The melding as routing just recorded it (its lock's row and the decided team); else read here. */
    subject?: GroupingSubject & { reference: string };
  },
): Promise<GroupingOutcome> {
  if (input.fromStatus === 'heropend') {
    const left = await removeGroupMember(tx, input.meldingId);
    if (!left) return { kind: 'alone' };
    const reference = (input.subject ?? (await findGroupingSubject(tx, input.meldingId)))?.reference ?? '';
    const redispatched = await dispatchAfterLeaving(
      tx,
      left,
      { meldingId: input.meldingId, reference },
      input.at,
    );
    return { kind: 'left', groupId: left.groupId, dissolved: left.dissolved, redispatched };
  }
  if (input.fromStatus !== 'gemeld' || input.settings === false) return { kind: 'alone' };
  const subject = input.subject ?? (await findGroupingSubject(tx, input.meldingId));
  if (!subject) return { kind: 'alone' };
  await lockGroupingOf(tx, subject.category);
  const rows = await listGroupingCandidates(tx, {
    excludeId: subject.id,
    category: subject.category,
    lat: subject.lat,
    lng: subject.lng,
    reportedAt: subject.reportedAt,
    settings: input.settings,
  });
  // A group is joined through its primary: place and time are measured to the first report.
  const candidates = rows.filter((r) => r.groupId === null || r.primaryMeldingId === r.id);
  const chosen = chooseGroupFor(subject, candidates, input.settings);
  if (!chosen) return { kind: 'alone' };
  // Under the primary's lock, again: staff may have closed it since it was read.
  const primary = await lockMeldingForHandling(tx, chosen.id);
  if (!primary || !isMeldingStatus(primary.status) || !isOpen(primary.status)) return { kind: 'alone' };
  const group =
    chosen.groupId !== null
      ? { groupId: chosen.groupId, primaryMeldingId: chosen.id }
      : await createGroup(tx, { id: randomUUID(), primaryMeldingId: chosen.id, by: 'systeem', at: input.at });
  const added = await addGroupMember(tx, { ...group, meldingId: subject.id, by: 'systeem', at: input.at });
  if (!added) return { kind: 'alone' };
  // The group is someone's already: this melding is that officer's too (its melder hears "in behandeling").
  let claimed = false;
  if (primary.status === 'in_behandeling' && primary.assignedUserId) {
    claimed = await claimMeldingRow(tx, {
      meldingId: subject.id,
      userId: primary.assignedUserId,
      at: input.at,
      claimable: claimableStatuses,
    });
    if (claimed) {
      const statusEventId = await appendStatusEvent(tx, {
        meldingId: subject.id,
        fromStatus: 'ingedeeld',
        toStatus: 'in_behandeling',
        actor: 'systeem',
        internalNote: groupingTexts.joinedClaimedGroup(chosen.reference),
        at: input.at,
      });
      await insertStatusChangedOutbox(tx, subject.id, statusEventId);
      // The consoles hear it as of any handler's claim (the routing job wakes them after the commit).
      await recordStaffEvent(tx, {
        kind: 'melding.status',
        meldingId: subject.id,
        dedupeKey: `status-${statusEventId}`,
        at: input.at,
      });
    }
  }
  return { kind: 'grouped', ...group, claimed };
}
