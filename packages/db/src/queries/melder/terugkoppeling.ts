import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../client.ts';
import { statusEvents } from '../../schema.ts';

/** A status event as far as terugkoppeling to the melder may use it: never the internal note. */
export interface TerugkoppelingEvent {
  id: number;
  meldingId: string;
  fromStatus: string | null;
  toStatus: string;
  publicMessage: string | null;
  /** Who made the change ('melder', 'staff:<id>', 'systeem'): the mail policy asks. */
  actor: string;
  createdAt: Date;
}

export async function loadTerugkoppelingEvent(
  db: DbOrTx,
  statusEventId: number,
): Promise<TerugkoppelingEvent | undefined> {
  // internal_note is deliberately not selected: it must never reach a mail.
  const [row] = await db
    .select({
      id: statusEvents.id,
      meldingId: statusEvents.meldingId,
      fromStatus: statusEvents.fromStatus,
      toStatus: statusEvents.toStatus,
      publicMessage: statusEvents.publicMessage,
      actor: statusEvents.actor,
      createdAt: statusEvents.createdAt,
    })
    .from(statusEvents)
    .where(eq(statusEvents.id, statusEventId));
  return row ? { ...row, id: Number(row.id) } : undefined;
}

/** Every status event of a melding as terugkoppeling may use it, oldest first (for coalescing mails). */
export async function listTerugkoppelingEvents(
  db: DbOrTx,
  meldingId: string,
): Promise<TerugkoppelingEvent[]> {
  const rows = await db
    .select({
      id: statusEvents.id,
      meldingId: statusEvents.meldingId,
      fromStatus: statusEvents.fromStatus,
      toStatus: statusEvents.toStatus,
      publicMessage: statusEvents.publicMessage,
      actor: statusEvents.actor,
      createdAt: statusEvents.createdAt,
    })
    .from(statusEvents)
    .where(eq(statusEvents.meldingId, meldingId))
    .orderBy(asc(statusEvents.createdAt), asc(statusEvents.id));
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}
