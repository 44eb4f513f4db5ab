import type { StaffRole } from '@buurtsignaal/db/tables/staff-users-repository';

/** Who is asking, as every staff route sees it (request.staff). */
export interface StaffContext {
  id: string;
  role: StaffRole;
  teamIds: readonly string[];
  /** false: a coordinator/admin who still has to enrol TOTP; such a session can only enrol. */
  totpOk: boolean;
}

/** The roles that must log in with a second factor. */
export const rolesRequiringTotp: ReadonlySet<StaffRole> = new Set(['coordinator', 'admin']);

const seesAllTeams = (role: StaffRole) => role === 'coordinator' || role === 'admin';

/** boa/politie: only meldingen of their own teams (an unrouted melding has none); coordinator/admin: all. */
export function canAccessMelding(staff: StaffContext, melding: { teamId: string | null }): boolean {
  if (seesAllTeams(staff.role)) return true;
  return melding.teamId !== null && staff.teamIds.includes(melding.teamId);
}

/**
 * The melder's contact data is need-to-know (AVG data minimisation):
 * - coordinator and admin: yes — they answer melders, handle complaints and follow up on escalations;
 * - boa/politie: only the officer who claimed the melding, while it is being handled (in_behandeling
 *   or reactie_gevraagd), because they may have to call the melder back. Colleagues of the same team
 *   and a melding waiting in the queue do not show it.
 * Every time contact data is shown, an audit row 'melder_contact.view' is written.
 */
export const CONTACT_VISIBLE_STATUSES: ReadonlySet<string> = new Set(['in_behandeling', 'reactie_gevraagd']);

export function canSeeMelderContact(
  staff: StaffContext,
  melding: { teamId: string | null; status: string; assignedUserId: string | null },
): boolean {
  if (seesAllTeams(staff.role)) return true;
  return (
    canAccessMelding(staff, melding) &&
    melding.assignedUserId === staff.id &&
    CONTACT_VISIBLE_STATUSES.has(melding.status)
  );
}

/** Which roles a role may create accounts for. */
export function canCreateRole(creator: StaffRole, role: StaffRole): boolean {
  if (creator === 'admin') return true;
  if (creator === 'coordinator') return role === 'boa' || role === 'politie';
  return false;
}
