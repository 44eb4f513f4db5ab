import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { DbOrTx } from '@buurtsignaal/db';
import {
  accountLoginFailures,
  clearLoginAttempts,
  type DelayPolicy,
  delayMsAfter,
  pruneLoginAttempts,
  reserveLoginAttempt,
} from '@buurtsignaal/db/tables/staff-login-throttle-repository';
import type { StaffConfig } from '../config.ts';
import { ApiError } from '../errors.ts';
import { staffErrorTexts } from '../texts/index.ts';
import type { StaffKeys } from './staff-keys.ts';

// Failed logins slow down whoever makes them, and lock nobody out (issue 8):
// - per account AND source (client address): the first `freeFailures` attempts go at once, then each
//   further one waits 1 s, 2 s, 4 s … up to `maxDelaySeconds` after the previous one. An attacker
//   elsewhere never slows the owner down at their own address.
// - per account from all sources together (against guessing from many addresses): after
//   `accountFreeFailures` failures the same doubling applies to the whole account, except for the
//   owner's known devices.
// - a known device: a signed, httpOnly cookie set at each successful login, per account. With it, the
//   attempt counts under the device (`device:<id>`) instead of the address, and the account-wide delay
//   does not apply: whatever an attacker does, the owner logs in from their usual browser.
// The account key is an HMAC of the address as typed, also for addresses without an account, so that a
// 429 says nothing about whether an account exists. State is in PostgreSQL (every API instance sees it).

export const DEVICE_COOKIE = 'bs_device';
/** A known device is remembered this long after its last successful login. */
export const KNOWN_DEVICE_DAYS = 180;
/** Accounts whose token one browser keeps (a shared desk computer). */
const MAX_DEVICE_TOKENS = 5;
/** Failures older than this are forgotten. */
const FORGET_MS = 24 * 3_600_000;

/** A 429 with the wait; the route puts it in Retry-After. */
export class LoginThrottledError extends ApiError {
  constructor(
    readonly retryAfterSeconds: number,
    readonly scope: 'source' | 'account',
  ) {
    super(
      429,
      'LOGIN_THROTTLED',
      scope === 'source'
        ? staffErrorTexts.loginThrottled(retryAfterSeconds)
        : staffErrorTexts.accountThrottled(retryAfterSeconds),
    );
  }
}

export interface LoginAttempt {
  accountKey: string;
  sourceKey: string;
  knownDevice: boolean;
  /** Attempts counted for this account and source, this one included. */
  failures: number;
}

export interface FailureVerdict {
  /** This failure starts the delays for its source: worth an audit entry and a warning. */
  sourceThrottled: boolean;
  /** The account as a whole reached its free failures: it is under attack. */
  accountThrottled: boolean;
  accountFailures: number;
}

export interface LoginThrottle {
  /** Before anything is checked: throws LoginThrottledError while this attempt has to wait. */
  begin(input: { email: string; ip: string; deviceCookie: string | undefined }): Promise<LoginAttempt>;
  failed(attempt: LoginAttempt): Promise<FailureVerdict>;
  /** Clears the source's count; answers the known-device cookie to set (this account's token renewed). */
  succeeded(attempt: LoginAttempt, deviceCookie: string | undefined): Promise<string>;
}

interface DeviceToken {
  deviceId: string;
  issuedAt: string;
  mac: string;
}

const parseTokens = (cookie: string | undefined): DeviceToken[] =>
  (cookie ?? '')
    .split('~')
    .slice(0, MAX_DEVICE_TOKENS * 2)
    .map((raw) => raw.split('.'))
    .filter((parts) => parts.length === 3 && parts.every((p) => /^[\w-]{1,64}$/.test(p)))
    .map(([deviceId = '', issuedAt = '', mac = '']) => ({ deviceId, issuedAt, mac }));

const sameText = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export function createLoginThrottle(deps: {
  db: DbOrTx;
  config: StaffConfig['loginThrottle'];
  keys: StaffKeys;
  now: () => Date;
}): LoginThrottle {
  const { db, config, keys, now } = deps;
  const sourcePolicy: DelayPolicy = {
    free: config.freeFailures,
    baseMs: 1000,
    maxMs: config.maxDelaySeconds * 1000,
  };
  const accountPolicy: DelayPolicy = { ...sourcePolicy, free: config.accountFreeFailures };
  const waitSeconds = (until: Date) => Math.max(1, Math.ceil((until.getTime() - now().getTime()) / 1000));

  /** This account's valid token in the cookie, if any. */
  function knownDevice(accountKey: string, cookie: string | undefined): DeviceToken | undefined {
    const oldest = now().getTime() - KNOWN_DEVICE_DAYS * 86_400_000;
    return parseTokens(cookie).find(
      (t) =>
        sameText(t.mac, keys.deviceMac(accountKey, t.deviceId, t.issuedAt)) &&
        Number.parseInt(t.issuedAt, 36) * 1000 >= oldest,
    );
  }

  return {
    async begin({ email, ip, deviceCookie }) {
      const at = now();
      const forgetBefore = new Date(at.getTime() - FORGET_MS);
      const accountKey = keys.loginAccountKey(email);
      const device = knownDevice(accountKey, deviceCookie);
      const sourceKey = device ? `device:${device.deviceId}` : keys.loginSourceKey(ip);
      if (!device) {
        const account = await accountLoginFailures(db, accountKey, forgetBefore);
        if (account.lastFailureAt) {
          const until = account.lastFailureAt.getTime() + delayMsAfter(account.failures, accountPolicy);
          if (until > at.getTime()) throw new LoginThrottledError(waitSeconds(new Date(until)), 'account');
        }
      }
      const reserved = await reserveLoginAttempt(db, {
        accountKey,
        sourceKey,
        now: at,
        forgetBefore,
        policy: sourcePolicy,
      });
      if (!reserved.ok) throw new LoginThrottledError(waitSeconds(reserved.retryAt), 'source');
      return { accountKey, sourceKey, knownDevice: device !== undefined, failures: reserved.failures };
    },

    async failed(attempt) {
      const forgetBefore = new Date(now().getTime() - FORGET_MS);
      const account = attempt.knownDevice
        ? { failures: 0 }
        : await accountLoginFailures(db, attempt.accountKey, forgetBefore);
      return {
        sourceThrottled: attempt.failures === config.freeFailures,
        accountThrottled: account.failures === config.accountFreeFailures,
        accountFailures: account.failures,
      };
    },

    async succeeded(attempt, deviceCookie) {
      await clearLoginAttempts(db, attempt.accountKey, attempt.sourceKey);
      await pruneLoginAttempts(db, new Date(now().getTime() - FORGET_MS));
      const deviceId = randomBytes(12).toString('base64url');
      const issuedAt = Math.floor(now().getTime() / 1000).toString(36);
      const mine = `${deviceId}.${issuedAt}.${keys.deviceMac(attempt.accountKey, deviceId, issuedAt)}`;
      // The other accounts' tokens stay (one browser, several officers); this account's is replaced.
      const own = knownDevice(attempt.accountKey, deviceCookie);
      const others = parseTokens(deviceCookie)
        .filter((t) => t.deviceId !== own?.deviceId)
        .slice(0, MAX_DEVICE_TOKENS - 1)
        .map((t) => `${t.deviceId}.${t.issuedAt}.${t.mac}`);
      return [mine, ...others].join('~');
    },
  };
}
