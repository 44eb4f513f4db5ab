import type { EscalationPolicy, ExpectedCoverage, TeamKind } from '@buurtsignaal/core';
import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { teams } from '../schema.ts';

// The only writer of teams after the seed: kind, expected hours, active, fallback.

export interface TeamRow {
  id: string;
  name: string;
  kind: string;
  coverage: ExpectedCoverage;
  active: boolean;
  fallbackTeamId: string | null;
  /** Dispatch mails also the officers whose phone gets Web Push. */
  notifyEmailAlways: boolean;
}

const columns = {
  id: teams.id,
  name: teams.name,
  kind: teams.kind,
  coverage: teams.coverage,
  active: teams.active,
  fallbackTeamId: teams.fallbackTeamId,
  notifyEmailAlways: teams.notifyEmailAlways,
};

export async function listTeams(db: DbOrTx): Promise<TeamRow[]> {
  return db.select(columns).from(teams).orderBy(asc(teams.name), asc(teams.id));
}

export async function findTeam(db: DbOrTx, id: string): Promise<TeamRow | undefined> {
  const [row] = await db.select(columns).from(teams).where(eq(teams.id, id));
  return row;
}

export interface TeamRosterSettings {
  name?: string;
  kind?: TeamKind;
  coverage?: ExpectedCoverage;
  active?: boolean;
  fallbackTeamId?: string | null;
  notifyEmailAlways?: boolean;
}

/** undefined when there is no such team. */
export async function updateTeamSettings(
  db: DbOrTx,
  id: string,
  settings: TeamRosterSettings & { at: Date },
): Promise<TeamRow | undefined> {
  const { at, ...values } = settings;
  const [row] = await db
    .update(teams)
    .set({ ...values, updatedAt: at })
    .where(eq(teams.id, id))
    .returning(columns);
  return row;
}

/** The team's stored escalation policy as it is (null: core's default applies); undefined: no such team. */
export async function findEscalationPolicy(
  db: DbOrTx,
  id: string,
): Promise<{ policy: unknown; updatedAt: Date } | undefined> {
  const [row] = await db
    .select({ policy: teams.escalationPolicy, updatedAt: teams.updatedAt })
    .from(teams)
    .where(eq(teams.id, id));
  return row;
}

/** Stores the team's escalation policy (validated by the caller), or null for core's default. */
export async function setEscalationPolicy(
  db: DbOrTx,
  id: string,
  policy: EscalationPolicy | null,
  at: Date,
): Promise<boolean> {
  const rows = await db
    .update(teams)
    .set({ escalationPolicy: policy, updatedAt: at })
    .where(eq(teams.id, id))
    .returning({ id: teams.id });
  return rows.length > 0;
}
