import { and, asc, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../client.ts';
import { staffUsers, staffUserTeams } from '../../schema.ts';

// A team's members are its staff users (staff_user_teams); disabled accounts are not on a roster.

export interface TeamMember {
  id: string;
  name: string;
  role: string;
}

export async function listTeamMembers(db: DbOrTx, teamId: string): Promise<TeamMember[]> {
  return db
    .select({ id: staffUsers.id, name: staffUsers.name, role: staffUsers.role })
    .from(staffUserTeams)
    .innerJoin(staffUsers, eq(staffUsers.id, staffUserTeams.userId))
    .where(and(eq(staffUserTeams.teamId, teamId), isNull(staffUsers.disabledAt)))
    .orderBy(asc(staffUsers.createdAt), asc(staffUsers.id));
}
