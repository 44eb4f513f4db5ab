import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { assignments, meldingen, statusEvents } from '../schema.ts';

export interface MeldingForRouting {
  id: string;
  category: string;
  subcategory: string | null;
  status: string;
  wijkCode: string | null;
  createdAt: Date;
}

/**
 * Reads the melding and locks it until the transaction ends, so that two routing runs for the same
 * melding (a retried job, or a second worker taking over a stalled one) never decide at the same time.
 */
export async function lockMeldingForRouting(
  tx: DbOrTx,
  meldingId: string,
): Promise<MeldingForRouting | undefined> {
  const [row] = await tx
    .select({
      id: meldingen.id,
      category: meldingen.category,
      subcategory: meldingen.subcategory,
      status: meldingen.status,
      wijkCode: meldingen.wijkCode,
      createdAt: meldingen.createdAt,
    })
    .from(meldingen)
    .where(eq(meldingen.id, meldingId))
    .for('update');
  return row;
}

export interface AssignmentRow {
  id: string;
  meldingId: string;
  routingKey: string;
  teamId: string;
  priority: string;
  reason: string;
  createdAt: Date;
}

export async function findAssignmentByRoutingKey(
  tx: DbOrTx,
  routingKey: string,
): Promise<AssignmentRow | undefined> {
  const [row] = await tx.select().from(assignments).where(eq(assignments.routingKey, routingKey));
  return row;
}

export async function listAssignmentsForMelding(db: DbOrTx, meldingId: string): Promise<AssignmentRow[]> {
  return db
    .select()
    .from(assignments)
    .where(eq(assignments.meldingId, meldingId))
    .orderBy(asc(assignments.createdAt));
}

export interface NewAssignment {
  id: string;
  meldingId: string;
  /** `event-<status event id>`: one assignment per routing request, however often it is processed. */
  routingKey: string;
  teamId: string;
  priority: string;
  /** Internal, Dutch: why this team (shown to staff, never to the melder). */
  reason: string;
  /** The melding's status before routing (gemeld or heropend). */
  fromStatus: string;
  at: Date;
  /** The afhandeltermijn from this routing on (a reopened melding gets a fresh one); null: none. */
  deadlineAt: Date | null;
}

/**
 * Stores the assignment and, only when it is new, moves the melding to `ingedeeld` with its status
 * event. Returns false when the routing key was already assigned (nothing changed). Run it inside the
 * transaction that holds the melding's lock.
 */
export async function recordAssignment(tx: DbOrTx, a: NewAssignment): Promise<boolean> {
  const inserted = await tx
    .insert(assignments)
    .values({
      id: a.id,
      meldingId: a.meldingId,
      routingKey: a.routingKey,
      teamId: a.teamId,
      priority: a.priority,
      reason: a.reason,
      createdAt: a.at,
    })
    .onConflictDoNothing({ target: assignments.routingKey })
    .returning({ id: assignments.id });
  if (inserted.length === 0) return false;
  await tx
    .update(meldingen)
    .set({
      teamId: a.teamId,
      priority: a.priority,
      status: 'ingedeeld',
      deadlineAt: a.deadlineAt,
      updatedAt: a.at,
    })
    .where(eq(meldingen.id, a.meldingId));
  await tx.insert(statusEvents).values({
    meldingId: a.meldingId,
    fromStatus: a.fromStatus,
    toStatus: 'ingedeeld',
    actor: 'systeem',
    internalNote: a.reason,
    createdAt: a.at,
  });
  return true;
}
