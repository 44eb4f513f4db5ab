import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '@buurtsignaal/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerWebApp } from '../../src/runtime/web-app.plugin.ts';
import { buildTestApp, type TestApp } from '../support/helpers.ts';

let database: TestDatabase;
let t: TestApp;
const dist = mkdtempSync(join(tmpdir(), 'bs-dist-'));

beforeAll(async () => {
  writeFileSync(
    join(dist, 'index.html'),
    '<!doctype html><html lang="nl"><title>Buurtsignaal</title></html>',
  );
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'assets', 'index-abc.js'), 'console.log(1)');
  database = await createTestDatabase();
  t = await buildTestApp(database.client);
  expect(await registerWebApp(t.app, dist)).toBe(true);
});
afterAll(async () => {
  await t?.close();
  await database?.drop();
  rmSync(dist, { recursive: true, force: true });
});

const get = (url: string) => t.app.inject({ method: 'GET', url });

describe('serving the web app from the API', () => {
  it('serves the page for its own routes and the built assets', async () => {
    for (const url of ['/', '/m/abc123', '/balie', '/balie/kaart']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.body).toContain('Buurtsignaal');
    }
    const asset = await get('/assets/index-abc.js');
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-type']).toContain('javascript');
  });

  it('answers an unknown page with the web app and status 404, an unknown API path with JSON', async () => {
    const page = await get('/bestaat-niet');
    expect(page.statusCode).toBe(404);
    expect(page.headers['content-type']).toContain('text/html');
    const api = await get('/api/v1/bestaat-niet');
    expect(api.statusCode).toBe(404);
    expect(api.json()).toMatchObject({ statusCode: 404 });
    expect((await get('/api/v1/categories')).statusCode).toBe(200);
  });
});
