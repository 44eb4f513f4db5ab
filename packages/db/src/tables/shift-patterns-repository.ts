import { addDaysTo, compareDates, type ShiftPattern } from '@buurtsignaal/core';
import { and, asc, eq, gte, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { shiftPatterns } from '../schema.ts';

// Patterns are never edited in place: an edit end-dates the running version and inserts the next one
// (replaces_id), so the past keeps the pattern it was planned with.

type PatternRow = typeof shiftPatterns.$inferSelect;

export const toShiftPattern = (r: PatternRow): ShiftPattern => ({
  id: r.id,
  teamId: r.teamId,
  label: r.label,
  weekdays: r.weekdays,
  start: r.startTime,
  end: r.endTime,
  validFrom: r.validFrom,
  validUntil: r.validUntil,
  memberIds: r.memberIds,
  leadId: r.leadId,
});

export interface StoredShiftPattern extends ShiftPattern {
  replacesId: string | null;
  createdAt: Date;
}

const values = (p: ShiftPattern) => ({
  id: p.id,
  teamId: p.teamId,
  label: p.label,
  weekdays: p.weekdays,
  startTime: p.start,
  endTime: p.end,
  validFrom: p.validFrom,
  validUntil: p.validUntil,
  memberIds: p.memberIds,
  leadId: p.leadId,
});

export async function insertShiftPattern(
  db: DbOrTx,
  p: ShiftPattern & { createdBy: string | null; at: Date; replacesId?: string | null },
): Promise<void> {
  await db.insert(shiftPatterns).values({
    ...values(p),
    replacesId: p.replacesId ?? null,
    createdBy: p.createdBy,
    createdAt: p.at,
    updatedAt: p.at,
  });
}

/** Inserts the seeded pattern unless one with its id exists (a seed never overwrites an edit). */
export async function insertShiftPatternIfAbsent(db: DbOrTx, p: ShiftPattern, at: Date): Promise<boolean> {
  const inserted = await db
    .insert(shiftPatterns)
    .values({ ...values(p), createdAt: at, updatedAt: at })
    .onConflictDoNothing({ target: shiftPatterns.id })
    .returning({ id: shiftPatterns.id });
  return inserted.length > 0;
}

/** The seed's members for a seeded pattern that has none yet (demo accounts are made after the teams). */
export async function fillEmptyPatternMembers(
  db: DbOrTx,
  id: string,
  members: { memberIds: string[]; leadId: string | null; at: Date },
): Promise<void> {
  await db
    .update(shiftPatterns)
    .set({ memberIds: members.memberIds, leadId: members.leadId, updatedAt: members.at })
    .where(and(eq(shiftPatterns.id, id), sql`${shiftPatterns.memberIds} = '[]'::jsonb`));
}

/**
 * Ends pattern `id` so that its last shift starts the day before `from` (a pattern that had not begun
 * by then ends before it began and runs on no day). undefined when there is no such pattern.
 */
export async function endShiftPattern(
  db: DbOrTx,
  id: string,
  from: string,
  at: Date,
): Promise<StoredShiftPattern | undefined> {
  const [row] = await db
    .update(shiftPatterns)
    .set({ validUntil: addDaysTo(from, -1), updatedAt: at })
    .where(
      and(
        eq(shiftPatterns.id, id),
        or(isNull(shiftPatterns.validUntil), gte(shiftPatterns.validUntil, from)),
      ),
    )
    .returning();
  return row ? { ...toShiftPattern(row), replacesId: row.replacesId, createdAt: row.createdAt } : undefined;
}

/**
 * An edit from local date `next.validFrom` on: the current version ends the day before, `next` (a new
 * id) replaces it. False when `currentId` does not exist or already ended before that date.
 */
export async function replaceShiftPattern(
  tx: DbOrTx,
  change: { currentId: string; next: ShiftPattern; createdBy: string | null; at: Date },
): Promise<boolean> {
  const ended = await endShiftPattern(tx, change.currentId, change.next.validFrom, change.at);
  if (!ended) return false;
  await insertShiftPattern(tx, {
    ...change.next,
    createdBy: change.createdBy,
    at: change.at,
    replacesId: change.currentId,
  });
  return true;
}

/**
 * The patterns that run on some day from `from` on (all of them without `from`), oldest first; a
 * version that ended before it began (replaced before its start) is left out.
 */
export async function listShiftPatterns(
  db: DbOrTx,
  filter: { teamId?: string; from?: string } = {},
): Promise<StoredShiftPattern[]> {
  const where: SQL[] = [];
  if (filter.teamId) where.push(eq(shiftPatterns.teamId, filter.teamId));
  if (filter.from) {
    const running = or(isNull(shiftPatterns.validUntil), gte(shiftPatterns.validUntil, filter.from));
    if (running) where.push(running);
  }
  const found = await db
    .select()
    .from(shiftPatterns)
    .where(and(...where))
    .orderBy(asc(shiftPatterns.createdAt), asc(shiftPatterns.id));
  return found
    .filter((r) => r.validUntil === null || compareDates(r.validUntil, r.validFrom) >= 0)
    .map((r) => ({ ...toShiftPattern(r), replacesId: r.replacesId, createdAt: r.createdAt }));
}
