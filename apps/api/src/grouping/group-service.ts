import { randomUUID } from 'node:crypto';
import {
  canTransition,
  claimableStatuses,
  distanceMeters,
  groupingRefusal,
  groupingTexts,
  isMeldingStatus,
  nearbySettings,
  staffActor,
} from '@buurtsignaal/core';
import type { NearbyResponse } from '@buurtsignaal/core/contract';
import type { DbOrTx, OutboxNotifier } from '@buurtsignaal/db';
import {
  findGroupingSubject,
  listGroupingCandidates,
} from '@buurtsignaal/db/queries/grouping/group-candidates';
import { groupSizesOf } from '@buurtsignaal/db/queries/grouping/group-members';
import { addGroupMember, createGroup, findGroupOf } from '@buurtsignaal/db/tables/incident-groups-repository';
import {
  claimMeldingRow,
  type LockedMelding,
  lockMeldingForHandling,
} from '@buurtsignaal/db/tables/meldingen-repository';
import { insertStatusChangedOutbox } from '@buurtsignaal/db/tables/outbox-repository';
import { appendStatusEvent } from '@buurtsignaal/db/tables/status-events-repository';
import { ApiError } from '../errors.ts';
import { MeldingAccessDenied } from '../handling/handling-service.ts';
import { categoryView, statusView } from '../handling/melding-view.ts';
import { type RerouteResult, rerouteInTransaction } from '../routing/reroute-service.ts';
import { canAccessMelding, type StaffContext } from '../staff/access-policy.ts';
import { groupingApiTexts, staffErrorTexts } from '../texts/index.ts';
import { lockGroupAnchor } from './group-handling.ts';
import { leaveGroup } from './group-handover.ts';

// Staff and incident groups: the nearby open meldingen of the same kind, grouping one by hand, and
// splitting one off (then it is routed and dispatched on its own).

const notFound = () => new ApiError(404, 'MELDING_NOT_FOUND', staffErrorTexts.meldingNotFound);
const refuse = (status: 409 | 422, code: 'ALREADY_GROUPED' | 'GROUP_NOT_ALLOWED', message: string) =>
  new ApiError(status, code, message, [{ field: 'meldingId', message }]);

async function lockAccessible(tx: DbOrTx, staff: StaffContext, meldingId: string): Promise<LockedMelding> {
  const melding = await lockMeldingForHandling(tx, meldingId);
  if (!melding) throw notFound();
  if (!canAccessMelding(staff, melding)) throw new MeldingAccessDenied();
  return melding;
}

export interface SplitResult {
  groupId: string;
  dissolved: boolean;
  /** The new assignment when it still waited for an officer: dispatched on its own. */
  rerouted: RerouteResult | null;
}

export function createGroupService(deps: {
  db: DbOrTx;
  now: () => Date;
  outboxNotifier: OutboxNotifier;
  /** Wakes the live consoles after a split has committed (its reroutes write staff events). */
  staffEventsNotifier: OutboxNotifier;
}) {
  const { db, now, outboxNotifier, staffEventsNotifier } = deps;

  async function nearby(staff: StaffContext, meldingId: string): Promise<NearbyResponse> {
    const subject = await findGroupingSubject(db, meldingId);
    if (!subject) throw notFound();
    const own = await findGroupOf(db, meldingId);
    const rows = await listGroupingCandidates(db, {
      excludeId: meldingId,
      category: subject.category,
      lat: subject.lat,
      lng: subject.lng,
      reportedAt: subject.reportedAt,
      settings: nearbySettings,
    });
    const fits = rows.filter(
      (r) =>
        groupingRefusal(subject, r, nearbySettings, { sameTeam: false }) === undefined &&
        (own === undefined || r.groupId !== own.groupId) &&
        canAccessMelding(staff, r),
    );
    const sizes = await groupSizesOf(
      db,
      fits.map((r) => r.id),
    );
    const items = fits
      .map((r) => ({
        id: r.id,
        reference: r.reference,
        category: categoryView(r.category, null).category,
        status: statusView(r.status),
        createdAt: r.reportedAt,
        distanceMeters: Math.round(distanceMeters(subject, r)),
        groupSize: sizes.get(r.id)?.size ?? null,
      }))
      .sort((a, b) => a.distanceMeters - b.distanceMeters);
    return { radiusMeters: nearbySettings.radiusMeters, hours: nearbySettings.windowMinutes / 60, items };
  }

  async function split(staff: StaffContext, meldingId: string): Promise<SplitResult> {
    const result = await db.transaction(async (tx) => {
      await lockGroupAnchor(tx, meldingId);
      const melding = await lockAccessible(tx, staff, meldingId);
      const group = await findGroupOf(tx, meldingId);
      if (!group) throw new ApiError(409, 'NOT_GROUPED', groupingApiTexts.notGrouped);
      // The primary too: the oldest remaining member takes over its notices (group-handover.ts).
      const at = now();
      const removed = await leaveGroup(tx, { actor: staffActor(staff.id), meldingId, at });
      // Still waiting for an officer: decided again and dispatched on its own (a new assignment).
      const waits = isMeldingStatus(melding.status) && canTransition(melding.status, 'ingedeeld');
      const rerouted = waits
        ? await rerouteInTransaction(tx, {
            actor: staffActor(staff.id),
            meldingId,
            reason: groupingTexts.splitReason,
            at,
          })
        : null;
      return { groupId: group.groupId, dissolved: removed?.dissolved ?? false, rerouted };
    });
    outboxNotifier.poke();
    staffEventsNotifier.poke();
    return result;
  }

  /** `otherId` joins the group of `meldingId` (a new group with `meldingId` as its primary if none). */
  async function group(staff: StaffContext, meldingId: string, otherId: string) {
    if (otherId === meldingId) throw refuse(422, 'GROUP_NOT_ALLOWED', groupingApiTexts.groupItself);
    const result = await db.transaction(async (tx) => {
      await lockGroupAnchor(tx, meldingId);
      await lockAccessible(tx, staff, meldingId);
      const other = await lockAccessible(tx, staff, otherId);
      const subject = await findGroupingSubject(tx, otherId);
      const candidate = await findGroupingSubject(tx, meldingId);
      if (!subject || !candidate) throw notFound();
      const anywhere = { radiusMeters: Number.POSITIVE_INFINITY, windowMinutes: Number.POSITIVE_INFINITY };
      const refusal = groupingRefusal(subject, candidate, anywhere, { sameTeam: false });
      const otherOpen = groupingRefusal(candidate, subject, anywhere, { sameTeam: false });
      if (refusal === 'category') throw refuse(422, 'GROUP_NOT_ALLOWED', groupingApiTexts.otherCategory);
      if (refusal === 'closed' || otherOpen === 'closed') {
        throw refuse(409, 'GROUP_NOT_ALLOWED', groupingApiTexts.closed);
      }
      if (await findGroupOf(tx, otherId)) {
        throw refuse(409, 'ALREADY_GROUPED', groupingApiTexts.alreadyGrouped(subject.reference));
      }
      const at = now();
      const by = staffActor(staff.id);
      const g =
        (await findGroupOf(tx, meldingId)) ??
        (await createGroup(tx, { id: randomUUID(), primaryMeldingId: meldingId, by, at }));
      await addGroupMember(tx, { groupId: g.groupId, meldingId: otherId, by, at });
      // The group is an officer's already: so is the melding that joins it.
      const primary = await lockMeldingForHandling(tx, g.primaryMeldingId);
      let claimed = false;
      if (primary?.status === 'in_behandeling' && primary.assignedUserId) {
        claimed = await claimMeldingRow(tx, {
          meldingId: otherId,
          userId: primary.assignedUserId,
          at,
          claimable: claimableStatuses,
        });
        if (claimed) {
          const statusEventId = await appendStatusEvent(tx, {
            meldingId: otherId,
            fromStatus: other.status,
            toStatus: 'in_behandeling',
            actor: by,
            internalNote: groupingTexts.joinedClaimedGroup(candidate.reference),
            at,
          });
          await insertStatusChangedOutbox(tx, otherId, statusEventId);
        }
      }
      return { groupId: g.groupId, primaryMeldingId: g.primaryMeldingId, claimed };
    });
    outboxNotifier.poke();
    return result;
  }

  return { nearby, split, group };
}
export type GroupService = ReturnType<typeof createGroupService>;
