import {
  type DbOrTx,
  findStaffUserByEmail,
  listTeamsOfStaffUser,
  recordFailedLogin,
  resetFailedLogins,
  type StaffRole,
  type StaffTeam,
  type StaffUserRow,
} from '@buurtsignaal/db';
import type { StaffConfig } from '../config.ts';
import { ApiError } from '../errors.ts';
import { rolesRequiringTotp } from './access-policy.ts';
import type { AuditWriter } from './audit.ts';
import { verifyAgainstDummy, verifyPassword } from './passwords.ts';
import type { SessionService } from './session-service.ts';
import type { StaffKeys } from './staff-keys.ts';
import { staffErrorTexts } from './staff-texts-nl.ts';
import { verifyTotp } from './totp.ts';

export interface StaffUserView {
  id: string;
  name: string;
  role: StaffRole;
  teams: StaffTeam[];
}

export interface LoginInput {
  email: string;
  password: string;
  totp?: string | undefined;
  /** request.ip, for the audit log. */
  source: string;
}

export interface LoginResult {
  token: string;
  sessionId: string;
  expiresAt: Date;
  user: StaffUserView;
  /** A coordinator/admin without TOTP: the session can only enrol it. */
  totpEnrolmentRequired: boolean;
}

export interface AuthService {
  login(input: LoginInput): Promise<LoginResult>;
}

export function createAuthService(deps: {
  db: DbOrTx;
  config: StaffConfig;
  now: () => Date;
  keys: StaffKeys;
  sessions: SessionService;
  audit: AuditWriter;
}): AuthService {
  const { db, config, now, keys, sessions, audit } = deps;
  const invalidCredentials = () =>
    new ApiError(401, 'INVALID_CREDENTIALS', staffErrorTexts.invalidCredentials(config.lockoutMinutes));
  // A locked account answers exactly like a wrong password or an unknown address: a different answer
  // would tell an attacker which addresses have an account. The audit log records the lock.
  const locked = invalidCredentials;

  /** Counts the failure; resolves to the error to answer (the 5th failure already answers "locked"). */
  async function fail(
    user: StaffUserRow,
    source: string,
    reason: string,
    error: ApiError,
  ): Promise<ApiError> {
    const lockUntil = new Date(now().getTime() + config.lockoutMinutes * 60_000);
    const { locked: nowLocked } = await recordFailedLogin(db, user.id, {
      maxFailures: config.lockoutFailures,
      lockUntil,
    });
    await audit({
      actorUserId: user.id,
      action: 'login_failed',
      result: 'denied',
      source,
      details: nowLocked ? { reason, locked: true } : { reason },
    });
    return nowLocked ? locked() : error;
  }

  return {
    async login({ email, password, totp, source }) {
      const user = await findStaffUserByEmail(db, email);
      if (!user || user.disabledAt) {
        await verifyAgainstDummy(password);
        // Without the address: it is personal data, and a typo may be someone else's address.
        await audit({
          actorUserId: user?.id ?? null,
          action: 'login_failed',
          result: 'denied',
          source,
          details: { reason: user ? 'disabled' : 'unknown_user' },
        });
        throw invalidCredentials();
      }
      if (user.lockedUntil && user.lockedUntil.getTime() > now().getTime()) {
        // Nothing is verified while locked, so the answer says nothing about the password.
        await audit({ actorUserId: user.id, action: 'login_locked', result: 'denied', source });
        throw locked();
      }
      if (!(await verifyPassword(user.passwordHash, password))) {
        throw await fail(user, source, 'password', invalidCredentials());
      }

      const totpConfirmed = user.totpConfirmedAt !== null && user.totpSecretSealed !== null;
      let secondFactor = false;
      if (totpConfirmed) {
        if (!totp) {
          await audit({
            actorUserId: user.id,
            action: 'login_failed',
            result: 'denied',
            source,
            details: { reason: 'totp_required' },
          });
          throw new ApiError(401, 'TOTP_REQUIRED', staffErrorTexts.totpRequired);
        }
        const secret = keys.totpBox.open(user.totpSecretSealed ?? '', user.id);
        if (secret === null || !verifyTotp(secret, totp, now())) {
          throw await fail(
            user,
            source,
            'totp',
            new ApiError(401, 'TOTP_INVALID', staffErrorTexts.totpInvalid),
          );
        }
        secondFactor = true;
      }

      await resetFailedLogins(db, user.id);
      const totpEnrolmentRequired = rolesRequiringTotp.has(user.role) && !secondFactor;
      const session = await sessions.create(user.id, { secondFactor });
      await audit({
        actorUserId: user.id,
        action: 'login',
        result: 'ok',
        source,
        details: totpEnrolmentRequired ? { restricted: 'totp_enrolment' } : {},
      });
      return {
        token: session.token,
        sessionId: session.sessionId,
        expiresAt: session.expiresAt,
        user: await staffUserView(db, user),
        totpEnrolmentRequired,
      };
    },
  };
}

export async function staffUserView(
  db: DbOrTx,
  user: { id: string; name: string; role: StaffRole },
): Promise<StaffUserView> {
  return { id: user.id, name: user.name, role: user.role, teams: await listTeamsOfStaffUser(db, user.id) };
}
