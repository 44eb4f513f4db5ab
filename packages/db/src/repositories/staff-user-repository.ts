import type { StaffRole } from '@buurtsignaal/core/contract';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { staffUsers, staffUserTeams, teams } from '../schema.ts';

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
  lockedUntil: Date | null;
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

/**
 * Counts a failed login; at `maxFailures` the account is locked until `lockUntil` and the counter starts
 * again. One statement, so that parallel attempts cannot skip the lock.
 */
export async function recordFailedLogin(
  db: DbOrTx,
  userId: string,
  options: { maxFailures: number; lockUntil: Date },
): Promise<{ locked: boolean }> {
  const [row] = await db
    .update(staffUsers)
    .set({
      failedLogins: sql`case when ${staffUsers.failedLogins} + 1 >= ${options.maxFailures} then 0
        else ${staffUsers.failedLogins} + 1 end`,
      lockedUntil: sql`case when ${staffUsers.failedLogins} + 1 >= ${options.maxFailures}
        then ${options.lockUntil.toISOString()}::timestamptz else ${staffUsers.lockedUntil} end`,
    })
    .where(eq(staffUsers.id, userId))
    .returning({ lockedUntil: staffUsers.lockedUntil });
  return { locked: row?.lockedUntil?.getTime() === options.lockUntil.getTime() };
}

export async function resetFailedLogins(db: DbOrTx, userId: string): Promise<void> {
  await db.update(staffUsers).set({ failedLogins: 0, lockedUntil: null }).where(eq(staffUsers.id, userId));
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

export async function confirmTotp(db: DbOrTx, userId: string, at: Date): Promise<void> {
  await db.update(staffUsers).set({ totpConfirmedAt: at }).where(eq(staffUsers.id, userId));
}

/** For the embedded demo accounts: sets password (and TOTP) of an existing account again. */
export async function updateStaffCredentials(
  db: DbOrTx,
  userId: string,
  values: { passwordHash: string; totpSecretSealed?: string | null; totpConfirmedAt?: Date | null },
): Promise<void> {
  await db
    .update(staffUsers)
    .set({ ...values, failedLogins: 0, lockedUntil: null })
    .where(eq(staffUsers.id, userId));
}
