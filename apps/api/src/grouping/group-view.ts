import type { MeldingGroup } from '@buurtsignaal/core/contract';
import type { DbOrTx } from '@buurtsignaal/db';
import { findGroupWithMembers, groupSizesOf } from '@buurtsignaal/db/queries/grouping/group-members';
import { statusView } from '../handling/melding-view.ts';

/** The detail's "Onderdeel van een groep van 3 meldingen", with every member; undefined: on its own. */
export async function loadGroupView(db: DbOrTx, meldingId: string): Promise<MeldingGroup | undefined> {
  const group = await findGroupWithMembers(db, meldingId);
  if (!group) return undefined;
  return {
    id: group.groupId,
    size: group.members.length,
    members: group.members.map((m) => ({
      id: m.id,
      reference: m.reference,
      status: statusView(m.status),
      createdAt: m.createdAt,
      primary: m.primary,
    })),
  };
}

/** The queue cards' group marks, per melding id of the page. */
export async function loadQueueGroups(db: DbOrTx, meldingIds: readonly string[]) {
  const sizes = await groupSizesOf(db, meldingIds);
  return (id: string) => {
    const g = sizes.get(id);
    return g ? { group: { id: g.groupId, size: g.size, primary: g.primary } } : {};
  };
}
