import { type EscalationPolicy, escalationPolicySchema, type Roster } from '@buurtsignaal/core';
import { desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../client.ts';
import { assignments, meldingen, teams } from '../../schema.ts';
import { type ConfigView, configOf } from '../config/config-cache.ts';

// What the dispatcher reads for one step of one assignment: the assignment and its melding (no
// personal data of the melder), the team's fallback and policy, the coordinators, and the roster.

export interface DispatchAssignment {
  assignmentId: string;
  meldingId: string;
  teamId: string;
  priority: string;
  unansweredAt: Date | null;
  /** The melding's current status and its newest assignment: a rerouted melding is not this one's. */
  status: string;
  currentAssignmentId: string | null;
  reference: string;
  category: string;
  wijkCode: string | null;
  fallbackTeamId: string | null;
  /** null when the team has none (or a stored one no longer parses): core's default applies. */
  policy: EscalationPolicy | null;
}

export async function findDispatchAssignment(
  db: DbOrTx,
  assignmentId: string,
): Promise<DispatchAssignment | undefined> {
  const [row] = await db
    .select({
      assignmentId: assignments.id,
      meldingId: assignments.meldingId,
      teamId: assignments.teamId,
      priority: assignments.priority,
      unansweredAt: assignments.unansweredAt,
      status: meldingen.status,
      reference: meldingen.reference,
      category: meldingen.category,
      wijkCode: meldingen.wijkCode,
      fallbackTeamId: teams.fallbackTeamId,
      policy: teams.escalationPolicy,
    })
    .from(assignments)
    .innerJoin(meldingen, eq(meldingen.id, assignments.meldingId))
    .innerJoin(teams, eq(teams.id, assignments.teamId))
    .where(eq(assignments.id, assignmentId));
  if (!row) return undefined;
  const [current] = await db
    .select({ id: assignments.id })
    .from(assignments)
    .where(eq(assignments.meldingId, row.meldingId))
    .orderBy(desc(assignments.createdAt), desc(assignments.id))
    .limit(1);
  const policy = escalationPolicySchema.safeParse(row.policy);
  return { ...row, currentAssignmentId: current?.id ?? null, policy: policy.success ? policy.data : null };
}

/** Active coordinators: who the "coordinator" escalation target tells (there is no coordinator roster). */
export async function listCoordinatorIds(db: DbOrTx, view?: ConfigView): Promise<string[]> {
  return [...(await configOf(db, view).coordinatorIds())];
}

/** Shift instances of these teams from `at` on, far enough ahead to find the next shift start. */
export async function rosterFrom(
  db: DbOrTx,
  teamIds: readonly string[],
  at: Date,
  horizonDays = 8,
  view?: ConfigView,
): Promise<Roster> {
  const until = new Date(at.getTime() + horizonDays * 24 * 3_600_000);
  const filter = { teamIds: [...new Set(teamIds)], from: at, until };
  return { instances: await configOf(db, view).shiftInstances(filter) };
}

export interface StaffContact {
  id: string;
  name: string;
  email: string;
}

/** Name and work address of officers who are to be told; disabled accounts are left out. */
export async function listStaffContacts(
  db: DbOrTx,
  ids: readonly string[],
  view?: ConfigView,
): Promise<StaffContact[]> {
  if (ids.length === 0) return [];
  const active = await configOf(db, view).activeStaff();
  return [...new Set(ids)].flatMap((id) => {
    const s = active.get(id);
    return s ? [{ id: s.id, name: s.name, email: s.email }] : [];
  });
}
