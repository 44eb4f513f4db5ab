import { randomUUID } from 'node:crypto';
import {
  allowedTransitions,
  assigneeAfter,
  checkTransition,
  claimableStatuses,
  claimRefusal,
  isMeldingStatus,
  isOpen,
  type MeldingStatus,
  staffActor,
} from '@buurtsignaal/core';
import type { TransitionBody } from '@buurtsignaal/core/contract';
import type { DbOrTx, OutboxNotifier } from '@buurtsignaal/db';
import { findGroupOf } from '@buurtsignaal/db/tables/incident-groups-repository';
import { insertInternalNote } from '@buurtsignaal/db/tables/internal-notes-repository';
import {
  claimMeldingRow,
  findMeldingIdByReference,
  type LockedMelding,
  lockMeldingForHandling,
  recordStatusChange,
} from '@buurtsignaal/db/tables/meldingen-repository';
import { insertStatusChangedOutbox } from '@buurtsignaal/db/tables/outbox-repository';
import { recordStaffEvent } from '@buurtsignaal/db/tables/staff-events-repository';
import { appendStatusEvent } from '@buurtsignaal/db/tables/status-events-repository';
import { ApiError } from '../errors.ts';
import { claimRestOfGroup, closeRestOfGroup, lockGroupAnchor } from '../grouping/group-handling.ts';
import { leaveGroup } from '../grouping/group-handover.ts';
import { canAccessMelding, type StaffContext } from '../staff/access-policy.ts';
import { handlingTexts, staffErrorTexts } from '../texts/index.ts';

/**
 * Thrown inside a transaction when the locked melding is not the officer's; the route writes the audit
 * row after the rollback (the audit writer uses the outer connection, which PGlite cannot give out while
 * a transaction holds it).
 */
export class MeldingAccessDenied extends Error {
  override name = 'MeldingAccessDenied';
}

export interface HandlingService {
  claim(staff: StaffContext, meldingId: string): Promise<{ statusEventId: number }>;
  transition(
    staff: StaffContext,
    meldingId: string,
    body: TransitionBody,
  ): Promise<{ statusEventId: number }>;
  addNote(staff: StaffContext, meldingId: string, body: string): Promise<{ id: string }>;
}

export interface HandlingDeps {
  db: DbOrTx;
  now: () => Date;
  outboxNotifier: OutboxNotifier;
  /** Wakes the live consoles after a status change has committed. */
  staffEventsNotifier: OutboxNotifier;
}

/** The live console's event of a status change (last in its transaction: it takes the events' lock). */
const statusChangeEvent = (tx: DbOrTx, meldingId: string, statusEventId: number, at: Date) =>
  recordStaffEvent(tx, { kind: 'melding.status', meldingId, dedupeKey: `status-${statusEventId}`, at });

const notFound = () => new ApiError(404, 'MELDING_NOT_FOUND', staffErrorTexts.meldingNotFound);
const blank = (value: string | undefined) => (value && value.length > 0 ? value : undefined);

export function invalidTransition(message: string, allowed: readonly string[]): ApiError {
  // The shared error body has no room for extra keys: the allowed codes travel as a detail.
  return new ApiError(409, 'INVALID_TRANSITION', message, [
    { field: 'to', message },
    { field: 'allowed', message: allowed.join(', ') },
  ]);
}

function statusOf(melding: LockedMelding): MeldingStatus {
  if (!isMeldingStatus(melding.status)) throw new Error(`unknown status in the database: ${melding.status}`);
  return melding.status;
}

async function lockAccessible(tx: DbOrTx, staff: StaffContext, meldingId: string): Promise<LockedMelding> {
  const melding = await lockMeldingForHandling(tx, meldingId);
  if (!melding) throw notFound();
  if (!canAccessMelding(staff, melding)) throw new MeldingAccessDenied();
  return melding;
}

async function duplicateTarget(
  tx: DbOrTx,
  meldingId: string,
  body: TransitionBody,
): Promise<string | undefined> {
  const reference = blank(body.duplicateOf);
  if (reference === undefined) return undefined;
  if (body.to !== 'geannuleerd') {
    const message = handlingTexts.duplicateOnlyWhenCancelled;
    throw new ApiError(400, 'DUPLICATE_ONLY_WHEN_CANCELLED', message, [{ field: 'duplicateOf', message }]);
  }
  const original = await findMeldingIdByReference(tx, reference);
  if (original === undefined || original === meldingId) {
    const message =
      original === undefined ? handlingTexts.duplicateNotFound(reference) : handlingTexts.duplicateOfItself;
    throw new ApiError(422, 'DUPLICATE_NOT_FOUND', message, [{ field: 'duplicateOf', message }]);
  }
  return original;
}

export function createHandlingService(deps: HandlingDeps): HandlingService {
  const { db, now, outboxNotifier, staffEventsNotifier } = deps;
  const actorOf = (staff: StaffContext) => staffActor(staff.id);

  return {
    async claim(staff, meldingId) {
      const result = await db.transaction(async (tx) => {
        await lockGroupAnchor(tx, meldingId);
        const melding = await lockAccessible(tx, staff, meldingId);
        const from = statusOf(melding);
        const at = now();
        const claimed = await claimMeldingRow(tx, {
          meldingId,
          userId: staff.id,
          at,
          claimable: claimableStatuses,
        });
        if (!claimed) {
          if (claimRefusal(from, melding.assignedUserId) === 'ALREADY_CLAIMED') {
            throw new ApiError(409, 'ALREADY_CLAIMED', handlingTexts.alreadyClaimed);
          }
          const check = checkTransition(from, 'in_behandeling');
          throw invalidTransition(
            check.ok ? handlingTexts.alreadyClaimed : check.message,
            allowedTransitions(from),
          );
        }
        const statusEventId = await appendStatusEvent(tx, {
          meldingId,
          fromStatus: from,
          toStatus: 'in_behandeling',
          actor: actorOf(staff),
          at,
        });
        await insertStatusChangedOutbox(tx, meldingId, statusEventId);
        // One incident: the claim is the whole group's.
        await claimRestOfGroup(tx, staff, meldingId, at);
        await statusChangeEvent(tx, meldingId, statusEventId, at);
        return { statusEventId };
      });
      outboxNotifier.poke();
      staffEventsNotifier.poke();
      return result;
    },

    async transition(staff, meldingId, body) {
      const publicMessage = blank(body.publicMessage);
      const reason = blank(body.reason);
      const forwardedTo = blank(body.forwardedTo);
      const result = await db.transaction(async (tx) => {
        await lockGroupAnchor(tx, meldingId);
        const melding = await lockAccessible(tx, staff, meldingId);
        const from = statusOf(melding);
        const check = checkTransition(from, body.to, { publicMessage, reason });
        if (!check.ok) {
          if (check.code === 'INVALID_TRANSITION') throw invalidTransition(check.message, check.allowed);
          const field = check.code === 'PUBLIC_MESSAGE_REQUIRED' ? 'publicMessage' : 'reason';
          throw new ApiError(400, check.code, check.message, [{ field, message: check.message }]);
        }
        if (body.to === 'doorgestuurd' && forwardedTo === undefined) {
          const message = handlingTexts.forwardedToRequired;
          throw new ApiError(400, 'FORWARDED_TO_REQUIRED', message, [{ field: 'forwardedTo', message }]);
        }
        const duplicateOf = await duplicateTarget(tx, meldingId, body);
        const at = now();
        const statusEventId = await recordStatusChange(tx, {
          meldingId,
          fromStatus: from,
          toStatus: body.to,
          actor: actorOf(staff),
          publicMessage,
          internalNote: blank(body.internalNote),
          forwardedTo: body.to === 'doorgestuurd' ? forwardedTo : undefined,
          reason,
          at,
          assignTo: assigneeAfter({ from, to: body.to, current: melding.assignedUserId, actorId: staff.id }),
          duplicateOf,
        });
        // One incident: its closing message goes to every melder of the group.
        if (body.to === 'afgehandeld' && publicMessage) {
          await closeRestOfGroup(tx, staff, meldingId, { publicMessage, at });
        } else if (!isOpen(body.to) && (await findGroupOf(tx, meldingId))?.primaryMeldingId === meldingId) {
          // The primary closed on its own (geannuleerd, doorgestuurd): the group's open members keep a
          // notice chain through the oldest of them (or each on its own when the group dissolves).
          await leaveGroup(tx, { actor: actorOf(staff), meldingId, at });
        }
        await statusChangeEvent(tx, meldingId, statusEventId, at);
        return { statusEventId };
      });
      outboxNotifier.poke();
      staffEventsNotifier.poke();
      return result;
    },

    async addNote(staff, meldingId, body) {
      const id = randomUUID();
      await db.transaction(async (tx) => {
        // FOR UPDATE is more than a note needs, but it reads team and existence in one consistent step.
        await lockAccessible(tx, staff, meldingId);
        await insertInternalNote(tx, { id, meldingId, authorUserId: staff.id, body, at: now() });
      });
      return { id };
    },
  };
}
