import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { attachments } from '../schema.ts';

/** Which of `keys` belong to a stored attachment. */
export async function findAttachmentKeys(db: DbOrTx, keys: readonly string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await db
    .select({ key: attachments.storageKey })
    .from(attachments)
    .where(inArray(attachments.storageKey, [...keys]));
  return new Set(rows.map((r) => r.key));
}
