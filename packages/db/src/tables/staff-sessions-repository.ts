import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { staffSessions, staffUsers, staffUserTeams } from '../schema.ts';
import type { StaffRole } from './staff-users-repository.ts';

export interface NewStaffSession {
  /** sha256 (hex) of the cookie token. */
  id: string;
  userId: string;
  createdAt: Date;
  expiresAt: Date;
  secondFactorAt: Date | null;
}

export async function insertStaffSession(db: DbOrTx, session: NewStaffSession): Promise<void> {
  await db.insert(staffSessions).values({ ...session, lastSeenAt: session.createdAt });
}

/** A session with what every staff request needs of its user, in one round trip. */
export interface StaffSessionWithUser {
  id: string;
  userId: string;
  lastSeenAt: Date;
  expiresAt: Date;
  secondFactorAt: Date | null;
  role: StaffRole;
  totpConfirmedAt: Date | null;
  disabledAt: Date | null;
  teamIds: string[];
}

export async function findStaffSession(db: DbOrTx, id: string): Promise<StaffSessionWithUser | undefined> {
  const [row] = await db
    .select({
      id: staffSessions.id,
      userId: staffSessions.userId,
      lastSeenAt: staffSessions.lastSeenAt,
      expiresAt: staffSessions.expiresAt,
      secondFactorAt: staffSessions.secondFactorAt,
      role: staffUsers.role,
      totpConfirmedAt: staffUsers.totpConfirmedAt,
      disabledAt: staffUsers.disabledAt,
      teamIds: sql<string[]>`coalesce((select array_agg(sut.team_id order by sut.team_id)
        from ${staffUserTeams} sut where sut.user_id = ${staffUsers.id}), '{}')`,
    })
    .from(staffSessions)
    .innerJoin(staffUsers, eq(staffUsers.id, staffSessions.userId))
    .where(eq(staffSessions.id, id));
  return row ? { ...row, role: row.role as StaffRole } : undefined;
}

export async function touchStaffSession(db: DbOrTx, id: string, at: Date): Promise<void> {
  await db.update(staffSessions).set({ lastSeenAt: at }).where(eq(staffSessions.id, id));
}

export async function markSessionSecondFactor(db: DbOrTx, id: string, at: Date): Promise<void> {
  await db.update(staffSessions).set({ secondFactorAt: at }).where(eq(staffSessions.id, id));
}

export async function deleteStaffSession(db: DbOrTx, id: string): Promise<void> {
  await db.delete(staffSessions).where(eq(staffSessions.id, id));
}
