import type { Regeneration, ShiftInstance, ShiftSource } from '@buurtsignaal/core';
import { and, asc, eq, gt, gte, inArray, lt, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { shiftInstances } from '../schema.ts';

// The only writer of shift_instances. Instances are written from a core Regeneration (what to add,
// replace and remove); one that began before the cut-off is never touched, whatever the caller passes.

type InstanceRow = typeof shiftInstances.$inferSelect;

function sourceOf(r: InstanceRow): ShiftSource {
  if (r.sourceKind === 'extra') return { kind: 'extra', overrideId: r.overrideId ?? '' };
  if (r.sourceKind === 'ics') return { kind: 'ics', uid: r.icsUid ?? '', recurrenceId: r.icsRecurrenceId };
  return { kind: 'pattern', patternId: r.patternId ?? '' };
}

export const toShiftInstance = (r: InstanceRow): ShiftInstance => ({
  id: r.id,
  teamId: r.teamId,
  label: r.label,
  source: sourceOf(r),
  localDate: r.localDate,
  localStart: r.localStart,
  localEnd: r.localEnd,
  startsAt: r.startsAt,
  endsAt: r.endsAt,
  memberIds: r.memberIds,
  leadId: r.leadId,
  overrideIds: r.overrideIds,
});

function toValues(s: ShiftInstance, at: Date) {
  return {
    id: s.id,
    teamId: s.teamId,
    label: s.label,
    sourceKind: s.source.kind,
    patternId: s.source.kind === 'pattern' ? s.source.patternId : null,
    overrideId: s.source.kind === 'extra' ? s.source.overrideId : null,
    icsUid: s.source.kind === 'ics' ? s.source.uid : null,
    icsRecurrenceId: s.source.kind === 'ics' ? s.source.recurrenceId : null,
    localDate: s.localDate,
    localStart: s.localStart,
    localEnd: s.localEnd,
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    memberIds: s.memberIds,
    leadId: s.leadId,
    overrideIds: s.overrideIds,
    generatedAt: at,
  };
}

/** Instances that overlap [from, until), of the given teams (all without), sorted by start. */
export async function listShiftInstances(
  db: DbOrTx,
  filter: { teamIds?: readonly string[]; from: Date; until: Date },
): Promise<ShiftInstance[]> {
  const where: SQL[] = [lt(shiftInstances.startsAt, filter.until), gt(shiftInstances.endsAt, filter.from)];
  if (filter.teamIds) {
    if (filter.teamIds.length === 0) return [];
    where.push(inArray(shiftInstances.teamId, [...filter.teamIds]));
  }
  const found = await db
    .select()
    .from(shiftInstances)
    .where(and(...where))
    .orderBy(asc(shiftInstances.startsAt), asc(shiftInstances.id));
  return found.map(toShiftInstance);
}

/** A team's instances starting at or after `from` (what a regeneration compares against). */
export async function listTeamInstancesFrom(
  db: DbOrTx,
  teamId: string,
  from: Date,
): Promise<ShiftInstance[]> {
  const found = await db
    .select()
    .from(shiftInstances)
    .where(and(eq(shiftInstances.teamId, teamId), gte(shiftInstances.startsAt, from)))
    .orderBy(asc(shiftInstances.startsAt), asc(shiftInstances.id));
  return found.map(toShiftInstance);
}

export interface StoredRegeneration {
  added: number;
  updated: number;
  removed: number;
}

/**
 * Stores a regeneration: inserts the added instances (an id stored meanwhile by a concurrent run is
 * left alone), replaces the updated and deletes the removed ones — each only while it starts at or
 * after `cutoff`, so the past is never rewritten — and ends the cut ones (running shifts whose crew
 * changes now) at the cut-off, only while they still run then: what was worked stays as it was.
 */
export async function storeRegeneration(
  tx: DbOrTx,
  change: Pick<Regeneration, 'added' | 'updated' | 'removed'> & Partial<Pick<Regeneration, 'cut'>>,
  cutoff: Date,
  at: Date,
): Promise<StoredRegeneration> {
  const future = (id: string) => and(eq(shiftInstances.id, id), gte(shiftInstances.startsAt, cutoff));
  let added = 0;
  if (change.added.length > 0) {
    const inserted = await tx
      .insert(shiftInstances)
      .values(change.added.map((s) => toValues(s, at)))
      .onConflictDoNothing()
      .returning({ id: shiftInstances.id });
    added = inserted.length;
  }
  let updated = 0;
  for (const s of change.updated) {
    const { id: _id, ...values } = toValues(s, at);
    const rows = await tx
      .update(shiftInstances)
      .set(values)
      .where(future(s.id))
      .returning({ id: shiftInstances.id });
    updated += rows.length;
  }
  for (const s of change.cut ?? []) {
    await tx
      .update(shiftInstances)
      .set({ endsAt: s.endsAt, localEnd: s.localEnd, generatedAt: at })
      .where(
        and(
          eq(shiftInstances.id, s.id),
          lt(shiftInstances.startsAt, cutoff),
          gt(shiftInstances.endsAt, cutoff),
        ),
      );
  }
  let removed = 0;
  if (change.removed.length > 0) {
    const ids = change.removed.map((s) => s.id);
    const rows = await tx
      .delete(shiftInstances)
      .where(and(inArray(shiftInstances.id, ids), gte(shiftInstances.startsAt, cutoff)))
      .returning({ id: shiftInstances.id });
    removed = rows.length;
  }
  return { added, updated, removed };
}
