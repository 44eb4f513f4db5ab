import { asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { incidentGroupMembers, incidentGroups, meldingen } from '../schema.ts';

// The only writer of incident_groups and incident_group_members: a group is made with its primary as
// its first member; members join and leave (a primary that leaves hands over to the oldest member); a
// group left with one member is dissolved.

export interface GroupRef {
  groupId: string;
  primaryMeldingId: string;
}

/**
 * Serialises the grouping decisions of one category until the transaction ends (an advisory lock):
 * two meldingen of one incident routed at the same moment see each other instead of both standing alone.
 */
export async function lockGroupingOf(tx: DbOrTx, category: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`grouping:${category}`}))`);
}

/** The group the melding is in, with its primary; undefined: in none. */
export async function findGroupOf(db: DbOrTx, meldingId: string): Promise<GroupRef | undefined> {
  const [row] = await db
    .select({ groupId: incidentGroups.id, primaryMeldingId: incidentGroups.primaryMeldingId })
    .from(incidentGroupMembers)
    .innerJoin(incidentGroups, eq(incidentGroups.id, incidentGroupMembers.groupId))
    .where(eq(incidentGroupMembers.meldingId, meldingId));
  return row;
}

/** A new group around `primaryMeldingId` (its first member). */
export async function createGroup(
  tx: DbOrTx,
  g: { id: string; primaryMeldingId: string; by: string; at: Date },
): Promise<GroupRef> {
  await tx
    .insert(incidentGroups)
    .values({ id: g.id, primaryMeldingId: g.primaryMeldingId, createdBy: g.by, createdAt: g.at });
  await tx
    .insert(incidentGroupMembers)
    .values({ meldingId: g.primaryMeldingId, groupId: g.id, addedBy: g.by, addedAt: g.at });
  return { groupId: g.id, primaryMeldingId: g.primaryMeldingId };
}

/** Adds the melding to the group; false when it is in a group already (this one or another). */
export async function addGroupMember(
  tx: DbOrTx,
  m: { groupId: string; meldingId: string; by: string; at: Date },
): Promise<boolean> {
  const added = await tx
    .insert(incidentGroupMembers)
    .values({ meldingId: m.meldingId, groupId: m.groupId, addedBy: m.by, addedAt: m.at })
    .onConflictDoNothing()
    .returning({ meldingId: incidentGroupMembers.meldingId });
  return added.length > 0;
}

export interface GroupLeft {
  groupId: string;
  dissolved: boolean;
  /** The member that took over as primary when the primary left a group that goes on; else null. */
  newPrimaryMeldingId: string | null;
  /** The member left alone when the group dissolved, if it was not the primary (no chain of its own); else empty. */
  alone: string[];
}

/**
 * Takes the melding out of its group. When the primary leaves, the oldest remaining member (first
 * reported) becomes primary, so the group keeps one notice chain; a group that keeps one member is
 * dissolved and what is left stands on its own. Undefined when it was in no group.
 */
export async function removeGroupMember(tx: DbOrTx, meldingId: string): Promise<GroupLeft | undefined> {
  const group = await findGroupOf(tx, meldingId);
  if (!group) return undefined;
  await tx.delete(incidentGroupMembers).where(eq(incidentGroupMembers.meldingId, meldingId));
  const left = await tx
    .select({ meldingId: incidentGroupMembers.meldingId })
    .from(incidentGroupMembers)
    .innerJoin(meldingen, eq(meldingen.id, incidentGroupMembers.meldingId))
    .where(eq(incidentGroupMembers.groupId, group.groupId))
    .orderBy(asc(meldingen.createdAt), asc(meldingen.id));
  if (left.length <= 1) {
    // The members go with the group (on delete cascade).
    await tx.delete(incidentGroups).where(eq(incidentGroups.id, group.groupId));
    // A primary that stays keeps the notice chain it has: only a member that was not primary is newly alone.
    const alone = left.map((m) => m.meldingId).filter((id) => id !== group.primaryMeldingId);
    return { groupId: group.groupId, dissolved: true, newPrimaryMeldingId: null, alone };
  }
  const oldest = left[0]?.meldingId ?? null;
  const handedOver = group.primaryMeldingId === meldingId ? oldest : null;
  if (handedOver) {
    await tx
      .update(incidentGroups)
      .set({ primaryMeldingId: handedOver })
      .where(eq(incidentGroups.id, group.groupId));
  }
  return { groupId: group.groupId, dissolved: false, newPrimaryMeldingId: handedOver, alone: [] };
}
