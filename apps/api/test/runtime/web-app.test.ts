import { beforeAll, describe, expect, it } from 'vitest';
import { registerWebApp } from '../../src/runtime/web-app.plugin.ts';
import { useFakeWebDist, useTestApp } from '../support/test-app.ts';

const dist = useFakeWebDist();
const t = useTestApp();
beforeAll(async () => {
  expect(await registerWebApp(t.app, dist)).toBe(true);
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
