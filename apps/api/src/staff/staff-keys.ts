import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { SecretBox } from '@buurtsignaal/db';

/**
 * The staff secrets key: STAFF_SECRET_KEY, or else derived from the status link key with HKDF, so that an
 * installation needs one secret less while the two uses never share a key.
 */
export function deriveStaffKey(statusLinkKeyBase64: string): Buffer {
  const ikm = Buffer.from(statusLinkKeyBase64, 'base64');
  return Buffer.from(hkdfSync('sha256', ikm, Buffer.alloc(0), 'buurtsignaal staff secrets v1', 32));
}

export interface StaffKeys {
  /** Seals TOTP secrets (associated data: the user id). */
  totpBox: SecretBox;
  /** The CSRF token of a session: HMAC(key, session id), so nothing is stored and it dies with the session. */
  csrfToken(sessionId: string): string;
  csrfTokenMatches(sessionId: string, presented: string | undefined): boolean;
  /** Keys of the login throttle: HMACs, so that the table holds no e-mail or client address in clear. */
  loginAccountKey(email: string): string;
  loginSourceKey(ip: string): string;
  /** The MAC of a known-device token: binds the device id and its date to one account key. */
  deviceMac(accountKey: string, deviceId: string, issuedAt: string): string;
}

export function createStaffKeys(key: Buffer): StaffKeys {
  // Two sub-keys, one per purpose.
  const sub = (label: string) => Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), label, 32));
  const totpBox = new SecretBox(sub('totp'));
  const csrfKey = sub('csrf');
  const loginKey = sub('login-throttle');
  const deviceKey = sub('known-device');
  const hmac = (k: Buffer, value: string) => createHmac('sha256', k).update(value).digest('base64url');
  const csrfToken = (sessionId: string) =>
    createHmac('sha256', csrfKey).update(sessionId).digest('base64url');
  return {
    totpBox,
    csrfToken,
    loginAccountKey: (email) => hmac(loginKey, `account\n${email}`),
    loginSourceKey: (ip) => `ip:${hmac(loginKey, `source\n${ip}`)}`,
    deviceMac: (accountKey, deviceId, issuedAt) =>
      hmac(deviceKey, `${accountKey}\n${deviceId}\n${issuedAt}`).slice(0, 32),
    csrfTokenMatches(sessionId, presented) {
      if (!presented) return false;
      const expected = Buffer.from(csrfToken(sessionId));
      const given = Buffer.from(presented);
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
  };
}
