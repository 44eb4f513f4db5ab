import type { RosterOverride } from '@buurtsignaal/core';
import { and, asc, eq, gte, isNull, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { rosterOverrides } from '../schema.ts';

type OverrideRow = typeof rosterOverrides.$inferSelect;

function toOverride(r: OverrideRow): RosterOverride | undefined {
  const base = { id: r.id, teamId: r.teamId, date: r.date, reason: r.reason };
  if (r.kind === 'swap' && r.patternId && r.memberId && r.replacementId)
    return {
      ...base,
      kind: 'swap',
      patternId: r.patternId,
      memberId: r.memberId,
      replacementId: r.replacementId,
    };
  if (r.kind === 'absent' && r.memberId && (r.cause === 'ziek' || r.cause === 'afwezig'))
    return { ...base, kind: 'absent', cause: r.cause, patternId: r.patternId, memberId: r.memberId };
  if (r.kind === 'extra' && r.label && r.startTime && r.endTime && r.memberIds)
    return {
      ...base,
      kind: 'extra',
      label: r.label,
      start: r.startTime,
      end: r.endTime,
      memberIds: r.memberIds,
      leadId: r.leadId,
    };
  return undefined;
}

function toValues(o: RosterOverride) {
  const base = { id: o.id, teamId: o.teamId, date: o.date, kind: o.kind, reason: o.reason };
  switch (o.kind) {
    case 'swap':
      return { ...base, patternId: o.patternId, memberId: o.memberId, replacementId: o.replacementId };
    case 'absent':
      return { ...base, cause: o.cause, patternId: o.patternId, memberId: o.memberId };
    case 'extra':
      return {
        ...base,
        label: o.label,
        startTime: o.start,
        endTime: o.end,
        memberIds: o.memberIds,
        leadId: o.leadId,
      };
  }
}

export async function insertRosterOverride(
  db: DbOrTx,
  o: RosterOverride & { createdBy: string | null; at: Date },
): Promise<void> {
  await db.insert(rosterOverrides).values({ ...toValues(o), createdBy: o.createdBy, createdAt: o.at });
}

/** Withdraws the override; false when there is no such (uncancelled) override. */
export async function cancelRosterOverride(db: DbOrTx, id: string, at: Date): Promise<boolean> {
  const updated = await db
    .update(rosterOverrides)
    .set({ cancelledAt: at })
    .where(and(eq(rosterOverrides.id, id), isNull(rosterOverrides.cancelledAt)))
    .returning({ id: rosterOverrides.id });
  return updated.length > 0;
}

/** The overrides in force for dates from `fromDate` on, in the order they were made (the order applied). */
export async function listRosterOverrides(
  db: DbOrTx,
  filter: { teamId?: string; fromDate: string },
): Promise<RosterOverride[]> {
  const where: SQL[] = [isNull(rosterOverrides.cancelledAt), gte(rosterOverrides.date, filter.fromDate)];
  if (filter.teamId) where.push(eq(rosterOverrides.teamId, filter.teamId));
  const found = await db
    .select()
    .from(rosterOverrides)
    .where(and(...where))
    .orderBy(asc(rosterOverrides.createdAt), asc(rosterOverrides.id));
  return found.flatMap((r) => {
    const o = toOverride(r);
    return o ? [o] : [];
  });
}
