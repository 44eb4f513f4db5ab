import {
  canTransition,
  claimableStatuses,
  groupingTexts,
  isMeldingStatus,
  isOpen,
  type MeldingStatus,
  staffActor,
} from '@buurtsignaal/core';
import type { DbOrTx } from '@buurtsignaal/db';
import { findGroupWithMembers, type GroupMemberRow } from '@buurtsignaal/db/queries/grouping/group-members';
import { findGroupOf } from '@buurtsignaal/db/tables/incident-groups-repository';
import {
  claimMeldingRow,
  type LockedMelding,
  lockMeldingForHandling,
  recordStatusChange,
} from '@buurtsignaal/db/tables/meldingen-repository';
import { insertStatusChangedOutbox } from '@buurtsignaal/db/tables/outbox-repository';
import { appendStatusEvent } from '@buurtsignaal/db/tables/status-events-repository';
import { canAccessMelding, type StaffContext } from '../staff/access-policy.ts';

// A claim and a closing message apply to the whole group of one incident. Called inside the handling
// transaction that changed `meldingId` itself; every other member gets its own status event and outbox
// row, so each melder hears of it through the ordinary notification path (one mail per melder).

/**
 * Locks the group's primary before the melding itself: every handling action on a group takes the locks
 * in the same order (primary, the melding, the others by id), so two officers acting on two members at
 * once wait for each other instead of deadlocking.
 */
export async function lockGroupAnchor(tx: DbOrTx, meldingId: string): Promise<void> {
  const group = await findGroupOf(tx, meldingId);
  if (group && group.primaryMeldingId !== meldingId) await lockMeldingForHandling(tx, group.primaryMeldingId);
}

/** The other members of the melding's group, locked (by id), that this officer may handle. */
async function lockOthers(
  tx: DbOrTx,
  staff: StaffContext,
  meldingId: string,
): Promise<{ reference: string; others: LockedMelding[] }> {
  const group = await findGroupWithMembers(tx, meldingId);
  if (!group) return { reference: '', others: [] };
  const self = group.members.find((m) => m.id === meldingId) as GroupMemberRow;
  const others: LockedMelding[] = [];
  for (const m of [...group.members].sort((a, b) => a.id.localeCompare(b.id))) {
    if (m.id === meldingId) continue;
    const locked = await lockMeldingForHandling(tx, m.id);
    if (locked && canAccessMelding(staff, locked)) others.push(locked);
  }
  return { reference: self.reference, others };
}

async function claimOne(tx: DbOrTx, staff: StaffContext, m: LockedMelding, note: string, at: Date) {
  const claimed = await claimMeldingRow(tx, {
    meldingId: m.id,
    userId: staff.id,
    at,
    claimable: claimableStatuses,
  });
  if (!claimed) return false;
  const statusEventId = await appendStatusEvent(tx, {
    meldingId: m.id,
    fromStatus: m.status,
    toStatus: 'in_behandeling',
    actor: staffActor(staff.id),
    internalNote: note,
    at,
  });
  await insertStatusChangedOutbox(tx, m.id, statusEventId);
  return true;
}

/** The claim of one member claims the others that wait (gemeld, ingedeeld, heropend) too. */
export async function claimRestOfGroup(
  tx: DbOrTx,
  staff: StaffContext,
  meldingId: string,
  at: Date,
): Promise<number> {
  const { reference, others } = await lockOthers(tx, staff, meldingId);
  let n = 0;
  for (const m of others) if (await claimOne(tx, staff, m, groupingTexts.withGroup(reference), at)) n++;
  return n;
}

/**
 * Closing one member (afgehandeld, with its message) closes the other open members with the same
 * message; one that still waited is claimed first (the status machine goes through in_behandeling).
 */
export async function closeRestOfGroup(
  tx: DbOrTx,
  staff: StaffContext,
  meldingId: string,
  close: { publicMessage: string; at: Date },
): Promise<number> {
  const { reference, others } = await lockOthers(tx, staff, meldingId);
  const note = groupingTexts.withGroup(reference);
  let n = 0;
  for (const m of others) {
    if (!isMeldingStatus(m.status) || !isOpen(m.status)) continue;
    let from: MeldingStatus = m.status;
    if (!canTransition(from, 'afgehandeld') && (await claimOne(tx, staff, m, note, close.at))) {
      from = 'in_behandeling';
    }
    if (!canTransition(from, 'afgehandeld')) continue;
    await recordStatusChange(tx, {
      meldingId: m.id,
      fromStatus: from,
      toStatus: 'afgehandeld',
      actor: staffActor(staff.id),
      publicMessage: close.publicMessage,
      internalNote: note,
      at: close.at,
    });
    n++;
  }
  return n;
}
