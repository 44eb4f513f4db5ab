import { eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../client.ts';
import { areas, pushSubscriptions, teams } from '../../schema.ts';

// Which channels the dispatcher uses for whom: officers with a push device, the team's mail rule, and
// the wijk's name for the push notice (its code is all the melding stores).

export interface DispatchChannels {
  /** Officers (of those asked) with at least one device subscribed to Web Push. */
  pushUserIds: Set<string>;
  /** The team mails every officer told, also those who get push. */
  emailAlways: boolean;
  wijkName: string | null;
}

export async function findDispatchChannels(
  db: DbOrTx,
  q: { teamId: string; userIds: readonly string[]; wijkCode: string | null },
): Promise<DispatchChannels> {
  const subscribed =
    q.userIds.length === 0
      ? []
      : await db
          .selectDistinct({ userId: pushSubscriptions.userId })
          .from(pushSubscriptions)
          .where(inArray(pushSubscriptions.userId, [...q.userIds]));
  const [team] = await db
    .select({ emailAlways: teams.notifyEmailAlways })
    .from(teams)
    .where(eq(teams.id, q.teamId));
  const [wijk] = q.wijkCode
    ? await db.select({ naam: areas.naam }).from(areas).where(eq(areas.code, q.wijkCode))
    : [];
  return {
    pushUserIds: new Set(subscribed.map((s) => s.userId)),
    emailAlways: team?.emailAlways ?? false,
    wijkName: wijk?.naam ?? null,
  };
}
