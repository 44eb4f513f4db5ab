import type { IncomingHttpHeaders } from 'node:http';

export type OriginVerdict =
  | { ok: true }
  | { ok: false; reason: 'foreign_origin' | 'cross_site'; origin: string | null };

/**
 * Whether a staff write comes from the console itself. A browser sends `Origin` with every POST, PUT,
 * PATCH and DELETE (and `Sec-Fetch-Site` where it supports it): another site's page — or a sibling
 * subdomain's, which SameSite cookies do not keep out — shows up as a foreign origin or as `cross-site`
 * / `same-site`. `Origin: null` (sandboxed frames, some redirects) is foreign as well.
 *
 * A write with neither header is not from a web page, so it cannot be a cross-site request forgery;
 * it is let through to the session and CSRF-token checks, which scripts and the CLI must pass anyway.
 */
export function checkWriteOrigin(
  headers: IncomingHttpHeaders,
  allowedOrigins: readonly string[],
): OriginVerdict {
  const origin = typeof headers.origin === 'string' ? headers.origin : undefined;
  if (origin !== undefined && !allowedOrigins.includes(origin)) {
    return { ok: false, reason: 'foreign_origin', origin: origin.slice(0, 200) };
  }
  const site = headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site') {
    return { ok: false, reason: 'cross_site', origin: origin ?? null };
  }
  return { ok: true };
}
