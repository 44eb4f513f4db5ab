import type { StaffRole } from '@buurtsignaal/db/tables/staff-users-repository';
import type { FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { ApiError } from '../errors.ts';
import { staffErrorTexts } from '../texts/index.ts';
import type { StaffContext } from './access-policy.ts';

/** The staff context of a guarded route (the staff-auth hook has set it). */
export function staffOf(request: FastifyRequest): StaffContext {
  if (!request.staff) throw new ApiError(401, 'NOT_AUTHENTICATED', staffErrorTexts.notAuthenticated);
  return request.staff;
}

/** Refuses with 403 FORBIDDEN, after writing the refusal to the audit log. */
export async function denyAccess(
  request: FastifyRequest,
  action: string,
  extra: { meldingId?: string; details?: Record<string, unknown> } = {},
): Promise<never> {
  await request.server.staffAudit(request, {
    action: 'access_denied',
    result: 'denied',
    meldingId: extra.meldingId ?? null,
    details: { attempted: action, ...extra.details },
  });
  throw new ApiError(403, 'FORBIDDEN', staffErrorTexts.forbidden);
}

/** A preHandler that lets only these roles through; every refusal is audited. */
export function requireRole(...roles: StaffRole[]): preHandlerAsyncHookHandler {
  return async function roleGuard(request) {
    const staff = staffOf(request);
    if (!roles.includes(staff.role)) {
      await denyAccess(request, `${request.method} ${request.routeOptions.url ?? ''}`, {
        details: { role: staff.role },
      });
    }
  };
}
