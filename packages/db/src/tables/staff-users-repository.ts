import type { StaffRole } from '@buurtsignaal/core/contract';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { staffUsers, staffUserTeams, teams } from '../schema.ts';
import { rows } from '../sql-rows.ts';

export { type StaffRole, staffRoles } from '@buurtsignaal/core/contract';

export interface StaffUserRow {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  passwordHash: string;
  totpSecretSealed: string | null;
  totpConfirmedAt: Date | null;
  failedLogins: number;
  failedLoginsSince: Date | null;
  lastTotpStep: number | null;
  disabledAt: Date | null;
  createdAt: Date;
}

export interface StaffTeam {
  id: string;
  name: string;
}

export interface NewStaffUser {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  passwordHash: string;
  teamIds: readonly string[];
  totpSecretSealed?: string | null;
  totpConfirmedAt?: Date | null;
}

/** E-mail addresses are compared and stored lower-case. */
export const normaliseStaffEmail = (email: string): string => email.trim().toLowerCase();

export async function findStaffUserByEmail(db: DbOrTx, email: string): Promise<StaffUserRow | undefined> {
  const [row] = await db
    .select()
    .from(staffUsers)
    .where(eq(staffUsers.email, normaliseStaffEmail(email)));
  return row as StaffUserRow | undefined;
}

export async function findStaffUserById(db: DbOrTx, id: string): Promise<StaffUserRow | undefined> {
  const [row] = await db.select().from(staffUsers).where(eq(staffUsers.id, id));
  return row as StaffUserRow | undefined;
}

export async function listTeamsOfStaffUser(db: DbOrTx, userId: string): Promise<StaffTeam[]> {
  return db
    .select({ id: teams.id, name: teams.name })
    .from(staffUserTeams)
    .innerJoin(teams, eq(teams.id, staffUserTeams.teamId))
    .where(eq(staffUserTeams.userId, userId))
    .orderBy(asc(teams.id));
}

/** The ids of `teamIds` that do not exist. */
export async function findUnknownTeamIds(db: DbOrTx, teamIds: readonly string[]): Promise<string[]> {
  if (teamIds.length === 0) return [];
  const known = await db
    .select({ id: teams.id })
    .from(teams)
    .where(inArray(teams.id, [...teamIds]));
  const knownIds = new Set(known.map((t) => t.id));
  return teamIds.filter((id) => !knownIds.has(id));
}

/** Inserts the user and its teams; resolves to false when the e-mail address is taken. */
export async function insertStaffUser(db: DbOrTx, user: NewStaffUser): Promise<boolean> {
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(staffUsers)
      .values({
        id: user.id,
        email: normaliseStaffEmail(user.email),
        name: user.name,
        role: user.role,
        passwordHash: user.passwordHash,
        totpSecretSealed: user.totpSecretSealed ?? null,
        totpConfirmedAt: user.totpConfirmedAt ?? null,
      })
      .onConflictDoNothing({ target: staffUsers.email })
      .returning({ id: staffUsers.id });
    if (inserted.length === 0) return false;
    if (user.teamIds.length > 0) {
      await tx.insert(staffUserTeams).values(user.teamIds.map((teamId) => ({ userId: user.id, teamId })));
    }
    return true;
  });
}

export interface StaffUserListItem {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  teamIds: string[];
  totpEnrolled: boolean;
  disabled: boolean;
  createdAt: Date;
}

/** Every user, without hashes or secrets. */
export async function listStaffUsers(db: DbOrTx): Promise<StaffUserListItem[]> {
  const rows = await db
    .select({
      id: staffUsers.id,
      email: staffUsers.email,
      name: staffUsers.name,
      role: staffUsers.role,
      totpConfirmedAt: staffUsers.totpConfirmedAt,
      disabledAt: staffUsers.disabledAt,
      createdAt: staffUsers.createdAt,
      teamIds: sql<string[]>`coalesce((select array_agg(sut.team_id order by sut.team_id)
        from ${staffUserTeams} sut where sut.user_id = ${staffUsers.id}), '{}')`,
    })
    .from(staffUsers)
    .orderBy(asc(staffUsers.name), asc(staffUsers.id));
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    name: r.name,
    role: r.role as StaffRole,
    teamIds: r.teamIds,
    totpEnrolled: r.totpConfirmedAt !== null,
    disabled: r.disabledAt !== null,
    createdAt: r.createdAt,
  }));
}

/** Counts a failed login on the account, for the notice at its next successful login. */
export async function recordFailedLogin(db: DbOrTx, userId: string, at: Date): Promise<void> {
  await db
    .update(staffUsers)
    .set({
      failedLogins: sql`${staffUsers.failedLogins} + 1`,
      failedLoginsSince: sql`coalesce(${staffUsers.failedLoginsSince}, ${at.toISOString()}::timestamptz)`,
    })
    .where(eq(staffUsers.id, userId));
}

/** At a successful login: the failed logins since the previous one (count 0: none), and resets them. */
export async function takeFailedLogins(
  db: DbOrTx,
  userId: string,
): Promise<{ count: number; since: Date | null }> {
  // The old values, from the row as it was before this statement.
  const [row] = await rows<{ count: number; since: string | Date | null }>(
    db,
    sql`
    update ${staffUsers} set failed_logins = 0, failed_logins_since = null
    from (select failed_logins, failed_logins_since from ${staffUsers} where id = ${userId} for update) old
    where ${staffUsers.id} = ${userId}
    returning old.failed_logins as count, old.failed_logins_since as since`,
  );
  if (!row?.count) return { count: 0, since: null };
  return { count: Number(row.count), since: row.since === null ? null : new Date(row.since) };
}

/**
 * Accepts the TOTP time step of a code once: false when a code of this step or a later one was accepted
 * before (a replayed code). One statement, so that two requests with the same code cannot both pass.
 */
export async function acceptTotpStep(db: DbOrTx, userId: string, step: number): Promise<boolean> {
  const rows = await db
    .update(staffUsers)
    .set({ lastTotpStep: step })
    .where(
      and(
        eq(staffUsers.id, userId),
        sql`(${staffUsers.lastTotpStep} is null or ${staffUsers.lastTotpStep} < ${step})`,
      ),
    )
    .returning({ id: staffUsers.id });
  return rows.length > 0;
}

/** Stores a new, not yet confirmed TOTP secret (sealed); refused once one is confirmed. */
export async function setPendingTotpSecret(db: DbOrTx, userId: string, sealed: string): Promise<boolean> {
  const rows = await db
    .update(staffUsers)
    .set({ totpSecretSealed: sealed, totpConfirmedAt: null })
    .where(and(eq(staffUsers.id, userId), sql`${staffUsers.totpConfirmedAt} is null`))
    .returning({ id: staffUsers.id });
  return rows.length > 0;
}

/**
 * Confirms a pending TOTP secret with the step of the code shown; false when it was confirmed already or
 * that step was used before (two confirmations at once: one wins).
 */
export async function confirmTotp(db: DbOrTx, userId: string, at: Date, step: number): Promise<boolean> {
  const rows = await db
    .update(staffUsers)
    .set({ totpConfirmedAt: at, lastTotpStep: step })
    .where(
      and(
        eq(staffUsers.id, userId),
        sql`${staffUsers.totpConfirmedAt} is null`,
        sql`(${staffUsers.lastTotpStep} is null or ${staffUsers.lastTotpStep} < ${step})`,
      ),
    )
    .returning({ id: staffUsers.id });
  return rows.length > 0;
}

/** For the embedded demo accounts: sets password (and TOTP) of an existing account again. */
export async function updateStaffCredentials(
  db: DbOrTx,
  userId: string,
  values: { passwordHash: string; totpSecretSealed?: string | null; totpConfirmedAt?: Date | null },
): Promise<void> {
  await db
    .update(staffUsers)
    .set({ ...values, failedLogins: 0, failedLoginsSince: null })
    .where(eq(staffUsers.id, userId));
}

/** Replaces the team's members by `userIds`. */
export async function setTeamMembers(tx: DbOrTx, teamId: string, userIds: readonly string[]): Promise<void> {
  await tx.delete(staffUserTeams).where(eq(staffUserTeams.teamId, teamId));
  const unique = [...new Set(userIds)];
  if (unique.length > 0) await tx.insert(staffUserTeams).values(unique.map((userId) => ({ userId, teamId })));
}
