import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { calendarFeedTokens } from '../schema.ts';

// Private calendar feeds: only the sha256 of the token in the URL is stored; revoking ends the feed.

export interface CalendarFeedToken {
  id: string;
  staffUserId: string | null;
  teamId: string | null;
  createdAt: Date;
  revokedAt: Date | null;
}

const columns = {
  id: calendarFeedTokens.id,
  staffUserId: calendarFeedTokens.staffUserId,
  teamId: calendarFeedTokens.teamId,
  createdAt: calendarFeedTokens.createdAt,
  revokedAt: calendarFeedTokens.revokedAt,
};

/** Exactly one of staffUserId (an officer's own shifts) and teamId (the coordinator's team feed). */
export async function insertCalendarFeedToken(
  db: DbOrTx,
  t: {
    id: string;
    tokenHash: string;
    owner: { staffUserId: string } | { teamId: string };
    createdBy: string | null;
    at: Date;
  },
): Promise<void> {
  await db.insert(calendarFeedTokens).values({
    id: t.id,
    tokenHash: t.tokenHash,
    staffUserId: 'staffUserId' in t.owner ? t.owner.staffUserId : null,
    teamId: 'teamId' in t.owner ? t.owner.teamId : null,
    createdBy: t.createdBy,
    createdAt: t.at,
  });
}

/** The feed a token opens; undefined when unknown or revoked. */
export async function findActiveCalendarFeed(
  db: DbOrTx,
  tokenHash: string,
): Promise<CalendarFeedToken | undefined> {
  const [row] = await db
    .select(columns)
    .from(calendarFeedTokens)
    .where(and(eq(calendarFeedTokens.tokenHash, tokenHash), isNull(calendarFeedTokens.revokedAt)));
  return row;
}

export async function listCalendarFeeds(
  db: DbOrTx,
  owner: { staffUserId: string } | { teamId: string },
): Promise<CalendarFeedToken[]> {
  const where =
    'staffUserId' in owner
      ? eq(calendarFeedTokens.staffUserId, owner.staffUserId)
      : eq(calendarFeedTokens.teamId, owner.teamId);
  return db.select(columns).from(calendarFeedTokens).where(where);
}

export async function revokeCalendarFeedToken(db: DbOrTx, id: string, at: Date): Promise<boolean> {
  const updated = await db
    .update(calendarFeedTokens)
    .set({ revokedAt: at })
    .where(and(eq(calendarFeedTokens.id, id), isNull(calendarFeedTokens.revokedAt)))
    .returning({ id: calendarFeedTokens.id });
  return updated.length > 0;
}
