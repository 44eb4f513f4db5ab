import { findWijk, listWijken } from '@buurtsignaal/core';
import { afterEach, describe, expect, it } from 'vitest';
import { expectAccessible, expectStep, next } from './form-helpers.ts';
import { meldingByReference, readReference, reportFormSuite } from './report-form-helpers.ts';
import { browserLoginWithEnrolment, staffUser } from './staff-helpers.ts';

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

  it('finishes a melding with the wijk from a list and the place in words when nothing answers', async () => {
    // PDOK and the tile server hang: no answer, no error — the worst case for a resident.
    stack().externals.setMode({ pdok: 'hang', tiles: 'hang' });
    const wijk = [...listWijken()].sort((a, b) => a.naam.localeCompare(b.naam, 'nl'))[1];
    if (!wijk) throw new Error('core has no wijken');
    const { page } = await phone();
    await page.goto(stack().baseUrl);
    await page.getByRole('radio', { name: 'Jeugdoverlast' }).check();
    await next(page);
    await expectStep(page, 'Waar?');
    await page.getByRole('combobox', { name: 'Zoek een adres' }).fill('Steenhoff');
    // Both give up and say so, in words.
    await page.getByRole('alert').filter({ hasText: 'De kaart kan nu niet worden geladen' }).waitFor();
    await page.getByRole('alert').filter({ hasText: 'Het zoeken naar adressen lukt nu niet' }).waitFor();

    await page.getByRole('combobox', { name: 'Wijk' }).selectOption({ label: wijk.naam });
    // A wijk without words is not enough.
    await next(page);
    await page.getByRole('link', { name: /Beschrijf de plek/ }).waitFor();
    const words = 'bij het speelveld achter de Albert Heijn';
    await page.getByRole('textbox', { name: 'Beschrijving van de plek' }).fill(words);
    await page.getByText(`Ongeveer: wijk ${wijk.naam} — ‘${words}’`).waitFor();
    await expectAccessible(page, 'stap 2 met wijk en beschrijving');
    await next(page);

    await expectStep(page, 'Wat is er aan de hand?');
    const description = 'Elke avond een groep met scooters die over het gras rijdt.';
    await page.getByRole('textbox', { name: 'Omschrijving' }).fill(description);
    await next(page);
    await page.getByRole('radio', { name: 'Ik meld anoniem' }).check();
    await next(page);
    await expectStep(page, 'Controleren en versturen');
    await page.locator('.bs-summary').getByText(`Ongeveer: wijk ${wijk.naam}`, { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Versturen' }).click();

    const melding = await meldingByReference(stack(), await readReference(page));
    expect(melding).toMatchObject({ description, locationDescription: words, wijkCode: wijk.code });
    if (!melding) return;
    // An approximate location: inside the chosen wijk, with an accuracy the size of a wijk.
    expect(findWijk(melding.lat, melding.lng)?.code).toBe(wijk.code);
    expect(melding.accuracy).toBeGreaterThanOrEqual(250);

    // Staff see it as approximate, with the resident's words — not "Geen adres opgegeven".
    await staffUser(stack(), 'coordinator@soest.test', 'coordinator', []);
    await browserLoginWithEnrolment(page, stack(), 'coordinator@soest.test');
    await page.goto(`${stack().baseUrl}/balie/meldingen/${melding.id}`);
    await page.getByText(`Ongeveer: wijk ${wijk.naam} — ‘${words}’`).waitFor();
    expect(await page.getByText('Geen adres opgegeven').count()).toBe(0);
  }, 60_000);
});
