import { asc, count, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../client.ts';
import { incidentGroupMembers, incidentGroups, meldingen } from '../../schema.ts';

// Reads of incident groups: a melding's group with its members, and the size of the groups of a page of
// meldingen (the queue's "3 meldingen").

export interface GroupMemberRow {
  id: string;
  reference: string;
  status: string;
  teamId: string | null;
  assignedUserId: string | null;
  createdAt: Date;
  primary: boolean;
}

export interface GroupView {
  groupId: string;
  primaryMeldingId: string;
  members: GroupMemberRow[];
}

/** The melding's group and all its members (oldest first); undefined: in no group. */
export async function findGroupWithMembers(db: DbOrTx, meldingId: string): Promise<GroupView | undefined> {
  const [ref] = await db
    .select({ groupId: incidentGroups.id, primaryMeldingId: incidentGroups.primaryMeldingId })
    .from(incidentGroupMembers)
    .innerJoin(incidentGroups, eq(incidentGroups.id, incidentGroupMembers.groupId))
    .where(eq(incidentGroupMembers.meldingId, meldingId));
  if (!ref) return undefined;
  const rows = await db
    .select({
      id: meldingen.id,
      reference: meldingen.reference,
      status: meldingen.status,
      teamId: meldingen.teamId,
      assignedUserId: meldingen.assignedUserId,
      createdAt: meldingen.createdAt,
    })
    .from(incidentGroupMembers)
    .innerJoin(meldingen, eq(meldingen.id, incidentGroupMembers.meldingId))
    .where(eq(incidentGroupMembers.groupId, ref.groupId))
    .orderBy(asc(meldingen.createdAt), asc(meldingen.id));
  return { ...ref, members: rows.map((r) => ({ ...r, primary: r.id === ref.primaryMeldingId })) };
}

/** Per melding (of those given) that is in a group: the group, its size and whether it is the primary. */
export async function groupSizesOf(
  db: DbOrTx,
  meldingIds: readonly string[],
): Promise<Map<string, { groupId: string; size: number; primary: boolean }>> {
  if (meldingIds.length === 0) return new Map();
  const mine = await db
    .select({
      meldingId: incidentGroupMembers.meldingId,
      groupId: incidentGroupMembers.groupId,
      primaryMeldingId: incidentGroups.primaryMeldingId,
    })
    .from(incidentGroupMembers)
    .innerJoin(incidentGroups, eq(incidentGroups.id, incidentGroupMembers.groupId))
    .where(inArray(incidentGroupMembers.meldingId, [...meldingIds]));
  if (mine.length === 0) return new Map();
  const sizes = await db
    .select({ groupId: incidentGroupMembers.groupId, n: count() })
    .from(incidentGroupMembers)
    .where(inArray(incidentGroupMembers.groupId, [...new Set(mine.map((m) => m.groupId))]))
    .groupBy(incidentGroupMembers.groupId);
  const sizeOf = new Map(sizes.map((s) => [s.groupId, Number(s.n)]));
  return new Map(
    mine.map((m) => [
      m.meldingId,
      { groupId: m.groupId, size: sizeOf.get(m.groupId) ?? 1, primary: m.primaryMeldingId === m.meldingId },
    ]),
  );
}
