import { listPushSubscriptions } from '@buurtsignaal/db/tables/push-subscriptions-repository';
import { waitUntil } from '@buurtsignaal/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import webpush from 'web-push';
import { SUBSCRIBE_TIMEOUT_MS } from '../../src/staff/push/push-timing.ts';
import { type Browser, launchPhone } from './browser.ts';
import { expectAccessible } from './form-helpers.ts';
import { type E2eStack, startE2eStack } from './stack.ts';
import { browserLogin, staffUser } from './staff-helpers.ts';

// The console as an installable app with Web Push: its manifest and service worker as the API serves
// them, and the officer's "Meldingen op dit toestel ontvangen" on "Mijn diensten" in a phone's
// Chromium — accessible, and honest when the browser cannot subscribe (notifications blocked, or no
// push service: headless Chromium has none).

const vapid = webpush.generateVAPIDKeys();
let stack: E2eStack;
const browsers: Browser[] = [];
let boaId: string;

beforeAll(async () => {
  stack = await startE2eStack({ apiEnv: { VAPID_PUBLIC_KEY: vapid.publicKey } });
  boaId = (await staffUser(stack, 'push.boa@soest.test', 'boa', ['boa-team'])).id;
}, 120_000);
afterAll(async () => {
  for (const b of browsers) await b.close();
  await stack?.close();
});

async function phone(): Promise<Browser> {
  const b = await launchPhone();
  b.page.setDefaultTimeout(15_000);
  browsers.push(b);
  return b;
}

/** Logged in as the boa, on "Mijn diensten" with the opt-in shown and its state checked. */
async function openMyShifts(b: Browser) {
  await browserLogin(b.page, stack, 'push.boa@soest.test');
  await b.page.getByRole('heading', { level: 1, name: 'Wachtrij' }).waitFor();
  await b.page.getByRole('link', { name: 'Mijn diensten' }).click();
  const control = b.page.getByRole('checkbox', { name: 'Meldingen op dit toestel ontvangen' });
  await control.waitFor();
  await expect.poll(() => control.isEnabled()).toBe(true);
  return control;
}

describe('the console as an app', () => {
  it('serves the service worker at a stable URL, revalidated on every use, and the manifest', async () => {
    const sw = await fetch(`${stack.baseUrl}/balie-sw.js`, { headers: { 'accept-encoding': 'br' } });
    expect(sw.status).toBe(200);
    expect(sw.headers.get('content-encoding')).toBe('br');
    expect(sw.headers.get('content-type')).toMatch(/javascript/);
    expect(sw.headers.get('cache-control')).toBe('no-cache');
    const code = await sw.text();
    expect(code).toContain('notificationclick');
    // A classic script: a service worker registered without type "module" cannot import.
    expect(code).not.toMatch(/^\s*import[\s{]/m);

    const res = await fetch(`${stack.baseUrl}/balie.webmanifest`);
    expect(res.status).toBe(200);
    const manifest = (await res.json()) as {
      start_url: string;
      scope: string;
      display: string;
      theme_color: string;
      icons: { src: string; sizes: string; purpose: string }[];
    };
    expect(manifest).toMatchObject({ start_url: '/balie', scope: '/balie', display: 'standalone' });
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/);
    expect(manifest.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
    for (const icon of manifest.icons) {
      const png = await fetch(`${stack.baseUrl}${icon.src}`);
      expect(png.headers.get('content-type'), icon.src).toBe('image/png');
    }
  });

  it('links the manifest and registers the service worker for /balie once the console opens', async () => {
    const b = await phone();
    await openMyShifts(b);
    expect(await b.page.locator('link[rel="manifest"]').getAttribute('href')).toBe('/balie.webmanifest');
    const scope = await b.page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(scope).toBe(`${stack.baseUrl}/balie`);
    // The resident's form is no app of the console.
    await b.page.goto(stack.baseUrl);
    await b.page.getByRole('heading', { name: 'Wat wilt u melden?' }).waitFor();
    expect(await b.page.locator('link[rel="manifest"]').count()).toBe(0);
  });
});

describe('the service worker in Chromium', () => {
  it('shows a pushed notice as a notification with only reference, category, priority and wijk', async () => {
    const b = await phone();
    await b.context.grantPermissions(['notifications'], { origin: stack.baseUrl });
    await openMyShifts(b);
    // DevTools delivers a push message straight to the service worker: the push event without a push
    // service (headless Chromium has none).
    const cdp = await b.context.newCDPSession(b.page);
    const registrations: { registrationId: string; scopeURL: string; isDeleted: boolean }[] = [];
    cdp.on('ServiceWorker.workerRegistrationUpdated', (e) => registrations.push(...e.registrations));
    await cdp.send('ServiceWorker.enable');
    const registration = await waitUntil(
      () => registrations.find((r) => r.scopeURL === `${stack.baseUrl}/balie` && !r.isDeleted),
      { what: 'the console service worker in DevTools' },
    );
    const meldingId = '0b9d3f0e-6f1a-4c1e-9d7b-2d6f3c4b5a69';
    await cdp.send('ServiceWorker.deliverPushMessage', {
      origin: stack.baseUrl,
      registrationId: registration.registrationId,
      data: JSON.stringify({
        meldingId,
        reference: 'SOE-2026-000777',
        category: 'Jeugdoverlast',
        priority: 'spoed',
        wijk: 'Soest-Zuid',
      }),
    });
    const shown = async () =>
      b.page.evaluate(async () =>
        (await (await navigator.serviceWorker.ready).getNotifications()).map((n) => ({
          title: n.title,
          body: n.body,
          tag: n.tag,
          url: (n.data as { url?: string } | null)?.url,
        })),
      );
    await expect.poll(shown).toEqual([
      {
        title: 'Spoed: Jeugdoverlast',
        body: 'SOE-2026-000777 in wijk Soest-Zuid',
        tag: `melding-${meldingId}`,
        url: `${stack.baseUrl}/balie/meldingen/${meldingId}`,
      },
    ]);
  });
});

describe('"Meldingen op dit toestel ontvangen"', () => {
  it('is off at first, accessible, and says so when notifications are blocked', async () => {
    const b = await phone();
    const control = await openMyShifts(b);
    expect(await control.isChecked()).toBe(false);
    await b.page.getByText('Uit: dit toestel krijgt geen meldingen.').waitFor();
    await expectAccessible(b.page, 'Mijn diensten with the push opt-in');

    // Headless Chromium answers the permission prompt with "denied", as a user who blocks it.
    await b.context.clearPermissions();
    await control.click();
    await b.page.getByText('U heeft meldingen voor de balie geblokkeerd in deze browser.').waitFor();
    expect(await control.isDisabled()).toBe(true);
    expect(await control.isChecked()).toBe(false);
    await expectAccessible(b.page, 'the push opt-in, notifications blocked');
    expect(await listPushSubscriptions(stack.database.client.db, [boaId])).toEqual([]);
  });

  it('with notifications allowed but no push service, says it could not subscribe and stores nothing', {
    timeout: 60_000,
  }, async () => {
    const b = await phone();
    await b.context.grantPermissions(['notifications'], { origin: stack.baseUrl });
    const control = await openMyShifts(b);
    await control.click();
    await b.page.getByText('Even geduld…').waitFor();
    // Headless Chromium has no push service: subscribe() never settles, and the console gives up.
    await b.page
      .getByRole('alert')
      .getByText('Dit toestel kon zich niet aanmelden voor meldingen.')
      .waitFor({ timeout: SUBSCRIBE_TIMEOUT_MS + 10_000 });
    expect(await control.isChecked()).toBe(false);
    await expectAccessible(b.page, 'the push opt-in, subscription failed');
    expect(await listPushSubscriptions(stack.database.client.db, [boaId])).toEqual([]);
  });
});
