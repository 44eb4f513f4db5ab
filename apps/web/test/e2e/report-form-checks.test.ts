import { describe, expect, it } from 'vitest';
import { chooseAddress, expectAccessible, expectStep, next, phonePhoto } from './form-helpers.ts';
import { amersfoort, fillAnonymousReport, reportFormSuite, vanWeede } from './report-form-helpers.ts';

// The form's checks and its memory: a spot outside Soest, a refusal of the server, a reload mid-way.

const { stack, phone } = reportFormSuite();

describe('the report form checks and keeps what the resident entered', () => {
  it('refuses a spot outside the municipality before submitting', async () => {
    const { page } = await phone({ geolocation: amersfoort });
    await page.goto(stack().baseUrl);
    await page.getByRole('radio', { name: 'Verdachte situatie' }).check();
    await next(page);
    await expectStep(page, 'Waar?');
    await page.getByRole('button', { name: 'Gebruik mijn locatie' }).click();
    await page.getByRole('alert').filter({ hasText: 'buiten de gemeente Soest' }).waitFor();
    await next(page);
    // Still on step 2, with the error summary.
    await expectStep(page, 'Waar?');
    await page.getByRole('heading', { name: 'Er ging iets mis' }).waitFor();
    await expectAccessible(page, 'stap 2 met fout');
  });

  it('keeps the draft through a reload in the middle of the form', async () => {
    const { page } = await phone();
    await page.goto(stack().baseUrl);
    await page.getByRole('radio', { name: 'Jeugdoverlast' }).check();
    await next(page);
    await chooseAddress(page, 'Steenhoffstraat 10', 'Steenhoffstraat 10, 3764BH Soest');
    await next(page);
    const description = 'Jongeren gooien stenen naar de lantaarnpalen bij de Steenhoffstraat.';
    await page.getByRole('textbox', { name: 'Omschrijving' }).fill(description);
    await page
      .getByLabel('Foto’s kiezen')
      .setInputFiles({ name: 'IMG_2042.jpg', mimeType: 'image/jpeg', buffer: await phonePhoto() });
    await page.getByRole('img', { name: 'Foto 1 van 1' }).waitFor();
    // Reload once the debounced draft writer has stored the text and the photo (idb-keyval's store),
    // as a resident who switches apps after a moment would.
    await expect
      .poll(() =>
        page.evaluate(
          () =>
            new Promise<string>((resolve) => {
              const open = indexedDB.open('keyval-store');
              open.onerror = () => resolve('');
              open.onsuccess = () => {
                const db = open.result;
                if (!db.objectStoreNames.contains('keyval')) return resolve('');
                const get = db.transaction('keyval').objectStore('keyval').get('buurtsignaal:draft');
                get.onerror = () => resolve('');
                get.onsuccess = () => {
                  const d = get.result as { description?: string; photos?: unknown[] } | undefined;
                  resolve(`${d?.description ?? ''}|${d?.photos?.length ?? 0}`);
                };
              };
            }),
        ),
      )
      .toBe(`${description}|1`);

    await page.reload();
    const resume = page.getByRole('button', { name: 'Verder met deze melding' });
    if (await resume.isVisible().catch(() => false)) await resume.click();
    await expectStep(page, 'Wat is er aan de hand?');
    await expect(page.getByRole('textbox', { name: 'Omschrijving' }).inputValue()).resolves.toBe(description);
    // The photo survived too (kept as a blob in IndexedDB).
    await page.getByRole('img', { name: 'Foto 1 van 1' }).waitFor();
    await page.getByRole('button', { name: 'Vorige' }).click();
    await expectStep(page, 'Waar?');
    await page.getByText('Adres: Steenhoffstraat 10, 3764BH Soest').waitFor();
  });

  it('shows a refusal of the server at the field it names, and in the error summary', async () => {
    const { page } = await phone();
    const refusal = 'De omschrijving bevat een telefoonnummer; laat dat weg.';
    await page.route('**/api/v1/meldingen', (route) =>
      route.fulfill({
        status: 422,
        contentType: 'application/json',
        body: JSON.stringify({
          statusCode: 422,
          code: 'VALIDATION_ERROR',
          error: 'Unprocessable Entity',
          message: refusal,
          details: [{ field: 'description', message: refusal }],
        }),
      }),
    );
    await page.goto(stack().baseUrl);
    await fillAnonymousReport(page, {
      category: 'Woonoverlast',
      address: vanWeede,
      description: 'Bel mij op 06-12345678 over de overlast.',
    });
    await page.getByRole('button', { name: 'Versturen' }).click();

    // Back on the step with the field, the summary links to it, the field says why.
    await expectStep(page, 'Wat is er aan de hand?');
    await page.getByRole('heading', { name: 'Er ging iets mis' }).waitFor();
    const link = page.getByRole('link', { name: refusal });
    expect(await link.getAttribute('href')).toBe('#description');
    expect(await page.getByRole('textbox', { name: 'Omschrijving' }).getAttribute('aria-invalid')).toBe(
      'true',
    );
    await link.click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('description');
    await expectAccessible(page, 'stap 3 met fout van de server');
  });
});
