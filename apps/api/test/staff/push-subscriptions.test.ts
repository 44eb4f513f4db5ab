import { listAuditForActor } from '@buurtsignaal/db/tables/audit-log-repository';
import { listPushSubscriptions } from '@buurtsignaal/db/tables/push-subscriptions-repository';
import { FakePushService } from '@buurtsignaal/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deviceLabel } from '../../src/push/push-subscription-service.ts';
import { buildTestApp } from '../support/helpers.ts';
import { as, createUser, login, type TestUser } from '../support/staff-helpers.ts';
import { useTestApp, useTestDatabase } from '../support/test-app.ts';

// The console's "Meldingen op dit toestel ontvangen": the VAPID key, and an officer's device stored and
// removed. Only for the officer logged in; a body that is not a browser's PushSubscription is a 400
// naming the field.

const PUBLIC_KEY = `B${'A'.repeat(86)}`;
const ANDROID_CHROME =
  'Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36';

const t = useTestApp({ env: { VAPID_PUBLIC_KEY: PUBLIC_KEY } });
let pushService: FakePushService;
let boa: TestUser;
let other: TestUser;
beforeAll(async () => {
  pushService = await FakePushService.start();
  boa = await createUser(t.db, 'boa.push@soest.test', 'boa', ['boa-team']);
  other = await createUser(t.db, 'andere.boa@soest.test', 'boa', ['boa-team']);
});
afterAll(async () => {
  await pushService?.close();
});

const session = async (user: TestUser) => {
  const s = await login(t.app, user.email);
  const request = as(t.app, s);
  return {
    get: (url: string) => request('GET', url),
    post: (body: unknown, headers: Record<string, string> = {}) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/staff/push/subscriptions',
        cookies: { bs_session: s.cookie },
        headers: { 'x-csrf-token': s.csrf, ...headers },
        payload: body as Record<string, unknown>,
      }),
    remove: (body: unknown) =>
      t.app.inject({
        method: 'DELETE',
        url: '/api/v1/staff/push/subscriptions',
        cookies: { bs_session: s.cookie },
        headers: { 'x-csrf-token': s.csrf },
        payload: body as Record<string, unknown>,
      }),
  };
};

describe('staff push subscriptions', () => {
  it('hands out the VAPID public key to a logged-in officer, and to nobody else', async () => {
    const res = await (await session(boa)).get('/api/v1/staff/push/key');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ publicKey: PUBLIC_KEY });
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/v1/staff/push/key' });
    expect(anonymous.statusCode).toBe(401);
  });

  it("stores the browser's subscription for the officer, and removes it when turned off", async () => {
    const s = await session(boa);
    const device = pushService.subscribe();
    const res = await s.post({ ...device, expirationTime: null }, { 'user-agent': ANDROID_CHROME });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ endpoint: device.endpoint });
    const [stored] = await listPushSubscriptions(t.db, [boa.id]);
    expect(stored).toMatchObject({
      endpoint: device.endpoint,
      ...device.keys,
      userAgentLabel: 'Chrome op Android',
    });
    // Subscribing again (a new key after the browser renewed it) keeps one row.
    expect((await s.post(device)).statusCode).toBe(201);
    expect(await listPushSubscriptions(t.db, [boa.id])).toHaveLength(1);
    // The audit names the device, never the endpoint (a capability URL).
    const audit = JSON.stringify(await listAuditForActor(t.db, boa.id));
    expect(audit).toContain('push.subscribe');
    expect(audit).not.toContain(device.endpoint);

    // Another officer cannot remove it.
    expect((await (await session(other)).remove({ endpoint: device.endpoint })).statusCode).toBe(204);
    expect(await listPushSubscriptions(t.db, [boa.id])).toHaveLength(1);
    const off = await s.remove({ endpoint: device.endpoint });
    expect(off.statusCode, off.body).toBe(204);
    expect(await listPushSubscriptions(t.db, [boa.id])).toEqual([]);
  });

  it.each([
    ['endpoint', { endpoint: 'ftp://push.example/x' }],
    ['endpoint', { endpoint: 'geen adres' }],
    ['keys.p256dh', { keys: { p256dh: 'te+kort/', auth: 'AAAAAAAAAAAAAAAAAAAAAA' } }],
    ['keys.p256dh', { keys: { p256dh: 'AAAA', auth: 'AAAAAAAAAAAAAAAAAAAAAA' } }],
    ['keys.auth', { keys: { p256dh: `B${'A'.repeat(86)}`, auth: 'AAAA' } }],
    ['keys', { keys: undefined }],
  ])('refuses a subscription whose %s is wrong with a 400 naming it', async (field, change) => {
    const s = await session(boa);
    const res = await s.post({ ...pushService.subscribe(), ...change });
    expect(res.statusCode, res.body).toBe(400);
    const body = res.json();
    expect(body.code).toBe('VALIDATION_ERROR');
    expect(body.details.map((d: { field: string }) => d.field)).toContain(field);
  });

  it('refuses without a session (401) and without the CSRF token (403)', async () => {
    const device = pushService.subscribe();
    const anonymous = await t.app.inject({
      method: 'POST',
      url: '/api/v1/staff/push/subscriptions',
      payload: device,
    });
    expect(anonymous.statusCode).toBe(401);
    const s = await login(t.app, boa.email);
    const noCsrf = await as(t.app, s)('POST', '/api/v1/staff/push/subscriptions', device, null);
    expect(noCsrf.statusCode).toBe(403);
    expect(await listPushSubscriptions(t.db, [boa.id])).toEqual([]);
  });
});

describe('staff push without VAPID keys', () => {
  const data = useTestDatabase();
  it('says there is no key, and refuses a subscription with 409 PUSH_NOT_CONFIGURED', async () => {
    const { app, close } = await buildTestApp(data.client);
    try {
      const user = await createUser(data.db, 'boa.zonder@soest.test', 'boa', ['boa-team']);
      const s = await login(app, user.email);
      const key = await as(app, s)('GET', '/api/v1/staff/push/key');
      expect(key.json()).toEqual({ publicKey: null });
      const res = await as(app, s)('POST', '/api/v1/staff/push/subscriptions', pushService.subscribe());
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe('PUSH_NOT_CONFIGURED');
    } finally {
      await close();
    }
  });
});

describe('deviceLabel', () => {
  it('names browser and system, no more', () => {
    expect(deviceLabel(ANDROID_CHROME)).toBe('Chrome op Android');
    expect(
      deviceLabel(
        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 Version/17.5 Mobile/15E148 Safari/604.1',
      ),
    ).toBe('Safari op iPhone');
    expect(deviceLabel(undefined)).toBeNull();
  });
});
