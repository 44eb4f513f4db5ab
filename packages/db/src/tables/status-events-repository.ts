import { and, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { statusEvents } from '../schema.ts';

// The only writer of status_events (the history is append-only).

export interface NewStatusEvent {
  meldingId: string;
  fromStatus: string;
  toStatus: string;
  /** 'staff:<id>', 'melder' or 'systeem'. */
  actor: string;
  publicMessage?: string | null | undefined;
  internalNote?: string | null | undefined;
  forwardedTo?: string | null | undefined;
  reason?: string | null | undefined;
  at: Date;
}

/** Appends one status event (history is append-only); resolves to its id. */
export async function appendStatusEvent(tx: DbOrTx, event: NewStatusEvent): Promise<number> {
  const [row] = await tx
    .insert(statusEvents)
    .values({
      meldingId: event.meldingId,
      fromStatus: event.fromStatus,
      toStatus: event.toStatus,
      actor: event.actor,
      publicMessage: event.publicMessage ?? null,
      internalNote: event.internalNote ?? null,
      forwardedTo: event.forwardedTo ?? null,
      reason: event.reason ?? null,
      createdAt: event.at,
    })
    .returning({ id: statusEvents.id });
  if (!row) throw new Error('status event not inserted');
  return Number(row.id);
}

/** A status event as the melder's side needs it: which one, its public text, when. */
export interface MelderPromptEvent {
  id: number;
  publicMessage: string | null;
  createdAt: Date;
}

/** The newest status event of the melding that moved it to `toStatus` (the question, the closing). */
export async function findLastStatusEventTo(
  db: DbOrTx,
  meldingId: string,
  toStatus: string,
): Promise<MelderPromptEvent | undefined> {
  const [row] = await db
    .select({
      id: statusEvents.id,
      publicMessage: statusEvents.publicMessage,
      createdAt: statusEvents.createdAt,
    })
    .from(statusEvents)
    .where(and(eq(statusEvents.meldingId, meldingId), eq(statusEvents.toStatus, toStatus)))
    .orderBy(desc(statusEvents.id))
    .limit(1);
  return row ? { ...row, id: Number(row.id) } : undefined;
}
