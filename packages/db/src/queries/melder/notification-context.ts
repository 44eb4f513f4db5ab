import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../client.ts';
import { melders, meldingen } from '../../schema.ts';

/** What a notification to the melder needs; personal data stays in this object and in the mail. */
export interface NotificationContext {
  meldingId: string;
  reference: string;
  category: string;
  subcategory: string | null;
  status: string;
  addressText: string | null;
  /** null when the melder stayed anonymous or was anonymised. */
  email: string | null;
  wantsFeedback: boolean;
  /** The status token sealed with SecretBox (associated data: the melding id), if kept. */
  statusTokenSealed: string | null;
  anonymisedAt: Date | null;
}

export async function loadNotificationContext(
  db: DbOrTx,
  meldingId: string,
): Promise<NotificationContext | undefined> {
  const [row] = await db
    .select({
      meldingId: meldingen.id,
      reference: meldingen.reference,
      category: meldingen.category,
      subcategory: meldingen.subcategory,
      status: meldingen.status,
      addressText: meldingen.addressText,
      email: melders.email,
      wantsFeedback: melders.wantsFeedback,
      statusTokenSealed: melders.statusTokenSealed,
      anonymisedAt: melders.anonymisedAt,
    })
    .from(meldingen)
    .leftJoin(melders, eq(melders.meldingId, meldingen.id))
    .where(eq(meldingen.id, meldingId));
  if (!row) return undefined;
  return { ...row, wantsFeedback: row.wantsFeedback ?? false };
}
