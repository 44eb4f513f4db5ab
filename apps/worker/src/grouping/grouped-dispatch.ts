import type { DbOrTx } from '@buurtsignaal/db';
import { groupSizesOf } from '@buurtsignaal/db/queries/grouping/group-members';

// What dispatch asks of incident groups: a grouped melding that is not its group's primary starts no
// notice chain of its own, and the primary's notices count the group's meldingen.

/** True when the melding is in a group and not its primary: its dispatch stops ('grouped'). */
export async function dispatchedWithGroup(db: DbOrTx, meldingId: string): Promise<boolean> {
  const g = (await groupSizesOf(db, [meldingId])).get(meldingId);
  return g !== undefined && !g.primary;
}

/** How many meldingen the notice speaks for: the group's size, 1 for a melding on its own. */
export async function meldingenInNotice(db: DbOrTx, meldingId: string): Promise<number> {
  return (await groupSizesOf(db, [meldingId])).get(meldingId)?.size ?? 1;
}
