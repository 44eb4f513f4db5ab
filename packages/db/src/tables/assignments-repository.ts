import { and, asc, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { assignments } from '../schema.ts';
import { assignMeldingToTeam } from './meldingen-repository.ts';
import { appendStatusEvent } from './status-events-repository.ts';

export interface AssignmentRow {
  id: string;
  meldingId: string;
  routingKey: string;
  teamId: string;
  priority: string;
  reason: string;
  ruleId: string | null;
  ruleVersion: number | null;
  note: string | null;
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

/** What a routing decision (core decideRoute) puts on an assignment: team, priority, why, by which rule. */
export const decisionFields = (d: {
  teamId: string;
  priority: string;
  reason: string;
  rule: { id: string; version: number } | null;
  note: string | null;
}) => ({ teamId: d.teamId, priority: d.priority, reason: d.reason, rule: d.rule, note: d.note });

export interface NewAssignment {
  id: string;
  meldingId: string;
  /** `event-<status event id>`: one assignment per routing request, however often it is processed. */
  routingKey: string;
  teamId: string;
  priority: string;
  /** Internal, Dutch: why this team (shown to staff, never to the melder). */
  reason: string;
  /** The rule and version that decided; null for the category's default. */
  rule?: { id: string; version: number } | null;
  /** The rule's note for the officer. */
  note?: string | null;
  /** The melding's status before routing (gemeld or heropend). */
  fromStatus: string;
  at: Date;
  /** The afhandeltermijn from this routing on (a reopened melding gets a fresh one); null: none. */
  deadlineAt: Date | null;
  /** Who routed it: 'systeem' (the worker, default) or 'staff:<id>' ("opnieuw indelen"). */
  actor?: string;
  /** The status event's reason (staff: why it was routed again). */
  eventReason?: string | null;
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
      ruleId: a.rule?.id ?? null,
      ruleVersion: a.rule?.version ?? null,
      note: a.note ?? null,
      createdAt: a.at,
    })
    .onConflictDoNothing({ target: assignments.routingKey })
    .returning({ id: assignments.id });
  if (inserted.length === 0) return false;
  await assignMeldingToTeam(tx, a);
  await appendStatusEvent(tx, {
    meldingId: a.meldingId,
    fromStatus: a.fromStatus,
    toStatus: 'ingedeeld',
    actor: a.actor ?? 'systeem',
    internalNote: a.reason,
    reason: a.eventReason ?? null,
    at: a.at,
  });
  return true;
}

/** Marks the assignment onbeantwoord (every escalation step ran); false when it already was. */
export async function markAssignmentUnanswered(db: DbOrTx, id: string, at: Date): Promise<boolean> {
  const rows = await db
    .update(assignments)
    .set({ unansweredAt: at })
    .where(and(eq(assignments.id, id), isNull(assignments.unansweredAt)))
    .returning({ id: assignments.id });
  return rows.length > 0;
}
