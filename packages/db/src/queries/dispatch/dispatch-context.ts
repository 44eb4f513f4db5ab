import { type EscalationPolicy, escalationPolicySchema, type Roster } from '@buurtsignaal/core';
import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../client.ts';
import { assignments, meldingen, teams } from '../../schema.ts';
import { type ConfigView, configOf } from '../config/config-cache.ts';
import { reopenedHandlerSql } from './reopen-handler.ts';

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
  /** The primary of the melding's incident group (null: in none); a member that is not it is told with it. */
  groupPrimaryMeldingId: string | null;
  /** How many meldingen the notice speaks for: the group's size, 1 on its own. */
  groupSize: number;
  /** A reopened melding's earlier handler (reopen-handler.ts); null for any other assignment. */
  reopenedHandlerId: string | null;
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
      // One round trip for the whole step's look-up: the newest assignment, the group, the reopening.
      currentAssignmentId: sql<string | null>`(SELECT c.id FROM assignments c
        WHERE c.melding_id = ${assignments.meldingId} ORDER BY c.created_at DESC, c.id DESC LIMIT 1)`,
      groupPrimaryMeldingId: sql<string | null>`(SELECT g.primary_melding_id FROM incident_group_members gm
        JOIN incident_groups g ON g.id = gm.group_id WHERE gm.melding_id = ${assignments.meldingId})`,
      groupSize: sql<number>`(SELECT count(*)::int FROM incident_group_members gs WHERE gs.group_id =
        (SELECT gm.group_id FROM incident_group_members gm WHERE gm.melding_id = ${assignments.meldingId}))`,
      reopenedHandlerId: sql<string | null>`${reopenedHandlerSql(sql`${assignments}`)}`,
    })
    .from(assignments)
    .innerJoin(meldingen, eq(meldingen.id, assignments.meldingId))
    .innerJoin(teams, eq(teams.id, assignments.teamId))
    .where(eq(assignments.id, assignmentId));
  if (!row) return undefined;
  const policy = escalationPolicySchema.safeParse(row.policy);
  return {
    ...row,
    groupSize: Math.max(1, Number(row.groupSize ?? 0)),
    policy: policy.success ? policy.data : null,
  };
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
