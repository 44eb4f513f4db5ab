import { schema } from '@buurtsignaal/db';
import { findMeldingAddress } from '@buurtsignaal/db/tables/melding-addresses-repository';
import { waitUntil } from '@buurtsignaal/testkit';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { type Browser, screenshotDir } from './browser.ts';
import { browserSuite } from './browser-suite.ts';
import { expectAccessible, tabTo } from './form-helpers.ts';
import { postMelding } from './intake-helpers.ts';
import type { E2eStack } from './stack.ts';
import { browserLogin, staffUser } from './staff-helpers.ts';

// A boa on a phone opens a melding the resident placed by GPS: the address near the point (looked up
// by the worker at the stand-in PDOK), a link to the phone's maps app, and the actions where the thumb is.

let stack: E2eStack;
let browser: Browser;
browserSuite({ stepTimeoutMs: 10_000, screenshots: true }, (s, b) => {
  stack = s;
  browser = b;
});

const longDescription = Array.from(
  { length: 12 },
  (_, i) =>
    `Regel ${i + 1}: een groep jongeren met scooters staat elke avond bij het speelveld, met harde muziek en vuurwerk.`,
).join('\n');

/** A GPS melding (no address) on the boa-team's queue, once the worker has looked its address up. */
async function gpsMeldingOnQueue(description: string) {
  const posted = await postMelding(stack, {
    description,
    location: { lat: 52.1733, lng: 5.2917, accuracy: 8 },
    contact: { email: 'bewoner@example.nl', phone: '0612345678', wantsFeedback: true },
  });
  const db = stack.database.client.db;
  await waitUntil(() => findMeldingAddress(db, posted.id), { what: 'the looked-up address' });
  await db
    .update(schema.meldingen)
    .set({ teamId: 'boa-team', status: 'ingedeeld' })
    .where(eq(schema.meldingen.id, posted.id));
  return posted;
}

describe('the melding detail on a phone', () => {
  it('shows the street and house number looked up near the GPS point, marked as approximate, and a geo: link', async () => {
    await staffUser(stack, 'boa-adres@soest.test', 'boa', ['boa-team']);
    const { id, reference } = await gpsMeldingOnQueue('Elke avond harde muziek bij het speelveld.');
    const { page } = browser;
    await browserLogin(page, stack, 'boa-adres@soest.test');
    await page.getByRole('heading', { level: 1, name: 'Wachtrij' }).waitFor();
    const card = page.getByRole('link', { name: new RegExp(reference) });
    await expect
      .poll(() => card.textContent(), { timeout: 10_000 })
      .toContain('Steenhoffstraat (bij benadering)');
    // The queue keeps to the street: no house number there.
    expect(await card.textContent()).not.toContain('Steenhoffstraat 46');

    await page.goto(`${stack.baseUrl}/balie/meldingen/${id}`);
    await page.getByRole('heading', { level: 1, name: `Melding ${reference}` }).waitFor();
    const address = page.getByTestId('approximate-address');
    await expect
      .poll(() => address.textContent(), { timeout: 10_000 })
      .toBe('Adres: Steenhoffstraat 46, 3764BM Soest — adres bij benadering (op basis van GPS)');
    expect(await page.locator('main').textContent()).not.toContain('Geen adres opgegeven');
    const geo = page.getByRole('link', { name: 'Open in kaarten-app' });
    expect(await geo.getAttribute('href')).toBe('geo:52.173300,5.291700?q=52.173300,5.291700');
    await page.locator('.leaflet-container').waitFor();
    await expectAccessible(page, 'detail with the looked-up address');
  });

  it('puts "Oppakken" and the status choices in a bar at the bottom of a 390×844 screen, by keyboard too, without covering the page', async () => {
    await staffUser(stack, 'boa-duim@soest.test', 'boa', ['boa-team']);
    const { id, reference } = await gpsMeldingOnQueue(longDescription);
    const { page } = browser;
    await page.setViewportSize({ width: 390, height: 844 });
    await browser.context.clearCookies();
    await browserLogin(page, stack, 'boa-duim@soest.test');
    await page.getByRole('heading', { level: 1, name: 'Wachtrij' }).waitFor();
    await page.goto(`${stack.baseUrl}/balie/meldingen/${id}`);
    await page.getByRole('heading', { level: 1, name: `Melding ${reference}` }).waitFor();
    await page.locator('.leaflet-container').waitFor();

    // A long page; the claim button is on screen without scrolling, in the lower part (the thumb zone).
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(height).toBeGreaterThan(2 * 844);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    const claim = page.getByRole('button', { name: 'Oppakken' });
    const box = await claim.boundingBox();
    expect(box).not.toBeNull();
    expect(box?.y ?? -1).toBeGreaterThan(844 / 2);
    expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual(844);
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
    await expectAccessible(page, 'detail with the action bar');
    await page.screenshot({ path: `${screenshotDir}/balie-melding-telefoon.png` });
    await page.locator('#location-heading').evaluate((h) => h.scrollIntoView({ behavior: 'instant' }));
    await page.screenshot({ path: `${screenshotDir}/balie-melding-adres.png` });

    // The last line of the page is not hidden behind the bar once scrolled to the end.
    await page.evaluate(() =>
      window.scrollTo({ top: document.documentElement.scrollHeight, behavior: 'instant' }),
    );
    expect(await page.evaluate(() => window.scrollY + window.innerHeight)).toBeGreaterThanOrEqual(height - 1);
    const bar = await page.getByRole('region', { name: 'Acties voor deze melding' }).boundingBox();
    const last = await page.locator('main').evaluate((main) => main.getBoundingClientRect().bottom);
    expect(last).toBeLessThanOrEqual((bar?.y ?? 0) + 1);
    await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));

    // By keyboard: the bar comes early in the tab order, and Enter claims.
    await page.getByRole('heading', { level: 1 }).click();
    await tabTo(page, 'Oppakken', 15);
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'U heeft de melding opgepakt.' }).waitFor();
    await page.getByText('U heeft deze melding opgepakt.').waitFor();

    // Claimed: the bar offers the statuses; choosing one selects it in the status form and moves focus there.
    const bar2 = page.getByRole('group', { name: 'Status wijzigen naar' });
    await bar2.getByRole('button', { name: 'Afgehandeld' }).click();
    const radio = page.getByRole('radio', { name: 'Afgehandeld' });
    await expect.poll(() => radio.isChecked(), { timeout: 10_000 }).toBe(true);
    expect(await radio.evaluate((el) => el === document.activeElement)).toBe(true);
    // Scrolled into view (smoothly), above the bar.
    const barTop =
      (await page.getByRole('region', { name: 'Acties voor deze melding' }).boundingBox())?.y ?? 0;
    await expect
      .poll(
        async () => {
          const r = await radio.boundingBox();
          return r !== null && r.y >= 0 && r.y + r.height <= barTop;
        },
        { timeout: 10_000 },
      )
      .toBe(true);
    await page.getByLabel('Bericht aan de melder', { exact: true }).waitFor();
    await expectAccessible(page, 'detail with a status chosen from the bar');
  });
});
