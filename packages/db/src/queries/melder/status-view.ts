import { desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../client.ts';
import { meldingen, statusEvents } from '../../schema.ts';
import { meldingNameColumns } from '../melding-columns.ts';

/** What the melder's status page may show: no contact data, no location, no internal notes. */
export interface MelderStatusView {
  id: string;
  reference: string;
  category: string;
  subcategory: string | null;
  status: string;
  createdAt: Date;
  /** Newest first. */
  timeline: { at: Date; status: string; publicMessage: string | null }[];
}

export async function findMelderStatusView(
  db: DbOrTx,
  statusTokenHash: string,
): Promise<MelderStatusView | null> {
  const [melding] = await db
    .select({
      ...meldingNameColumns,
      status: meldingen.status,
      createdAt: meldingen.createdAt,
    })
    .from(meldingen)
    .where(eq(meldingen.statusTokenHash, statusTokenHash));
  if (!melding) return null;
  // internal_note is deliberately not selected: it must never reach the melder.
  const events = await db
    .select({
      at: statusEvents.createdAt,
      status: statusEvents.toStatus,
      publicMessage: statusEvents.publicMessage,
    })
    .from(statusEvents)
    .where(eq(statusEvents.meldingId, melding.id))
    .orderBy(desc(statusEvents.id));
  return { ...melding, timeline: events };
}
