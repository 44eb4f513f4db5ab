import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cspSourceOf } from '../../src/plugins/security-headers.ts';
import { registerWebApp } from '../../src/runtime/web-app.plugin.ts';
import { buildTestApp, type TestApp } from '../support/helpers.ts';
import { useFakeWebDist, useTestDatabase } from '../support/test-app.ts';

// Security headers on every answer: the web app's pages, its files, the API, errors and 404s.

let https: TestApp;
let http: TestApp;
const dist = useFakeWebDist();
const database = useTestDatabase();

const env = {
  MAP_TILE_URL: 'https://{s}.tiles.example.nl/wmts/{z}/{x}/{y}.png',
  PDOK_LOCATIESERVER_URL: 'https://api.pdok.example/bzk/locatieserver/search/v3_1',
};

beforeAll(async () => {
  https = await buildTestApp(database.client, { env });
  http = await buildTestApp(database.client, { env: { ...env, PUBLIC_BASE_URL: 'http://localhost:3000' } });
  for (const t of [https, http]) expect(await registerWebApp(t.app, dist)).toBe(true);
});
afterAll(async () => {
  await https?.close();
  await http?.close();
});

const get = (t: TestApp, url: string) => t.app.inject({ method: 'GET', url });

/** The CSP as directive → sources. */
function parseCsp(header: string | string[] | number | undefined): Map<string, string[]> {
  expect(typeof header, 'content-security-policy header').toBe('string');
  return new Map(
    String(header)
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name ?? '', sources]),
  );
}

const everyKind = [
  '/',
  '/?stap=2',
  '/m/abc123',
  '/balie',
  '/balie/kaart',
  '/bestaat-niet',
  '/assets/index-abc.js',
  '/api/v1/categories',
  '/api/v1/bestaat-niet',
  '/api/v1/staff/me',
  '/api/v1/status/onzin',
  '/health/live',
];

describe('security headers', () => {
  it('sends a strict CSP with the configured tile and PDOK hosts on every answer', async () => {
    for (const url of everyKind) {
      const res = await get(https, url);
      const csp = parseCsp(res.headers['content-security-policy']);
      expect(csp.get('default-src'), url).toEqual(["'self'"]);
      expect(csp.get('script-src'), url).toEqual(["'self'"]);
      expect(csp.get('style-src'), url).toEqual(["'self'"]);
      // Only the mail preview's style attributes, by hash (see mailStyles).
      expect(csp.get('style-src-attr')?.[0], url).toBe("'unsafe-hashes'");
      expect(
        csp
          .get('style-src-attr')
          ?.slice(1)
          .every((s) => /^'sha256-[A-Za-z0-9+/]+=*'$/.test(s)),
      ).toBe(true);
      expect(csp.get('object-src'), url).toEqual(["'none'"]);
      expect(csp.get('base-uri'), url).toEqual(["'none'"]);
      expect(csp.get('frame-ancestors'), url).toEqual(["'none'"]);
      expect(csp.get('img-src'), url).toEqual(["'self'", 'data:', 'blob:', 'https://*.tiles.example.nl']);
      expect(csp.get('connect-src'), url).toEqual(["'self'", 'https://api.pdok.example']);
      expect(String(res.headers['content-security-policy'])).not.toMatch(/unsafe-(inline|eval)/);
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['referrer-policy'], url).toBe('no-referrer');
      expect(res.headers['x-frame-options'], url).toBe('DENY');
    }
  });

  it('sends HSTS only when PUBLIC_BASE_URL is https', async () => {
    expect((await get(https, '/')).headers['strict-transport-security']).toBe(
      'max-age=31536000; includeSubDomains',
    );
    expect(
      parseCsp((await get(https, '/')).headers['content-security-policy']).has('upgrade-insecure-requests'),
    ).toBe(true);
    const plain = await get(http, '/');
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    expect(parseCsp(plain.headers['content-security-policy']).has('upgrade-insecure-requests')).toBe(false);
  });

  it('allows geolocation on the form and in the console (its map) only', async () => {
    const allowed = ['/', '/?stap=2', '/balie', '/balie/kaart', '/balie/kaart?nu=1'];
    for (const url of allowed) {
      expect((await get(https, url)).headers['permissions-policy'], url).toMatch(/^geolocation=\(self\)/);
    }
    for (const url of [...everyKind.filter((u) => !allowed.includes(u)), '/baliex']) {
      const policy = String((await get(https, url)).headers['permissions-policy']);
      expect(policy, url).toMatch(/^geolocation=\(\)/);
      expect(policy, url).toContain('camera=()');
    }
  });

  it('lets the API documentation (and nothing else) apply inline styles, which Swagger UI needs', async () => {
    const docs = parseCsp(
      (await get(https, '/api/docs/static/index.html')).headers['content-security-policy'],
    );
    expect(docs.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(docs.get('script-src')).toEqual(["'self'"]);
  });

  it('puts the headers on a refusal too (the console cannot be framed even on a 401)', async () => {
    const res = await https.app.inject({ method: 'POST', url: '/api/v1/staff/login', payload: {} });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(parseCsp(res.headers['content-security-policy']).get('frame-ancestors')).toEqual(["'none'"]);
    expect(res.headers['x-frame-options']).toBe('DENY');
  });
});

describe('cspSourceOf', () => {
  it('takes the origin of a URL template, with Leaflet’s {s} as a wildcard subdomain', () => {
    expect(
      cspSourceOf(
        'https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png',
      ),
    ).toBe('https://service.pdok.nl');
    expect(cspSourceOf('https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png')).toBe(
      'https://*.tile.openstreetmap.org',
    );
    expect(cspSourceOf('http://127.0.0.1:4567/tiles/{z}/{x}/{y}.png')).toBe('http://127.0.0.1:4567');
    expect(cspSourceOf('/tiles/{z}/{x}/{y}.png')).toBeUndefined();
  });
});

describe('caching', () => {
  const cacheControl = async (url: string) => String((await get(https, url)).headers['cache-control']);

  it('revalidates the HTML shell on every use, so a deploy is seen at once', async () => {
    for (const url of ['/', '/?stap=3', '/index.html', '/bestaat-niet']) {
      expect(await cacheControl(url), url).toBe('no-cache');
    }
  });

  it('keeps hashed assets for a year', async () => {
    expect(await cacheControl('/assets/index-abc.js')).toBe('public, max-age=31536000, immutable');
  });

  it('never stores private pages, staff answers or status answers', async () => {
    for (const url of [
      '/m/abc123',
      '/balie',
      '/balie/kaart',
      '/api/v1/staff/me',
      '/api/v1/staff/queue',
      '/api/v1/status/onzin',
      '/api/v1/status/onzin/answer',
    ]) {
      expect(await cacheControl(url), url).toMatch(/^(private, )?no-store$/);
    }
    const login = await https.app.inject({
      method: 'POST',
      url: '/api/v1/staff/login',
      payload: { email: 'niemand@soest.nl', password: 'verkeerd wachtwoord' },
    });
    expect(login.headers['cache-control']).toBe('no-store');
  });

  it('stores no other API answer unless the route chose to (the reference data does)', async () => {
    expect(await cacheControl('/health/ready')).toBe('no-store');
    expect(await cacheControl('/api/v1/bestaat-niet')).toBe('no-store');
    expect(await cacheControl('/api/v1/categories')).toBe('public, max-age=300');
    const intake = await https.app.inject({ method: 'POST', url: '/api/v1/meldingen', payload: {} });
    expect(intake.headers['cache-control']).toBe('no-store');
  });
});
