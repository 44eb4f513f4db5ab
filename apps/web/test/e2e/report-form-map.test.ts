import { describe, expect, it } from 'vitest';
import { expectStep, next } from './form-helpers.ts';
import { reportFormSuite, soest } from './report-form-helpers.ts';

// The map step as a hurried resident uses it: GPS, then "Volgende" at once — while the map still
// moves to the position. Nothing may break in the page (issue 12: `_leaflet_pos` of undefined).

const { stack, phone } = reportFormSuite();

describe('the map step', () => {
  it('moves on right after GPS without a page error', async () => {
    const { page } = await phone({ geolocation: soest });
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(stack().baseUrl);
    await page.getByRole('radio', { name: 'Jeugdoverlast' }).check();
    await next(page);
    await expectStep(page, 'Waar?');
    // The map is there before GPS answers, so that GPS makes it pan and zoom.
    await page.getByRole('region', { name: /kaart/i }).waitFor();
    await page.getByRole('button', { name: 'Gebruik mijn locatie' }).click();
    await page.getByText(/Nauwkeurigheid: ongeveer 18 meter/).waitFor();
    await next(page);
    await expectStep(page, 'Wat is er aan de hand?');
    // Leaflet's animation frames and transitions end within a second; wait for a few frames past that.
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const until = performance.now() + 1000;
          const tick = () => (performance.now() > until ? resolve() : requestAnimationFrame(tick));
          requestAnimationFrame(tick);
        }),
    );
    expect(pageErrors).toEqual([]);
  });

  it('serves a favicon', async () => {
    const { page } = await phone();
    await page.goto(stack().baseUrl);
    await expectStep(page, 'Wat wilt u melden?');
    const href = await page.evaluate(() => document.querySelector('link[rel~="icon"]')?.getAttribute('href'));
    expect(href).toBeTruthy();
    const icon = await page.request.get(new URL(href ?? '', stack().baseUrl).toString());
    expect(icon.status()).toBe(200);
    // What browsers ask for without a link, too.
    const ico = await page.request.get(new URL('/favicon.ico', stack().baseUrl).toString());
    expect(ico.status()).toBe(200);
  });
});
