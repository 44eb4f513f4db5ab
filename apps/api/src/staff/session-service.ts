import { createHash, randomBytes } from 'node:crypto';
import type { DbOrTx } from '@buurtsignaal/db';
import {
  deleteStaffSession,
  findStaffSession,
  insertStaffSession,
  markSessionSecondFactor,
  touchStaffSession,
} from '@buurtsignaal/db/tables/staff-sessions-repository';
import type { StaffConfig } from '../config.ts';
import { rolesRequiringTotp, type StaffContext } from './access-policy.ts';

export const SESSION_COOKIE = 'bs_session';

/** last_seen_at is written at most this often, to spare a write per request. */
const TOUCH_INTERVAL_MS = 60_000;

/** The session id is the sha256 of the cookie token: a leaked table row cannot be used as a cookie. */
export const sessionIdOf = (token: string): string => createHash('sha256').update(token).digest('hex');

export type SessionResolution =
  | { ok: true; sessionId: string; staff: StaffContext }
  | { ok: false; code: 'NOT_AUTHENTICATED' | 'SESSION_EXPIRED' };

export interface SessionService {
  /** A new session; resolves to the cookie token (never stored) and the session id. */
  create(
    userId: string,
    options: { secondFactor: boolean },
  ): Promise<{ token: string; sessionId: string; expiresAt: Date }>;
  /** Checks the idle and the absolute timeout; an expired session is deleted. */
  resolve(token: string | undefined): Promise<SessionResolution>;
  markSecondFactor(sessionId: string): Promise<void>;
  destroy(sessionId: string): Promise<void>;
}

export function createSessionService(deps: {
  db: DbOrTx;
  config: StaffConfig;
  now: () => Date;
}): SessionService {
  const { db, config, now } = deps;
  const idleMs = config.sessionIdleMinutes * 60_000;
  const maxMs = config.sessionMaxHours * 3_600_000;

  return {
    async create(userId, { secondFactor }) {
      const token = randomBytes(32).toString('base64url');
      const sessionId = sessionIdOf(token);
      const at = now();
      const expiresAt = new Date(at.getTime() + maxMs);
      await insertStaffSession(db, {
        id: sessionId,
        userId,
        createdAt: at,
        expiresAt,
        secondFactorAt: secondFactor ? at : null,
      });
      return { token, sessionId, expiresAt };
    },

    async resolve(token) {
      if (!token || token.length > 100) return { ok: false, code: 'NOT_AUTHENTICATED' };
      const sessionId = sessionIdOf(token);
      const session = await findStaffSession(db, sessionId);
      if (!session) return { ok: false, code: 'NOT_AUTHENTICATED' };
      if (session.disabledAt) {
        await deleteStaffSession(db, sessionId);
        return { ok: false, code: 'NOT_AUTHENTICATED' };
      }
      const at = now().getTime();
      if (at >= session.expiresAt.getTime() || at - session.lastSeenAt.getTime() >= idleMs) {
        await deleteStaffSession(db, sessionId);
        return { ok: false, code: 'SESSION_EXPIRED' };
      }
      if (at - session.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
        await touchStaffSession(db, sessionId, new Date(at));
      }
      // The role is read on every request: a role change or a confirmed TOTP counts at once.
      const totpOk = !rolesRequiringTotp.has(session.role) || session.secondFactorAt !== null;
      return {
        ok: true,
        sessionId,
        staff: { id: session.userId, role: session.role, teamIds: session.teamIds, totpOk },
      };
    },

    markSecondFactor: (sessionId) => markSessionSecondFactor(db, sessionId, now()),
    destroy: (sessionId) => deleteStaffSession(db, sessionId),
  };
}
