// The one writer of patrol_tasks: the visits of accepted patrol windows, and the officer's "bezocht".
import { and, asc, eq, gte, inArray, isNull, lt } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { patrolTasks } from '../schema.ts';

export type PatrolTaskRow = typeof patrolTasks.$inferSelect;
export type NewPatrolTask = Omit<PatrolTaskRow, 'id' | 'visitedAt' | 'visitedBy' | 'createdAt'>;

export async function insertPatrolTasks(db: DbOrTx, tasks: readonly NewPatrolTask[]): Promise<void> {
  if (tasks.length === 0) return;
  await db.insert(patrolTasks).values(tasks.map((t) => ({ ...t, id: crypto.randomUUID() })));
}

/** The tasks of these teams planned in [from, until), in time order. */
export function listPatrolTasks(db: DbOrTx, q: { teamIds: readonly string[]; from: Date; until: Date }) {
  if (q.teamIds.length === 0) return Promise.resolve([] as PatrolTaskRow[]);
  return db
    .select()
    .from(patrolTasks)
    .where(
      and(
        inArray(patrolTasks.teamId, [...q.teamIds]),
        gte(patrolTasks.plannedAt, q.from),
        lt(patrolTasks.plannedAt, q.until),
      ),
    )
    .orderBy(asc(patrolTasks.plannedAt));
}

export function listTasksOfDecisions(db: DbOrTx, decisionIds: readonly string[]) {
  if (decisionIds.length === 0) return Promise.resolve([] as PatrolTaskRow[]);
  return db
    .select()
    .from(patrolTasks)
    .where(inArray(patrolTasks.decisionId, [...decisionIds]))
    .orderBy(asc(patrolTasks.plannedAt));
}

export async function findPatrolTask(db: DbOrTx, id: string): Promise<PatrolTaskRow | undefined> {
  const [row] = await db.select().from(patrolTasks).where(eq(patrolTasks.id, id));
  return row;
}

/** "Bezocht": the first tap counts; a second one changes nothing and answers undefined. */
export async function markVisited(
  db: DbOrTx,
  id: string,
  by: string,
  at: Date,
): Promise<PatrolTaskRow | undefined> {
  const [row] = await db
    .update(patrolTasks)
    .set({ visitedAt: at, visitedBy: by })
    .where(and(eq(patrolTasks.id, id), isNull(patrolTasks.visitedAt)))
    .returning();
  return row;
}
