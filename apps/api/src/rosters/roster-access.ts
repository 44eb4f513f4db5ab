import type { FastifyRequest } from 'fastify';
import { ApiError } from '../errors.ts';
import type { StaffContext } from '../staff/access-policy.ts';
import { denyAccess, staffOf } from '../staff/staff-guard.ts';
import { rosterTexts } from '../texts/index.ts';

// Coordinators and admins read and change every team's roster; an officer reads the teams they belong to.

export const plansRosters = (staff: StaffContext) => staff.role === 'coordinator' || staff.role === 'admin';
export const canReadTeam = (staff: StaffContext, teamId: string) =>
  plansRosters(staff) || staff.teamIds.includes(teamId);

/** The staff context, after refusing (audited) a reader who may not see this team. */
export async function requireTeamReader(request: FastifyRequest, teamId: string): Promise<StaffContext> {
  const staff = staffOf(request);
  if (!canReadTeam(staff, teamId)) await denyAccess(request, 'roster.read', { details: { teamId } });
  return staff;
}

export const teamNotFound = () => new ApiError(404, 'TEAM_NOT_FOUND', rosterTexts.teamNotFound);

/** A 400 that names the field, in the one error body. */
export const invalid = (field: string, message: string) =>
  new ApiError(400, 'VALIDATION_ERROR', message, [{ field, message }]);
