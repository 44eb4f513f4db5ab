import { findWijk, h3Cells } from '@buurtsignaal/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { insertHotspotMelding } from '../../../api/test/support/hotspots-helpers.ts';
import { detectHotspots } from '../../../worker/src/hotspots/hotspot-detection.ts';
import { formatDate } from '../../src/staff/insight-format.ts';
import type { Browser } from './browser.ts';
import { browserSuite } from './browser-suite.ts';
import { expectAccessible } from './form-helpers.ts';
import type { E2eStack } from './stack.ts';
import { apiLogin, browserLogin, staffUser } from './staff-helpers.ts';

// A new hotspot reaches the officers of the team that covers its wijk: the coordinator's rule fires on
// one cell, detection (run here directly; the stack's worker runs it every 5 minutes) notifies the
// boa-team once, and a boa sees it on the queue, follows it to the map centred on the cell with its
// panel open, and at the highest zoom finds the meldingen as clustered markers.

let stack: E2eStack;
let browser: Browser;
browserSuite({ desktop: true, stepTimeoutMs: 15_000 }, (s, b) => {
  stack = s;
  browser = b;
});

/** Four meldingen on one spot (a cluster even at the highest zoom) and one ~17 m away in the same cell. */
const SPOT = { lat: 52.1733, lng: 5.2917 };
const NEAR = { lat: 52.17318, lng: 5.29155 };
const CELL = h3Cells(SPOT.lat, SPOT.lng).r9;
const WIJK = findWijk(SPOT.lat, SPOT.lng)?.naam ?? 'buiten de wijken';
const RULE = 'Jeugdoverlast in één buurt';
const references: string[] = [];

interface Notification {
  hotspotId: string;
  cell: string;
  team: { id: string };
  since: string;
}

beforeAll(async () => {
  await browser.page.setViewportSize({ width: 1400, height: 1000 });
  await staffUser(stack, 'coordinator@soest.test', 'coordinator', []);
  await staffUser(stack, 'boa@soest.test', 'boa', ['boa-team']);
  await staffUser(stack, 'politie@soest.test', 'politie', ['politie-basisteam']);
}, 120_000);

describe('a new hotspot on the queue and the map (/balie, /balie/kaart)', () => {
  it('notifies the boa-team once, however often detection runs', async () => {
    const coordinator = await apiLogin(stack, 'coordinator@soest.test');
    const rule = await coordinator.call('POST', '/hotspot-rules', {
      name: RULE,
      category: 'jeugdoverlast',
      subcategory: null,
      resolution: 9,
      minCount: 5,
      windowDays: 14,
      active: true,
    });
    expect(rule.status, JSON.stringify(rule.body)).toBe(201);

    const db = stack.database.client.db;
    const now = Date.now();
    for (const [i, spot] of [SPOT, SPOT, SPOT, SPOT, NEAR].entries()) {
      const m = await insertHotspotMelding(db, {
        ...spot,
        occurredAt: new Date(now - (i + 1) * 3_600_000).toISOString(),
      });
      references.push(m.reference);
    }

    const first = await detectHotspots(db, new Date());
    expect(first.created).toEqual([expect.objectContaining({ cell: CELL, teamIds: ['boa-team'] })]);
    const second = await detectHotspots(db, new Date());
    expect(second.created).toEqual([]);

    const boa = await apiLogin(stack, 'boa@soest.test');
    const forBoa = await boa.call<{ items: Notification[] }>('GET', '/hotspots/notifications');
    expect(forBoa.body.items).toEqual([expect.objectContaining({ cell: CELL, team: expect.anything() })]);
    // The politie team does not cover jeugdoverlast: nothing for them.
    const politie = await apiLogin(stack, 'politie@soest.test');
    const forPolitie = await politie.call<{ items: Notification[] }>('GET', '/hotspots/notifications');
    expect(forPolitie.body.items).toEqual([]);
  });

  it('a boa sees the notice on the queue and follows it to the map, centred on the cell', async () => {
    const { page } = browser;
    const since = formatDate(
      (
        await (
          await apiLogin(stack, 'boa@soest.test')
        ).call<{ items: Notification[] }>('GET', '/hotspots/notifications')
      ).body.items[0]?.since ?? '',
    );
    await browserLogin(page, stack, 'boa@soest.test');
    await page.getByRole('heading', { level: 1, name: 'Wachtrij' }).waitFor();

    const notices = page.locator('.bs-hotspot-notice');
    await notices.first().waitFor();
    await expect
      .poll(() => notices.count(), { timeout: 10_000, message: 'one notice, though detection ran twice' })
      .toBe(1);
    await expect
      .poll(() => notices.first().textContent(), { timeout: 10_000 })
      .toContain(`Nieuwe hotspot: ${WIJK} sinds ${since} (${RULE})`);
    await page.getByRole('region', { name: 'Nieuwe hotspots' }).waitFor();
    await page.waitForLoadState('networkidle');
    await expectAccessible(page, 'queue with a hotspot notice');

    await page.getByRole('link', { name: `Bekijk op de kaart (${WIJK})` }).click();
    await page.getByRole('heading', { level: 1, name: /Kaart/ }).waitFor();
    // The cell's panel is open (focus on its heading) and the link became the selected cell.
    const panel = page.locator('.bs-cell-panel');
    await panel.getByRole('heading', { level: 2, name: /^Vak / }).waitFor();
    await panel.getByText('5 meldingen in de gekozen periode').waitFor();
    await expect.poll(() => page.url()).toContain(`vak=${CELL}`);
    expect(page.url()).not.toContain('cel=');
    await expect
      .poll(() => panel.locator('.bs-cell-panel__meldingen a').count(), { timeout: 10_000 })
      .toBe(5);

    // The active hotspots with since when.
    const list = page.locator('.bs-hotspot-list li');
    await expect.poll(() => list.count(), { timeout: 10_000 }).toBe(1);
    await expect
      .poll(() => list.first().textContent(), { timeout: 10_000 })
      .toContain(`${WIJK} sinds ${since}`);

    // The hotspot's outline lies in the middle of the map: the map moved to the cell.
    const outline = page.locator('.bs-hotspot-map path.bs-hotspot-outline');
    await outline.waitFor();
    const mapBox = await page.locator('.bs-hotspot-map').boundingBox();
    await expect
      .poll(async () => {
        const box = await outline.boundingBox();
        if (!box || !mapBox) return Number.POSITIVE_INFINITY;
        const dx = box.x + box.width / 2 - (mapBox.x + mapBox.width / 2);
        const dy = box.y + box.height / 2 - (mapBox.y + mapBox.height / 2);
        return Math.hypot(dx, dy);
      })
      .toBeLessThan(60);
    await expect.poll(() => page.locator('.bs-hex-label').allTextContents()).toEqual(['5']);
    await page.waitForLoadState('networkidle');
    await expectAccessible(page, 'hotspot map opened from the notice');
  });

  it('at the highest zoom the meldingen are clustered markers with names', async () => {
    const { page } = browser;
    const zoomIn = page.getByRole('button', { name: 'Inzoomen', exact: true });
    const atMax = async () => (await zoomIn.getAttribute('aria-disabled')) === 'true';
    // One step in (finest cells): the meldingen come along, as one cluster of all five.
    await zoomIn.click();
    const all = page.getByRole('button', { name: /^Groep van 5 meldingen/ });
    await all.waitFor();
    // Clicking a cluster zooms to its meldingen; then on to the highest zoom.
    await all.click();
    // Zoom in until the highest zoom, where the zoom-in button is disabled: the poll clicks again as long
    // as it is not (a click during an animation may be one step only, never past the maximum).
    await expect
      .poll(async () => {
        if (!(await atMax())) await zoomIn.click();
        return atMax();
      })
      .toBe(true);

    // The four on one spot stay a cluster; the fifth is a marker of its own, named after the melding.
    const cluster = page.getByRole('button', { name: /^Groep van 4 meldingen/ });
    await cluster.waitFor();
    await expect.poll(() => page.locator('.leaflet-marker-icon.bs-cluster').count()).toBe(1);
    const single = page.getByRole('button', { name: `Melding ${references[4]}` });
    await single.waitFor();
    await expect
      .poll(() => single.getAttribute('title'), { timeout: 10_000 })
      .toBe(`Melding ${references[4]}`);
    await expect.poll(() => single.getAttribute('alt'), { timeout: 10_000 }).toBe(`Melding ${references[4]}`);
    // The default marker image is found (its URL set through L.Icon.Default.mergeOptions).
    await expect
      .poll(() => single.evaluate((img) => (img as HTMLImageElement).naturalWidth))
      .toBeGreaterThan(0);
    await page.waitForLoadState('networkidle');
    await expectAccessible(page, 'hotspot map at the highest zoom with clustered meldingen');

    // A cluster at the highest zoom opens up (spiderfies) into its markers; a marker's popup links on.
    await cluster.click();
    for (const reference of references.slice(0, 4)) {
      await page.getByRole('button', { name: `Melding ${reference}` }).waitFor();
    }
    const first = references[0] ?? '';
    const marker = page.getByRole('button', { name: `Melding ${first}` });
    // The markers move out in an animation: click once the marker stands still (on two busy cores a
    // click during the animation can land where it no longer is).
    let last = '';
    await expect
      .poll(async () => {
        const box = JSON.stringify(await marker.boundingBox());
        const still = box === last;
        last = box;
        return still;
      })
      .toBe(true);
    await marker.click();
    await page.locator('.leaflet-popup').getByRole('link', { name: first }).click();
    await page.getByRole('heading', { level: 1, name: `Melding ${first}` }).waitFor();
  });
});
