import webpush from 'web-push';

// The VAPID authorisation of Web Push (RFC 8292): an ES256 JWT for the push service's origin. Signing
// one costs about a millisecond of CPU; RFC 8292 lets a sender use one until its exp (at most 24 h), so
// each origin's header is signed once and reused for an hour. The payload is still encrypted per
// message (push-channel.ts): only the authorisation is shared.

export interface VapidKeys {
  /** base64url, uncompressed P-256 point (65 bytes): what the browser subscribes with. */
  publicKey: string;
  /** base64url, 32 bytes. */
  privateKey: string;
  /** mailto: or https: URL the push service may contact. */
  subject: string;
}

/** How long one signed header is used; far below its exp, so a push service never sees it expire. */
export const VAPID_REUSE_MS = 3_600_000;
/** The JWT's lifetime: web-push's default (12 h). */
const VAPID_VALID_SECONDS = 12 * 3600;

interface Signed {
  authorization: string;
  signedAtMs: number;
}

// Per key set (the worker's configuration object, for the life of the process), per push service
// origin: a handful of entries (one per browser vendor's push service).
const signedByKeys = new WeakMap<VapidKeys, Map<string, Signed>>();

/**
 * The Authorization header (`vapid t=<jwt>, k=<public key>`) for a notice to `endpoint`: the one signed
 * for its origin within the last hour, or a new one. `nowMs` is real time (push services check exp
 * against their own clock).
 */
export function vapidAuthorization(keys: VapidKeys, endpoint: string, nowMs: number): string {
  const audience = new URL(endpoint).origin;
  let byAudience = signedByKeys.get(keys);
  if (!byAudience) {
    byAudience = new Map();
    signedByKeys.set(keys, byAudience);
  }
  const cached = byAudience.get(audience);
  // A clock that went back (age < 0): sign anew rather than reason about the old one's exp.
  const age = cached ? nowMs - cached.signedAtMs : -1;
  if (cached && age >= 0 && age < VAPID_REUSE_MS) return cached.authorization;
  const exp = Math.floor(nowMs / 1000) + VAPID_VALID_SECONDS;
  const { Authorization } = webpush.getVapidHeaders(
    audience,
    keys.subject,
    keys.publicKey,
    keys.privateKey,
    'aes128gcm',
    exp,
  );
  byAudience.set(audience, { authorization: Authorization, signedAtMs: nowMs });
  return Authorization;
}
