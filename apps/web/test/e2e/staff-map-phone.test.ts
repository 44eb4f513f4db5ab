import { amsterdamInstant, amsterdamParts, type LocalDate } from '@buurtsignaal/core/sla';
import type { Request } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { insertHotspotMelding } from '../../../api/test/support/hotspots-helpers.ts';
import { type Browser, screenshotDir } from './browser.ts';
import { browserSuite } from './browser-suite.ts';
import { expectAccessible } from './form-helpers.ts';
import type { E2eStack } from './stack.ts';
import { browserLogin, staffUser } from './staff-helpers.ts';

// The boa's hotspot map on a phone (390 × 844): the map above the fold with the filters folded away,
// "Waar ben ik" showing the officer's own position without ever sending it, and "Nu": the cells of
// this weekday and hour and the open meldingen in view. The page's clock is set to a Wednesday 22:30.

let stack: E2eStack;
let browser: Browser;
browserSuite({ stepTimeoutMs: 15_000, screenshots: true }, (s, b) => {
  stack = s;
  browser = b;
});

const PHONE = { width: 390, height: 844 };
/** Where the officer stands; the map must never tell the server (4 decimals ≈ 10 m). */
const ME = { latitude: 52.17871, longitude: 5.30244, accuracy: 25 };
const MEANT = ['52.1787', '5.3024'];
/** Two spots close by: one busy on Wednesday evenings 22–23, one at other times. */
const WEDNESDAY_SPOT = { lat: 52.1795, lng: 5.301 };
const OTHER_SPOT = { lat: 52.1768, lng: 5.2985 };

/** The Wednesday before today (at least a day back), in Amsterdam. */
function lastWednesday(): LocalDate {
  const today = amsterdamParts(new Date());
  const d = new Date(Date.UTC(today.year, today.month - 1, today.day, 12));
  const dow = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() - ((dow - 3 + 7) % 7 || 7));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}
const daysBefore = (day: LocalDate, n: number): LocalDate => {
  const d = new Date(Date.UTC(day.year, day.month - 1, day.day - n, 12));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
};
const at = (day: LocalDate, hour: number, minute: number) =>
  amsterdamInstant(day, hour, minute).toISOString();

const wednesday = lastWednesday();
const pageNow = amsterdamInstant(wednesday, 22, 30);
const open: { reference: string }[] = [];
let closedNearby = '';
let openFar = '';

beforeAll(async () => {
  const db = stack.database.client.db;
  // Handled history: Wednesdays 22:xx at one spot, a Wednesday afternoon and a Tuesday evening at the other.
  for (const occurredAt of [at(daysBefore(wednesday, 7), 22, 10), at(daysBefore(wednesday, 14), 22, 40)]) {
    await insertHotspotMelding(db, { ...WEDNESDAY_SPOT, occurredAt, status: 'afgehandeld' });
  }
  closedNearby = (
    await insertHotspotMelding(db, {
      ...OTHER_SPOT,
      occurredAt: at(daysBefore(wednesday, 7), 15, 0),
      status: 'afgehandeld',
    })
  ).reference;
  await insertHotspotMelding(db, {
    ...OTHER_SPOT,
    occurredAt: at(daysBefore(wednesday, 8), 22, 15),
    status: 'afgehandeld',
  });
  // Open now, around the officer (reported on a Monday morning: not in the Wednesday-evening cells).
  for (const [spot, status] of [
    [{ lat: 52.1801, lng: 5.3041 }, 'ingedeeld'],
    [{ lat: 52.1779, lng: 5.3002 }, 'in_behandeling'],
  ] as const) {
    open.push(
      await insertHotspotMelding(db, { ...spot, status, occurredAt: at(daysBefore(wednesday, 2), 10, 0) }),
    );
  }
  // Open, but in Soesterberg: not around the officer.
  openFar = (
    await insertHotspotMelding(db, {
      lat: 52.117,
      lng: 5.285,
      status: 'ingedeeld',
      occurredAt: at(daysBefore(wednesday, 2), 10, 0),
    })
  ).reference;
  await staffUser(stack, 'boa@soest.test', 'boa', ['boa-team']);
}, 120_000);

describe('the hotspot map on a phone', () => {
  it('shows the map above the fold with the filters folded, the officer’s position unsent, and “Nu”', async () => {
    const { page, context } = browser;
    await page.setViewportSize(PHONE);
    await context.grantPermissions(['geolocation'], { origin: stack.baseUrl });
    await context.setGeolocation(ME);
    await page.clock.setFixedTime(pageNow);
    const requests: Request[] = [];
    page.on('request', (r) => requests.push(r));

    await browserLogin(page, stack, 'boa@soest.test');
    await page.getByRole('heading', { level: 1, name: 'Wachtrij' }).waitFor();
    await page.getByRole('link', { name: 'Kaart', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: /^Kaart/ }).waitFor();
    const map = page.locator('.bs-hotspot-map.leaflet-container');
    await map.waitFor();

    // The map is on the first screen and takes most of it; the six filters are folded away.
    const box = await map.boundingBox();
    expect(box).not.toBeNull();
    if (box) {
      expect(box.y, 'the map starts on the first screen').toBeLessThan(PHONE.height / 2);
      expect(PHONE.height - box.y, 'at least 45% of the first screen is map').toBeGreaterThan(
        PHONE.height * 0.45,
      );
      expect(box.height, 'the map is most of the screen high').toBeGreaterThan(PHONE.height * 0.6);
    }
    const filters = page.getByRole('button', { name: /^Filters/ });
    expect(await filters.textContent()).toBe('Filters (geen actief)');
    expect(await filters.getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByLabel('Onderwerp').isVisible()).toBe(false);
    await filters.click();
    await page.getByLabel('Onderwerp').waitFor();
    expect(await filters.getAttribute('aria-expanded')).toBe('true');
    await filters.click();
    await page.getByLabel('Onderwerp').waitFor({ state: 'hidden' });

    // Waar ben ik: the position is shown (dot and accuracy circle), the map moves near it.
    await page.getByRole('button', { name: 'Waar ben ik' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Uw plek (± 25 m) staat op de kaart. Niet opgeslagen, niet verstuurd.' })
      .waitFor();
    const dot = page.locator('path.bs-my-position');
    await dot.waitFor();
    const dotBox = await dot.boundingBox();
    const mapBox = await map.boundingBox();
    expect(dotBox && mapBox).toBeTruthy();
    if (dotBox && mapBox) {
      const x = dotBox.x + dotBox.width / 2;
      const y = dotBox.y + dotBox.height / 2;
      expect(
        x > mapBox.x && x < mapBox.x + mapBox.width && y > mapBox.y && y < mapBox.y + mapBox.height,
      ).toBe(true);
      expect(y, 'the position is on the first screen').toBeLessThan(PHONE.height);
    }

    // Nu: the weekday and hour of the page's clock (Wednesday 22:00–23:00), and the open meldingen in view.
    await page.getByRole('button', { name: 'Nu' }).click();
    expect(await page.getByRole('button', { name: 'Nu' }).getAttribute('aria-pressed')).toBe('true');
    await page.getByRole('heading', { level: 2, name: 'Nu: woensdag 22:00–23:00' }).waitFor();
    expect(await filters.textContent()).toBe('Filters (2 actief)');
    await expect.poll(() => page.url()).toContain('dag=3');
    expect(page.url()).toContain('uur=22');
    const table = page.locator('.bs-hotspot-table tbody tr');
    await expect.poll(() => table.allTextContents()).toHaveLength(1);
    await expect.poll(() => table.first().locator('td').nth(1).textContent()).toBe('2');
    await expect.poll(() => page.locator('.bs-legend').textContent()).toMatch(/2 meldingen in 1 vak/);
    const list = page.locator('.bs-now__list');
    await expect
      .poll(() => list.locator('a').allTextContents())
      .toEqual(expect.arrayContaining(open.map((m) => m.reference)));
    const listed = await list.locator('a').allTextContents();
    expect(listed).toHaveLength(2);
    expect(listed).not.toContain(closedNearby);
    expect(listed).not.toContain(openFar);
    // The open ones are also the markers on the map.
    await expect.poll(() => page.locator('.leaflet-marker-icon').count()).toBeGreaterThan(0);

    await page.waitForLoadState('networkidle');
    await expectAccessible(page, 'hotspot map on a phone, Nu');
    await page.screenshot({ path: `${screenshotDir}/balie-kaart-telefoon.png` });

    // Never sent: no request (URL or body) carries the position, and every map view fetched is a grid
    // point's view, not one centred on the officer. Never stored: not in the URL or the browser's storage.
    expect(requests.length).toBeGreaterThan(0);
    for (const r of requests) {
      const sent = `${r.url()} ${r.postData() ?? ''}`;
      for (const part of MEANT) expect(sent, `${r.method()} ${r.url()}`).not.toContain(part);
    }
    const views = requests
      .map((r) => new URL(r.url()).searchParams.get('bbox'))
      .filter((b): b is string => b !== null)
      .map((b) => b.split(',').map(Number) as [number, number, number, number]);
    expect(views.length).toBeGreaterThan(0);
    for (const [minLng, minLat, maxLng, maxLat] of views) {
      const centre = { lat: (minLat + maxLat) / 2, lng: (minLng + maxLng) / 2 };
      const offCentre =
        Math.abs(centre.lat - ME.latitude) > 0.001 || Math.abs(centre.lng - ME.longitude) > 0.001;
      expect(offCentre, `view ${minLng},${minLat},${maxLng},${maxLat} is not centred on the officer`).toBe(
        true,
      );
    }
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }));
    for (const part of MEANT) {
      expect(stored).not.toContain(part);
      expect(page.url()).not.toContain(part);
    }

    // Nu off: back to every weekday and hour.
    await page.getByRole('button', { name: 'Nu' }).click();
    await expect.poll(() => filters.textContent()).toBe('Filters (geen actief)');
    await expect.poll(() => page.locator('.bs-now__list').count()).toBe(0);
  });

  it('leaves the desktop layout as it was: filters open, no phone buttons', async () => {
    const { page } = browser;
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByLabel('Onderwerp').waitFor();
    expect(await page.getByRole('button', { name: /^Filters/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Waar ben ik' }).count()).toBe(0);
    expect(await page.locator('.bs-map-intro').isVisible()).toBe(true);
  });
});
