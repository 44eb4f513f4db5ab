import { localDateOf, onDuty } from '@buurtsignaal/core';
import type { TeamPatchBody, TeamView } from '@buurtsignaal/core/contract';
import type { Db } from '@buurtsignaal/db';
import { listMembersOfTeams, unknownStaffIds } from '@buurtsignaal/db/queries/roster/team-membership';
import { listShiftInstances } from '@buurtsignaal/db/tables/shift-instances-repository';
import { listShiftPatterns } from '@buurtsignaal/db/tables/shift-patterns-repository';
import { setTeamMembers } from '@buurtsignaal/db/tables/staff-users-repository';
import { findTeam, listTeams, updateTeamSettings } from '@buurtsignaal/db/tables/teams-repository';
import { ApiError } from '../errors.ts';
import type { StaffContext } from '../staff/access-policy.ts';
import { rosterTexts as t } from '../texts/index.ts';
import { canReadTeam, invalid, teamNotFound } from './roster-access.ts';

export interface TeamServiceDeps {
  db: Db;
  now: () => Date;
}

/** Teams with kind, expected hours, fallback, today's members and who is on duty now. */
export function createTeamService({ db, now }: TeamServiceDeps) {
  async function views(teamIds?: readonly string[]): Promise<TeamView[]> {
    const all = await listTeams(db);
    const teams = teamIds ? all.filter((team) => teamIds.includes(team.id)) : all;
    const ids = teams.map((team) => team.id);
    const at = now();
    const members = await listMembersOfTeams(db, ids);
    const instances = await listShiftInstances(db, {
      teamIds: ids,
      from: at,
      until: new Date(at.getTime() + 1),
    });
    const names = new Map(members.map((m) => [m.id, m.name]));
    const byId = new Map(all.map((team) => [team.id, team]));
    return teams.map((team) => {
      const fallback = team.fallbackTeamId ? byId.get(team.fallbackTeamId) : undefined;
      return {
        id: team.id,
        name: team.name,
        kind: team.kind === 'boa' || team.kind === 'politie' ? team.kind : 'other',
        coverage: team.coverage,
        active: team.active,
        fallbackTeam: fallback ? { id: fallback.id, name: fallback.name } : null,
        notifyEmailAlways: team.notifyEmailAlways,
        members: members
          .filter((m) => m.teamId === team.id)
          .map((m) => ({ id: m.id, name: m.name, role: m.role })),
        onDutyNow: onDuty({ instances }, team.id, at).members.map((m) => ({
          id: m.memberId,
          name: names.get(m.memberId) ?? m.memberId,
        })),
      };
    });
  }

  /**
   * Someone who leaves the team must not stay on its current or future shifts unseen: the planner takes
   * them off those patterns first (an edit applies to the future only), then off the team.
   */
  async function refuseRemovingPlannedMembers(teamId: string, memberIds: readonly string[]): Promise<void> {
    const current = await listMembersOfTeams(db, [teamId]);
    const leaving = current.filter((m) => !memberIds.includes(m.id));
    if (leaving.length === 0) return;
    const patterns = await listShiftPatterns(db, { teamId, from: localDateOf(now()) });
    const planned = leaving.flatMap((m) => {
      const labels = patterns
        .filter((p) => p.memberIds.includes(m.id) || p.leadId === m.id)
        .map((p) => p.label);
      return labels.length > 0 ? [t.stillPlanned(m.name, [...new Set(labels)])] : [];
    });
    if (planned.length > 0) throw invalid('memberIds', planned.join(' '));
  }

  return {
    /** Every team for a planner; an officer's own teams for an officer. */
    async list(staff: StaffContext): Promise<TeamView[]> {
      const all = await views();
      return all.filter((team) => canReadTeam(staff, team.id));
    },

    async view(teamId: string): Promise<TeamView> {
      const [found] = await views([teamId]);
      if (!found) throw teamNotFound();
      return found;
    },

    /** Changes the team's settings and (when given) replaces its members; returns what changed. */
    async update(teamId: string, patch: TeamPatchBody): Promise<string[]> {
      const team = await findTeam(db, teamId);
      if (!team) throw teamNotFound();
      if (patch.fallbackTeamId !== undefined && patch.fallbackTeamId !== null) {
        if (patch.fallbackTeamId === teamId) throw invalid('fallbackTeamId', t.fallbackSelf);
        if (!(await findTeam(db, patch.fallbackTeamId))) throw invalid('fallbackTeamId', t.unknownFallback);
      }
      if (patch.memberIds) {
        const unknown = await unknownStaffIds(db, patch.memberIds);
        if (unknown.length > 0) throw invalid('memberIds', t.unknownStaff(unknown));
        await refuseRemovingPlannedMembers(teamId, patch.memberIds);
      }
      const { memberIds, ...settings } = patch;
      const at = now();
      await db.transaction(async (tx) => {
        const defined = Object.fromEntries(Object.entries(settings).filter(([, v]) => v !== undefined));
        const updated = await updateTeamSettings(tx, teamId, { ...defined, at });
        if (!updated) throw new ApiError(404, 'TEAM_NOT_FOUND', t.teamNotFound);
        if (memberIds) await setTeamMembers(tx, teamId, memberIds);
      });
      return Object.keys(patch).filter((k) => patch[k as keyof TeamPatchBody] !== undefined);
    },
  };
}
export type TeamService = ReturnType<typeof createTeamService>;
