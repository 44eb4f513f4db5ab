import { existsSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { webDistDir } from '@buurtsignaal/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, launchPhone } from './browser.ts';
import { type E2eStack, startE2eStack } from './stack.ts';
import { kb, recordWire, type WireResponse } from './wire-bytes.ts';

// What step 1 of the form costs a phone, in the bytes that cross the wire (DevTools protocol,
// `encodedDataLength`), not bodies compressed by the test: the server must send the build's brotli
// files, and the page must load only what step 1 needs.

/**
 * Budgets for step 1, response headers included (~1.6 KB each: the security headers), brotli as sent.
 * Measured 2026-12-03: JS 99.4 KB in 2 files (React, the router and step 1; zod and the later steps are
 * chunks of their own), CSS 12.3 KB in 1 (only the design tokens some CSS reads). Before: 137.7 KB in 9
 * files and 18.8 KB in 2; before that 386 KB + 55 KB JS and 199 KB CSS, uncompressed.
 */
const JS_BUDGET_BYTES = 105 * 1024;
const CSS_BUDGET_BYTES = 14 * 1024;

let stack: E2eStack;
let browser: Browser;

beforeAll(async () => {
  stack = await startE2eStack();
  browser = await launchPhone();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

const path = (r: WireResponse) => new URL(r.url).pathname;
const isHashedAsset = (r: WireResponse) => path(r).startsWith('/assets/');
/** Whether the build made a brotli sibling (it does not when compressing would not make the file smaller). */
const hasBrotliSibling = (r: WireResponse) => existsSync(join(webDistDir, `${path(r)}.br`));

/** A raw HTTP GET (node:http does not decompress), for the headers a given Accept-Encoding gets. */
function rawGet(url: string, acceptEncoding?: string): Promise<Record<string, string | undefined>> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.headers as Record<string, string | undefined>));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('what step 1 of the public form sends over the wire', () => {
  it('sends every hashed asset as brotli with immutable caching, within the JS and CSS budgets, without map code or errors', async () => {
    const errors: string[] = [];
    browser.page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    browser.page.on('pageerror', (e) => errors.push(e.message));
    const bodies: { url: string; mapCode: boolean; devBuild: boolean; zod: boolean }[] = [];
    const pendingBodies: Promise<void>[] = [];
    browser.page.on('response', (response) => {
      if (response.request().resourceType() !== 'script') return;
      pendingBodies.push(
        response.body().then((body) => {
          bodies.push({
            url: response.url(),
            // Leaflet's own source names its container class; nothing else of ours does.
            mapCode: body.includes('leaflet-container'),
            // React's development JSX runtime: a bundle built with NODE_ENV other than production.
            devBuild: body.includes('jsxDEV'),
            // zod names its schema classes: the shared schemas come with step 2, not with step 1.
            zod: body.includes('$ZodObject'),
          });
        }),
      );
    });
    const wire = await recordWire(browser.page);
    await browser.page.goto(stack.baseUrl);
    await browser.page.getByRole('heading', { name: 'Wat wilt u melden?' }).waitFor();
    await browser.page.waitForLoadState('networkidle');
    await Promise.all(pendingBodies);
    await wire.stop();

    const byType = wire.byType();
    console.log(
      `step 1 over the wire: ${Object.entries(byType)
        .map(([t, b]) => `${t} ${kb(b)}`)
        .join(', ')}\n` +
        wire.responses
          .map((r) => `  ${kb(r.transferred)} ${r.headers['content-encoding'] ?? 'identity'} ${path(r)}`)
          .join('\n'),
    );

    const assets = wire.responses.filter(isHashedAsset);
    expect(assets.filter((r) => r.type === 'Script').length).toBeGreaterThan(0);
    expect(assets.filter((r) => r.type === 'Stylesheet').length).toBeGreaterThan(0);
    for (const r of assets) {
      expect(r.status, path(r)).toBe(200);
      expect(r.headers['cache-control'], path(r)).toBe('public, max-age=31536000, immutable');
      expect(r.headers.vary, path(r)).toMatch(/accept-encoding/i);
      // Only a file of a few bytes, which brotli would not make smaller, goes out as it is.
      if (hasBrotliSibling(r)) expect(r.headers['content-encoding'], path(r)).toBe('br');
      else expect(Number(r.headers['content-length']), path(r)).toBeLessThan(256);
    }
    const shell = wire.responses.find((r) => r.type === 'Document');
    expect(shell?.headers['cache-control']).toBe('no-cache');
    expect(shell?.headers['content-encoding']).toBe('br');

    expect(byType.Script ?? 0).toBeLessThanOrEqual(JS_BUDGET_BYTES);
    expect(byType.Stylesheet ?? 0).toBeLessThanOrEqual(CSS_BUDGET_BYTES);
    // Leaflet (and its CSS) is loaded on the location step only, the console's CSS in the console only.
    expect(bodies.filter((s) => s.mapCode).map((s) => s.url)).toEqual([]);
    expect(bodies.filter((s) => s.devBuild).map((s) => s.url)).toEqual([]);
    expect(bodies.filter((s) => s.zod).map((s) => s.url)).toEqual([]);
    // Step 1 comes with the page itself (rendered at build time), before any script has run; nothing
    // asks the API for the categories before the resident starts.
    const page = await (await fetch(stack.baseUrl)).text();
    expect(page).toMatch(/<div id="root">.*<h1 [^>]*>Wat wilt u melden\?<\/h1>/s);
    expect(wire.responses.filter((r) => path(r).startsWith('/api/')).map(path)).toEqual([]);
    expect(assets.filter((r) => /leaflet|TileLayer|staff|insight/i.test(path(r))).map(path)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('gives gzip to a client without brotli, and the plain file to one that accepts neither', async () => {
    const html = await (await fetch(stack.baseUrl)).text();
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const url = `${stack.baseUrl}${script}`;
    expect((await rawGet(url, 'br, gzip'))['content-encoding']).toBe('br');
    const gzip = await rawGet(url, 'gzip, deflate');
    expect(gzip['content-encoding']).toBe('gzip');
    expect(gzip.vary).toMatch(/accept-encoding/i);
    expect(gzip['cache-control']).toBe('public, max-age=31536000, immutable');
    const plain = await rawGet(url);
    expect(plain['content-encoding']).toBeUndefined();
    expect(plain['cache-control']).toBe('public, max-age=31536000, immutable');
    // The shell is revalidated on each use, compressed or not.
    expect((await rawGet(`${stack.baseUrl}/`, 'gzip'))['cache-control']).toBe('no-cache');
    expect((await rawGet(`${stack.baseUrl}/favicon.ico`))['cache-control']).toBe('no-cache');
  });
});
