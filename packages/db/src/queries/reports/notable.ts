import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../client.ts';
import { meldingen, staffUsers } from '../../schema.ts';

export interface NotableFlag {
  at: Date;
  by: { id: string; name: string } | null;
  reason: string;
}

export async function findNotable(db: DbOrTx, meldingId: string): Promise<NotableFlag | null> {
  const [row] = await db
    .select({
      at: meldingen.notableAt,
      reason: meldingen.notableReason,
      byId: staffUsers.id,
      byName: staffUsers.name,
    })
    .from(meldingen)
    .leftJoin(staffUsers, eq(staffUsers.id, meldingen.notableBy))
    .where(eq(meldingen.id, meldingId));
  if (!row?.at) return null;
  return {
    at: row.at,
    reason: row.reason ?? '',
    by: row.byId && row.byName ? { id: row.byId, name: row.byName } : null,
  };
}
