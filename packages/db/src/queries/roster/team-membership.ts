import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../client.ts';
import { staffUsers, staffUserTeams } from '../../schema.ts';

// Who belongs to a team today (staff_user_teams) and the names and e-mail addresses rosters show and
// calendars match on. The membership is today's: shifts keep the ids they were planned with. Its one
// writer is tables/staff-users-repository.ts (setTeamMembers).

export interface TeamMembership {
  teamId: string;
  id: string;
  name: string;
  email: string;
  role: string;
}

/** The (not disabled) members of the given teams, by name. */
export async function listMembersOfTeams(db: DbOrTx, teamIds: readonly string[]): Promise<TeamMembership[]> {
  if (teamIds.length === 0) return [];
  return db
    .select({
      teamId: staffUserTeams.teamId,
      id: staffUsers.id,
      name: staffUsers.name,
      email: staffUsers.email,
      role: staffUsers.role,
    })
    .from(staffUserTeams)
    .innerJoin(staffUsers, eq(staffUsers.id, staffUserTeams.userId))
    .where(and(inArray(staffUserTeams.teamId, [...teamIds]), isNull(staffUsers.disabledAt)))
    .orderBy(asc(staffUsers.name), asc(staffUsers.id));
}

/** Names of staff users by id (also former members, for shifts planned with them). */
export async function staffNames(db: DbOrTx, ids: readonly string[]): Promise<Map<string, string>> {
  // Member ids of imported rosters may be anything; only a uuid can name a staff user.
  const unique = [...new Set(ids)].filter((id) =>
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id),
  );
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({ id: staffUsers.id, name: staffUsers.name })
    .from(staffUsers)
    .where(inArray(staffUsers.id, unique));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The ids of `ids` that are no staff user. */
export async function unknownStaffIds(db: DbOrTx, ids: readonly string[]): Promise<string[]> {
  const known = await staffNames(db, ids);
  return ids.filter((id) => !known.has(id));
}
