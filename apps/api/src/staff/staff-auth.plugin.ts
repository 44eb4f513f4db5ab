import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { ApiError } from '../errors.ts';
import { staffErrorTexts } from '../texts/index.ts';
import type { StaffContext } from './access-policy.ts';
import type { AuditInput, AuditWriter } from './audit.ts';
import { checkWriteOrigin } from './origin-check.ts';
import { SESSION_COOKIE, type SessionService } from './session-service.ts';
import type { StaffKeys } from './staff-keys.ts';

/**
 * How a staff route is guarded (route `config.staffAuth`):
 * - 'session' (default): a valid session that passed the second factor where the role needs one;
 * - 'enrolment': a valid session, also one that still has to enrol TOTP (the enrolment routes);
 * - 'public': no session (login).
 */
export type StaffAuthMode = 'session' | 'enrolment' | 'public';

declare module 'fastify' {
  interface FastifyContextConfig {
    staffAuth?: StaffAuthMode;
  }
  interface FastifyRequest {
    /** Who is asking; set by the staff-auth hook on every guarded staff route. */
    staff: StaffContext | null;
    /** The session id (sha256 of the cookie token) of that staff member. */
    staffSessionId: string | null;
  }
  interface FastifyInstance {
    /** Writes an audit row for this request: the actor and the client address come from the request. */
    staffAudit(request: FastifyRequest, entry: Omit<AuditInput, 'source' | 'actorUserId'>): Promise<void>;
  }
}

export interface StaffAuthOptions {
  sessions: SessionService;
  keys: StaffKeys;
  audit: AuditWriter;
  cookieSecure: boolean;
  /** Origins a staff write may come from (config.staff.allowedOrigins). */
  allowedOrigins: readonly string[];
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean, expires: Date): void {
  reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure, path: '/', expires });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', secure, path: '/' });
}

async function staffAuth(app: FastifyInstance, options: StaffAuthOptions): Promise<void> {
  const { sessions, keys, audit, cookieSecure, allowedOrigins } = options;
  app.decorateRequest('staff', null);
  app.decorateRequest('staffSessionId', null);
  app.decorate('staffAudit', (request: FastifyRequest, entry: Omit<AuditInput, 'source' | 'actorUserId'>) =>
    audit({ ...entry, actorUserId: request.staff?.id ?? null, source: request.ip }),
  );

  /** A write from another site is refused before anything else looks at it, logged in or not. */
  const refuseForeignWrite = async (request: FastifyRequest) => {
    if (!STATE_CHANGING.has(request.method)) return;
    const verdict = checkWriteOrigin(request.headers, allowedOrigins);
    if (verdict.ok) return;
    await app.staffAudit(request, {
      action: 'csrf_rejected',
      result: 'denied',
      details: {
        reason: verdict.reason,
        origin: verdict.origin,
        method: request.method,
        route: request.routeOptions.url ?? null,
      },
    });
    throw new ApiError(403, 'ORIGIN_NOT_ALLOWED', staffErrorTexts.originNotAllowed);
  };

  app.addHook('onRequest', async (request, reply) => {
    const mode = request.routeOptions.config.staffAuth ?? 'session';
    if (mode === 'public') return refuseForeignWrite(request);

    const resolved = await sessions.resolve(request.cookies[SESSION_COOKIE]);
    if (!resolved.ok) {
      clearSessionCookie(reply, cookieSecure);
      throw resolved.code === 'SESSION_EXPIRED'
        ? new ApiError(401, 'SESSION_EXPIRED', staffErrorTexts.sessionExpired)
        : new ApiError(401, 'NOT_AUTHENTICATED', staffErrorTexts.notAuthenticated);
    }
    request.staff = resolved.staff;
    request.staffSessionId = resolved.sessionId;
    await refuseForeignWrite(request);

    // SameSite=Strict already keeps other sites' requests from carrying the cookie; the token is the
    // second line, for browsers or subdomains where that does not hold.
    if (STATE_CHANGING.has(request.method)) {
      const header = request.headers['x-csrf-token'];
      if (!keys.csrfTokenMatches(resolved.sessionId, typeof header === 'string' ? header : undefined)) {
        await app.staffAudit(request, {
          action: 'csrf_rejected',
          result: 'denied',
          details: { method: request.method, route: request.routeOptions.url ?? null },
        });
        throw new ApiError(403, 'CSRF_TOKEN_INVALID', staffErrorTexts.csrfInvalid);
      }
    }

    if (!resolved.staff.totpOk && mode !== 'enrolment') {
      throw new ApiError(403, 'TOTP_ENROLMENT_REQUIRED', staffErrorTexts.totpEnrolmentRequired);
    }
  });
}

export default fp(staffAuth, {
  name: 'staff-auth',
  fastify: '5.x',
  dependencies: ['@fastify/cookie', 'error-handler'],
});
