import { Secret, TOTP } from 'otpauth';

const ISSUER = 'Buurtsignaal';

const totpOf = (base32Secret: string, label: string) =>
  new TOTP({
    issuer: ISSUER,
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    secret: Secret.fromBase32(base32Secret),
  });

/** A new random secret (160 bits), base32. */
export const newTotpSecret = (): string => new Secret({ size: 20 }).base32;

/** The otpauth:// URI for an authenticator app (usually shown as a QR code). */
export const totpUri = (base32Secret: string, label: string): string =>
  totpOf(base32Secret, label).toString();

const PERIOD_MS = 30_000;

/** The time step of an instant (unix time / 30 s). */
export const totpStepAt = (at: Date): number => Math.floor(at.getTime() / PERIOD_MS);

/**
 * Checks a 6-digit code with one step of clock drift either way, and answers the time step the code
 * belongs to (null: wrong). The caller refuses a step that was accepted before (acceptTotpStep), so a
 * code cannot be used twice. validate() answers the step difference (0 for the current step) or null.
 */
export function verifyTotp(base32Secret: string, code: string, now: Date): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totpOf(base32Secret, 'x').validate({ token: code, timestamp: now.getTime(), window: 1 });
  return delta === null ? null : totpStepAt(now) + delta;
}

/** The current code; for tests and the demo only. */
export const currentTotp = (base32Secret: string, now: Date): string =>
  totpOf(base32Secret, 'x').generate({ timestamp: now.getTime() });
