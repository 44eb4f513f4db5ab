import type { MeldingDetail } from '@buurtsignaal/core/contract';
import type { FastifyRequest } from 'fastify';
import { ApiError } from '../../errors.ts';
import { MeldingAccessDenied } from '../../handling/handling-service.ts';
import type { StaffMeldingService } from '../../handling/staff-melding-service.ts';
import { canAccessMelding, canSeeMelderContact } from '../../staff/access-policy.ts';
import { denyAccess, staffOf } from '../../staff/staff-guard.ts';
import { staffErrorTexts } from '../../texts/index.ts';

const notFound = () => new ApiError(404, 'MELDING_NOT_FOUND', staffErrorTexts.meldingNotFound);

/**
 * 404 for an unknown melding; 403 (after an 'access_denied' audit row naming `action`) for a melding
 * outside the officer's teams.
 */
export async function guardMelding(
  request: FastifyRequest,
  meldingen: StaffMeldingService,
  meldingId: string,
  action: string,
) {
  const staff = staffOf(request);
  const melding = await meldingen.summary(meldingId);
  if (!melding) throw notFound();
  if (!canAccessMelding(staff, melding)) await denyAccess(request, action, { meldingId });
  return { staff, melding };
}

/** Runs a handling action; a refusal found under the melding's lock is audited after the rollback. */
export async function auditedAction<T>(
  request: FastifyRequest,
  action: string,
  meldingId: string,
  run: () => Promise<T>,
): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof MeldingAccessDenied) return denyAccess(request, action, { meldingId });
    throw err;
  }
}

/**
 * The contract's MeldingDetail; the melder's contact data only for who may see it, and every such view
 * written to the audit log as 'melder_contact.view'.
 */
export async function meldingDetailFor(
  request: FastifyRequest,
  meldingen: StaffMeldingService,
  meldingId: string,
): Promise<MeldingDetail> {
  const staff = staffOf(request);
  const detail = await meldingen.detail(meldingId);
  if (!detail) throw notFound();
  const body: MeldingDetail = detail;
  const teamId = detail.team?.id ?? null;
  const assignedUserId = detail.assignedTo?.id ?? null;
  if (canSeeMelderContact(staff, { teamId, status: detail.status.code, assignedUserId })) {
    const contact = await meldingen.melderContact(meldingId);
    body.melder = contact ?? null;
    if (contact && !contact.anonymised) {
      await request.server.staffAudit(request, { action: 'melder_contact.view', result: 'ok', meldingId });
    }
  }
  return body;
}
