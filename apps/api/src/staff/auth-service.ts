import type { DbOrTx } from '@buurtsignaal/db';
import {
  acceptTotpStep,
  findStaffUserByEmail,
  listTeamsOfStaffUser,
  normaliseStaffEmail,
  recordFailedLogin,
  type StaffRole,
  type StaffTeam,
  type StaffUserRow,
  takeFailedLogins,
} from '@buurtsignaal/db/tables/staff-users-repository';
import type { FastifyBaseLogger } from 'fastify';
import { ApiError } from '../errors.ts';
import { staffErrorTexts } from '../texts/index.ts';
import { rolesRequiringTotp } from './access-policy.ts';
import type { AuditWriter } from './audit.ts';
import type { LoginAttempt, LoginThrottle } from './login-throttle.ts';
import { verifyAgainstDummy, verifyPassword } from './passwords.ts';
import type { SessionService } from './session-service.ts';
import type { StaffKeys } from './staff-keys.ts';
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
  /** request.ip, for the audit log and the throttle. */
  source: string;
  /** The known-device cookie (bs_device), if the browser sent one. */
  deviceCookie?: string | undefined;
  /** request.log: a throttled account is logged as a warning for the admin (without the address). */
  log?: FastifyBaseLogger;
}

export interface LoginResult {
  token: string;
  sessionId: string;
  expiresAt: Date;
  user: StaffUserView;
  /** A coordinator/admin without TOTP: the session can only enrol it. */
  totpEnrolmentRequired: boolean;
  /** The new known-device cookie value. */
  deviceCookie: string;
  /** Failed logins on this account since its previous successful login: the notice for the user. */
  failedLogins: { count: number; since: Date } | null;
}

export interface AuthService {
  login(input: LoginInput): Promise<LoginResult>;
}

/**
 * Password and code go together: a wrong password, a missing code and a wrong (or reused) code all answer
 * INVALID_CREDENTIALS with the same text, so the answer never tells whether the password was right.
 */
export function createAuthService(deps: {
  db: DbOrTx;
  now: () => Date;
  keys: StaffKeys;
  sessions: SessionService;
  audit: AuditWriter;
  throttle: LoginThrottle;
}): AuthService {
  const { db, now, keys, sessions, audit, throttle } = deps;
  const invalidCredentials = () =>
    new ApiError(401, 'INVALID_CREDENTIALS', staffErrorTexts.invalidCredentials);

  /** Counts the failure, audits it (and a throttle that starts), and answers the one error. */
  async function fail(
    attempt: LoginAttempt,
    user: StaffUserRow | undefined,
    input: LoginInput,
    reason: string,
  ): Promise<ApiError> {
    const verdict = await throttle.failed(attempt);
    const actorUserId = user?.id ?? null;
    if (user && !user.disabledAt) await recordFailedLogin(db, user.id, now());
    // Without the address: it is personal data, and a typo may be someone else's address.
    await audit({
      actorUserId,
      action: 'login_failed',
      result: 'denied',
      source: input.source,
      details: { reason },
    });
    if (verdict.sourceThrottled || verdict.accountThrottled) {
      const scope = verdict.accountThrottled ? 'account' : 'source';
      await audit({
        actorUserId,
        action: 'login_throttled',
        result: 'denied',
        source: input.source,
        details: { scope, accountFailures: verdict.accountFailures, knownAccount: actorUserId !== null },
      });
      // For the admin; the account by (a prefix of) its key, never the address.
      input.log?.warn(
        {
          account: attempt.accountKey.slice(0, 12),
          staffId: actorUserId,
          scope,
          failures: verdict.accountFailures,
        },
        scope === 'account'
          ? 'staff account under attack: failed logins from several addresses, logins are slowed down'
          : 'staff login throttled: repeated failed logins from one source',
      );
    }
    return invalidCredentials();
  }

  return {
    async login(input) {
      const { email, password, totp, source } = input;
      const attempt = await throttle.begin({
        email: normaliseStaffEmail(email),
        ip: source,
        deviceCookie: input.deviceCookie,
      });
      const user = await findStaffUserByEmail(db, email);
      if (!user || user.disabledAt) {
        await verifyAgainstDummy(password);
        throw await fail(attempt, user, input, user ? 'disabled' : 'unknown_user');
      }
      if (!(await verifyPassword(user.passwordHash, password))) {
        throw await fail(attempt, user, input, 'password');
      }

      const totpConfirmed = user.totpConfirmedAt !== null && user.totpSecretSealed !== null;
      let secondFactor = false;
      if (totpConfirmed) {
        if (!totp) throw await fail(attempt, user, input, 'totp_missing');
        const secret = keys.totpBox.open(user.totpSecretSealed ?? '', user.id);
        const step = secret === null ? null : verifyTotp(secret, totp, now());
        if (step === null) throw await fail(attempt, user, input, 'totp');
        // A code is good once: a replay (also within its 30 seconds) is refused.
        if (!(await acceptTotpStep(db, user.id, step))) {
          throw await fail(attempt, user, input, 'totp_reused');
        }
        secondFactor = true;
      }

      const deviceCookie = await throttle.succeeded(attempt, input.deviceCookie);
      const failed = await takeFailedLogins(db, user.id);
      const totpEnrolmentRequired = rolesRequiringTotp.has(user.role) && !secondFactor;
      const session = await sessions.create(user.id, { secondFactor });
      await audit({
        actorUserId: user.id,
        action: 'login',
        result: 'ok',
        source,
        details: {
          ...(totpEnrolmentRequired ? { restricted: 'totp_enrolment' } : {}),
          ...(attempt.knownDevice ? { knownDevice: true } : {}),
          ...(failed.count > 0 ? { failedBefore: failed.count } : {}),
        },
      });
      return {
        token: session.token,
        sessionId: session.sessionId,
        expiresAt: session.expiresAt,
        user: await staffUserView(db, user),
        totpEnrolmentRequired,
        deviceCookie,
        failedLogins: failed.count > 0 && failed.since ? { count: failed.count, since: failed.since } : null,
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
