import { and, eq, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { idempotencyKeys } from '../schema.ts';

export interface IdempotencyRecord {
  key: string;
  requestHash: string;
  state: 'in_flight' | 'done';
  responseStatus: number | null;
  responseBody: unknown;
  createdAt: Date;
}

export type IdempotencyClaim =
  | { claimed: true; tookOver: boolean }
  | { claimed: false; existing: IdempotencyRecord };

/**
 * Claims `key` for a request with `requestHash`: inserts an in_flight row, or takes over an in_flight
 * row with the same hash that is older than `staleAfterMs` (its request died without cleaning up).
 * Otherwise returns the existing row for the caller to decide (replay, conflict, in flight).
 */
export async function claimIdempotencyKey(
  db: DbOrTx,
  key: string,
  requestHash: string,
  staleAfterMs: number,
): Promise<IdempotencyClaim> {
  const inserted = await db
    .insert(idempotencyKeys)
    .values({ key, requestHash, state: 'in_flight' })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  if (inserted.length > 0) return { claimed: true, tookOver: false };

  const takenOver = await db
    .update(idempotencyKeys)
    .set({ createdAt: sql`now()` })
    .where(
      and(
        eq(idempotencyKeys.key, key),
        eq(idempotencyKeys.state, 'in_flight'),
        eq(idempotencyKeys.requestHash, requestHash),
        lt(
          idempotencyKeys.createdAt,
          sql`now() - make_interval(secs => ${staleAfterMs / 1000}::double precision)`,
        ),
      ),
    )
    .returning({ key: idempotencyKeys.key });
  if (takenOver.length > 0) return { claimed: true, tookOver: true };

  const existing = await findIdempotencyKey(db, key);
  // Released between our insert and this read: the caller may simply try again.
  if (!existing) return claimIdempotencyKey(db, key, requestHash, staleAfterMs);
  return { claimed: false, existing };
}

export async function findIdempotencyKey(db: DbOrTx, key: string): Promise<IdempotencyRecord | null> {
  const [row] = await db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, key));
  if (!row) return null;
  return {
    key: row.key,
    requestHash: row.requestHash,
    state: row.state === 'done' ? 'done' : 'in_flight',
    responseStatus: row.responseStatus,
    responseBody: row.responseBody,
    createdAt: row.createdAt,
  };
}

/** Frees a key whose request failed, so that the client can retry with it. A done key stays. */
export async function releaseIdempotencyKey(db: DbOrTx, key: string, requestHash: string): Promise<void> {
  await db
    .delete(idempotencyKeys)
    .where(
      and(
        eq(idempotencyKeys.key, key),
        eq(idempotencyKeys.state, 'in_flight'),
        eq(idempotencyKeys.requestHash, requestHash),
      ),
    );
}

/** Removes answered keys created before `before`, and in-flight keys abandoned long before it. */
export async function deleteCompletedIdempotencyKeys(db: DbOrTx, before: Date): Promise<number> {
  const deleted = await db
    .delete(idempotencyKeys)
    .where(lt(idempotencyKeys.createdAt, before))
    .returning({ key: idempotencyKeys.key });
  return deleted.length;
}
