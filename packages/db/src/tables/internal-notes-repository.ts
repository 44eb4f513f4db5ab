import type { DbOrTx } from '../client.ts';
import { internalNotes } from '../schema.ts';

export async function insertInternalNote(
  db: DbOrTx,
  note: { id: string; meldingId: string; authorUserId: string; body: string; at: Date },
): Promise<void> {
  await db.insert(internalNotes).values({
    id: note.id,
    meldingId: note.meldingId,
    authorUserId: note.authorUserId,
    body: note.body,
    createdAt: note.at,
  });
}
