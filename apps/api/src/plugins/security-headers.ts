import { createHash } from 'node:crypto';
import { mailStyles } from '@buurtsignaal/mail';
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

export interface SecurityHeadersOptions {
  /** PUBLIC_BASE_URL: HSTS and upgrade-insecure-requests only when it is https. */
  publicBaseUrl: string;
  /** MAP_TILE_URL (a Leaflet template): the resident's and the officer's browser load tiles from it. */
  mapTileUrl: string;
  /** PDOK_LOCATIESERVER_URL: the form's address search calls it from the browser. */
  pdokLocatieserverUrl: string;
}

const SUBDOMAIN_MARK = 'bs-subdomain-placeholder';

/**
 * The CSP source of a URL (template): its origin, with Leaflet's `{s}` subdomain as a `*.` wildcard.
 * A relative URL is this server's own, which `'self'` already covers.
 */
export function cspSourceOf(url: string): string | undefined {
  if (!/^https?:\/\//i.test(url)) return undefined;
  const origin = new URL(url.replaceAll('{s}', SUBDOMAIN_MARK)).origin;
  return origin.replace(SUBDOMAIN_MARK, '*');
}

/**
 * The staff console previews the melder's HTML mail in a sandboxed frame, which inherits this policy;
 * mails need inline style attributes. Allowed are exactly the values the mail templates use (by hash),
 * as attributes only: no <style> element, no other value.
 */
const mailStyleHashes = Object.values(mailStyles).map(
  (style) => `'sha256-${createHash('sha256').update(style).digest('base64')}'`,
);

/**
 * The one policy for every answer. Scripts and styles only from this server's own files: Vite's output
 * has no inline script, and the NL Design System components get their CSS as files (see the web app's
 * vite.config.ts), so neither 'unsafe-inline' nor 'unsafe-eval' is needed. Images also from `data:`
 * (Leaflet's blank tile and marker images, the form's checkbox icons in CSS) and `blob:` (the preview
 * of a photo the resident picked, which never leaves the phone before sending).
 */
export function contentSecurityPolicy(options: SecurityHeadersOptions): Record<string, string[]> {
  const https = options.publicBaseUrl.startsWith('https:');
  const tiles = cspSourceOf(options.mapTileUrl);
  const pdok = cspSourceOf(options.pdokLocatieserverUrl);
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'script-src-attr': ["'none'"],
    'style-src': ["'self'"],
    'style-src-attr': ["'unsafe-hashes'", ...mailStyleHashes],
    'img-src': ["'self'", 'data:', 'blob:', ...(tiles ? [tiles] : [])],
    'connect-src': ["'self'", ...(pdok ? [pdok] : [])],
    'font-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
    ...(https ? { 'upgrade-insecure-requests': [] } : {}),
  };
}

/**
 * Geolocation only where it is used: the resident's form (`/`, its steps are `/?stap=n`) and the
 * console (`/balie…`), whose map shows an officer's own position ("Waar ben ik"). The console is one
 * document whose pages change without loading, so every console URL carries it. The status page
 * (`/m/:token`) and the API never ask for it, so a script there could not either.
 */
const usesGeolocation = (path: string | undefined): boolean =>
  path === '/' || path === '/balie' || (path?.startsWith('/balie/') ?? false);

export function permissionsPolicyFor(url: string): string {
  const path = url.split('?')[0];
  const geolocation = usesGeolocation(path) ? 'geolocation=(self)' : 'geolocation=()';
  return `${geolocation}, camera=(), microphone=(), payment=(), usb=()`;
}

async function securityHeaders(app: FastifyInstance, options: SecurityHeadersOptions): Promise<void> {
  const https = options.publicBaseUrl.startsWith('https:');
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(options) },
    // Behind plain http (the embedded default on localhost) a browser ignores HSTS; promising it there
    // would only mislead. A year, as the HSTS preload list asks, without submitting to it.
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: true, preload: false } : false,
    // Status links (/m/<token>) carry a secret: no Referer to tile servers, PDOK or any link.
    referrerPolicy: { policy: 'no-referrer' },
    xContentTypeOptions: true,
    // frame-ancestors 'none' for current browsers, X-Frame-Options for older ones.
    xFrameOptions: { action: 'deny' },
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onRequest', async (request, reply) => {
    reply.header('permissions-policy', permissionsPolicyFor(request.url));
  });
}

export default fp(securityHeaders, { name: 'security-headers', fastify: '5.x' });
