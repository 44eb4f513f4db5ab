import { afterEach, describe, expect, it } from 'vitest';
import { expectAccessible, expectStep, next } from './form-helpers.ts';
import { reportFormSuite } from './report-form-helpers.ts';

// When the map tiles and PDOK do not answer (bad connection, blocked host, PDOK down), the resident is
// told so in words, and still has a way forward (issue 12).

const { stack, phone } = reportFormSuite();

afterEach(() => stack().externals.setMode({ pdok: 'ok', tiles: 'ok' }));

describe('the location step without map and address search', () => {
  it('says that the map and the address search do not work, and keeps GPS first', async () => {
    stack().externals.setMode({ pdok: 'unavailable', tiles: 'unavailable' });
    const { page } = await phone();
    await page.goto(stack().baseUrl);
    await page.getByRole('radio', { name: 'Woonoverlast' }).check();
    await next(page);
    await expectStep(page, 'Waar?');

    await page.getByRole('alert').filter({ hasText: 'De kaart kan nu niet worden geladen' }).waitFor();
    await page.getByRole('combobox', { name: 'Zoek een adres' }).fill('Van Weede');
    await page.getByRole('alert').filter({ hasText: 'Het zoeken naar adressen lukt nu niet' }).waitFor();
    expect(stack().externals.pdokRequests('suggest').length).toBeGreaterThan(0);

    // "Gebruik mijn locatie" stays the first way offered.
    const firstControl = page.locator('.bs-location').getByRole('button').first();
    expect(await firstControl.textContent()).toBe('Gebruik mijn locatie');
    await expectAccessible(page, 'stap 2 zonder kaart en adres');
  });
});
