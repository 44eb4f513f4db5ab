// Who has a melding in hand: which statuses a claim may take it from, and who holds it after a change.
import type { MeldingStatus } from './status-machine.ts';

/** A claim takes a melding from the roster queue (to in_behandeling): only from these statuses. */
export const claimableStatuses: readonly MeldingStatus[] = ['gemeld', 'ingedeeld', 'heropend'];

/** Someone already has the melding in hand (an officer, the melder answering, another organisation). */
export const heldStatuses: readonly MeldingStatus[] = ['in_behandeling', 'reactie_gevraagd', 'doorgestuurd'];

export function isClaimable(status: string): boolean {
  return (claimableStatuses as readonly string[]).includes(status);
}

export function isHeld(status: string): boolean {
  return (heldStatuses as readonly string[]).includes(status);
}

/**
 * Why a claim was refused, for a melding whose claim did not go through: ALREADY_CLAIMED when someone
 * has it (an assignee, or a held status), otherwise INVALID_TRANSITION (closed: afgehandeld, geannuleerd).
 */
export function claimRefusal(
  status: MeldingStatus,
  assignedUserId: string | null,
): 'ALREADY_CLAIMED' | 'INVALID_TRANSITION' {
  return assignedUserId !== null || isHeld(status) ? 'ALREADY_CLAIMED' : 'INVALID_TRANSITION';
}

/**
 * Who holds the melding after a change from `from` to `to` by staff member `actorId`, with `current` its
 * assignee now: the actor on taking it up (from the queue, or when nobody has it), nobody when it goes
 * back to the queue (ingedeeld, heropend), and undefined — unchanged — otherwise.
 */
export function assigneeAfter(change: {
  from: MeldingStatus;
  to: MeldingStatus;
  current: string | null;
  actorId: string;
}): string | null | undefined {
  const { from, to, current, actorId } = change;
  if (to === 'in_behandeling' && (current === null || isClaimable(from))) return actorId;
  if (to === 'ingedeeld' || to === 'heropend') return null;
  return undefined;
}
