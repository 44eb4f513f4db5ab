import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerWebApp } from '../../src/runtime/web-app.plugin.ts';
import { useTestApp } from '../support/test-app.ts';

// index.html as the web build writes it: step 1 of the form rendered into #root between markers.
const dist = mkdtempSync(join(tmpdir(), 'bs-dist-first-'));
const html =
  '<!doctype html><html lang="nl"><title>Buurtsignaal</title><body><div id="root">' +
  '<!--bs:first-screen--><h1>Wat wilt u melden?</h1><!--/bs:first-screen--></div></body></html>';
const t = useTestApp();
beforeAll(async () => {
  writeFileSync(join(dist, 'index.html'), html);
  mkdirSync(join(dist, 'assets'));
  expect(await registerWebApp(t.app, dist)).toBe(true);
});
afterAll(() => rmSync(dist, { recursive: true, force: true }));

const get = (url: string, acceptEncoding?: string) =>
  t.app.inject({ method: 'GET', url, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });

describe('the prerendered step 1 of the form', () => {
  it('is sent on the form only; the status page, the console and "not found" get the page without it', async () => {
    const form = await get('/');
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Wat wilt u melden?');
    for (const [url, status] of [
      ['/m/abc123', 200],
      ['/balie', 200],
      ['/balie/kaart', 200],
      ['/bestaat-niet', 404],
    ] as const) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(status);
      expect(res.headers['content-type'], url).toContain('text/html');
      expect(res.body, url).toContain('<div id="root"></div>');
      expect(res.body, url).not.toContain('Wat wilt u melden?');
    }
  });

  it('sends the page without it compressed as the browser accepts, br before gzip', async () => {
    const br = await get('/m/abc123', 'gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(br.rawPayload).toString()).toContain('<div id="root"></div>');
    const gzip = await get('/balie', 'gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.rawPayload).toString()).toContain('<title>Buurtsignaal</title>');
    const plain = await get('/balie', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toContain('<div id="root"></div>');
  });
});
