import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { pushSubscriptions } from '../schema.ts';

// The only writer of push_subscriptions: an officer's devices that receive Web Push.

export interface NewPushSubscription {
  userId: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  userAgentLabel: string | null;
  at: Date;
}

export interface PushSubscriptionRow {
  id: string;
  userId: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  userAgentLabel: string | null;
  createdAt: Date;
  lastSuccessAt: Date | null;
}

/**
 * Stores the subscription of a device. The endpoint is the device's browser: subscribing again (new keys,
 * or another officer logged in on the same phone) replaces what was stored for it.
 */
export async function savePushSubscription(db: DbOrTx, s: NewPushSubscription): Promise<PushSubscriptionRow> {
  const values = {
    userId: s.userId,
    p256dh: s.p256dh,
    auth: s.auth,
    userAgentLabel: s.userAgentLabel,
  };
  const [row] = await db
    .insert(pushSubscriptions)
    .values({ id: randomUUID(), endpoint: s.endpoint, ...values, createdAt: s.at })
    .onConflictDoUpdate({ target: pushSubscriptions.endpoint, set: { ...values, createdAt: s.at } })
    .returning();
  if (!row) throw new Error('push subscription not stored');
  return row;
}

/** The officer turned push off on this device; false when it was not (or no longer) theirs. */
export async function deletePushSubscription(
  db: DbOrTx,
  q: { userId: string; endpoint: string },
): Promise<boolean> {
  const rows = await db
    .delete(pushSubscriptions)
    .where(and(eq(pushSubscriptions.userId, q.userId), eq(pushSubscriptions.endpoint, q.endpoint)))
    .returning({ id: pushSubscriptions.id });
  return rows.length > 0;
}

/** The push service said the subscription is gone (404/410): it never comes back. */
export async function deleteExpiredPushSubscription(db: DbOrTx, id: string): Promise<void> {
  await db.delete(pushSubscriptions).where(eq(pushSubscriptions.id, id));
}

export async function markPushSuccess(db: DbOrTx, id: string, at: Date): Promise<void> {
  await db.update(pushSubscriptions).set({ lastSuccessAt: at }).where(eq(pushSubscriptions.id, id));
}

export async function listPushSubscriptions(
  db: DbOrTx,
  userIds: readonly string[],
): Promise<PushSubscriptionRow[]> {
  if (userIds.length === 0) return [];
  return db
    .select()
    .from(pushSubscriptions)
    .where(inArray(pushSubscriptions.userId, [...userIds]))
    .orderBy(asc(pushSubscriptions.createdAt), asc(pushSubscriptions.id));
}

export async function findPushSubscription(
  db: DbOrTx,
  q: { userId: string; endpoint: string },
): Promise<PushSubscriptionRow | undefined> {
  const [row] = await db
    .select()
    .from(pushSubscriptions)
    .where(and(eq(pushSubscriptions.userId, q.userId), eq(pushSubscriptions.endpoint, q.endpoint)));
  return row;
}
