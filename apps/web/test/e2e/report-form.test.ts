import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { schema } from '@buurtsignaal/db';
import { waitUntil } from '@buurtsignaal/testkit';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, launchPhone, screenshotDir } from './browser.ts';
import { chooseAddress, expectAccessible, expectStep, next, phonePhoto, tabTo } from './form-helpers.ts';
import { type E2eStack, startE2eStack } from './stack.ts';

const soest = { latitude: 52.1733, longitude: 5.2917, accuracy: 18 };
const amersfoort = { latitude: 52.1535, longitude: 5.3735, accuracy: 18 };

let stack: E2eStack;
let browser: Browser | undefined;

beforeAll(async () => {
  stack = await startE2eStack();
  mkdirSync(screenshotDir, { recursive: true });
}, 120_000);
afterEach(async () => {
  await browser?.close();
  browser = undefined;
});
afterAll(async () => {
  await stack?.close();
});

const meldingByReference = async (reference: string) =>
  (
    await stack.database.client.db
      .select()
      .from(schema.meldingen)
      .where(eq(schema.meldingen.reference, reference))
  )[0];

async function readReference(page: Browser['page']): Promise<string> {
  await expectStep(page, 'Bedankt, uw melding is ontvangen');
  const reference = (await page.getByTestId('reference').textContent())?.trim() ?? '';
  expect(reference).toMatch(/^SOE-\d{4}-\d{6}$/);
  return reference;
}

describe('the report form on a phone', () => {
  it('a full report with GPS and a photo reaches the database and the melder’s inbox', async () => {
    browser = await launchPhone({ geolocation: soest });
    const { page } = browser;
    await page.goto(stack.baseUrl);

    await expectStep(page, 'Wat wilt u melden?');
    await expectAccessible(page, 'stap 1');
    await page.screenshot({ path: join(screenshotDir, '1-wat.png'), fullPage: true });
    await page.getByRole('radio', { name: 'Jeugdoverlast' }).check();
    await next(page);

    await expectStep(page, 'Waar?');
    await page.getByRole('button', { name: 'Gebruik mijn locatie' }).click();
    await page.getByText(/Nauwkeurigheid: ongeveer 18 meter/).waitFor();
    // The reverse lookup of the fake PDOK names the nearest address.
    await page
      .getByText(/Steenhoffstraat 46/)
      .first()
      .waitFor();
    await expectAccessible(page, 'stap 2');
    await page.screenshot({ path: join(screenshotDir, '2-waar.png'), fullPage: true });
    await next(page);

    await expectStep(page, 'Wat is er aan de hand?');
    await page.getByRole('radio', { name: 'Geluidsoverlast' }).check();
    await page.getByRole('textbox', { name: /Om hoeveel personen/ }).fill('6');
    await page
      .getByRole('textbox', { name: 'Omschrijving' })
      .fill('Groep jongeren met harde muziek en scooters bij het speelveld.');
    await page
      .getByLabel('Foto’s kiezen')
      .setInputFiles({ name: 'IMG_2041.jpg', mimeType: 'image/jpeg', buffer: await phonePhoto() });
    await page.getByRole('img', { name: 'Foto 1 van 1' }).waitFor();
    await expectAccessible(page, 'stap 3');
    await page.screenshot({ path: join(screenshotDir, '3-wat-is-er.png'), fullPage: true });
    await next(page);

    await expectStep(page, 'Contact');
    await page.getByRole('radio', { name: 'Ik laat mijn gegevens achter' }).check();
    await page.getByRole('textbox', { name: 'E-mailadres' }).fill('bewoner@example.nl');
    await page.getByRole('checkbox', { name: 'Houd mij op de hoogte' }).check();
    await expectAccessible(page, 'stap 4');
    await page.screenshot({ path: join(screenshotDir, '4-contact.png'), fullPage: true });
    await next(page);

    await expectStep(page, 'Controleren en versturen');
    await page.getByRole('img', { name: 'Foto 1 van 1' }).waitFor();
    await expectAccessible(page, 'stap 5');
    await page.screenshot({ path: join(screenshotDir, '5-controleren.png'), fullPage: true });
    await page.getByRole('button', { name: 'Versturen' }).click();

    const reference = await readReference(page);
    await expectAccessible(page, 'bevestiging');
    await page.screenshot({ path: join(screenshotDir, '6-bevestiging.png'), fullPage: true });
    const statusLink = (await page.getByTestId('status-link').getAttribute('href')) ?? '';
    expect(statusLink).toMatch(/\/m\/[\w-]{40,}$/);

    // Stored with its photo, re-encoded without the phone's GPS.
    const melding = await meldingByReference(reference);
    expect(melding).toMatchObject({
      category: 'jeugdoverlast',
      subcategory: 'geluid',
      wijkCode: expect.any(String),
    });
    expect(melding?.accuracy).toBe(18);
    const photos = await stack.database.client.db
      .select()
      .from(schema.attachments)
      .where(eq(schema.attachments.meldingId, melding?.id ?? ''));
    expect(photos).toHaveLength(1);
    const file = join(stack.photosDir, photos[0]?.storageKey ?? 'none');
    expect(existsSync(file)).toBe(true);
    expect((await sharp(readFileSync(file)).metadata()).exif).toBeUndefined();

    // The confirmation reaches the SMTP server, with the same status link.
    const mail = await waitUntil(
      () => stack.sink.received.find((m) => m.parsed.subject?.includes(reference)),
      {
        what: 'the confirmation mail',
      },
    );
    expect(mail.envelopeTo).toEqual(['bewoner@example.nl']);
    expect(mail.parsed.text).toContain(statusLink);

    // The link works, also after a reload of the confirmation.
    await page.reload();
    expect((await page.getByTestId('reference').textContent())?.trim()).toBe(reference);
  });

  it('an anonymous report by address search alone, with the keyboard only', async () => {
    browser = await launchPhone();
    const { page } = browser;
    const before = stack.externals.pdokRequests('lookup').length;
    await page.goto(stack.baseUrl);
    await expectStep(page, 'Wat wilt u melden?');

    // Into the radio group, then the arrow keys choose, as with any native radio group.
    await tabTo(page, 'Jeugdoverlast');
    await page.keyboard.press('ArrowDown');
    expect(await page.getByRole('radio', { name: 'Woonoverlast' }).isChecked()).toBe(true);
    await tabTo(page, 'Volgende');
    await page.keyboard.press('Enter');

    await expectStep(page, 'Waar?');
    await tabTo(page, 'Zoek een adres');
    await page.keyboard.type('Van Weede');
    await page.getByRole('option', { name: 'Van Weedestraat 1, 3761CA Soest' }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByText('Adres: Van Weedestraat 1, 3761CA Soest').waitFor();
    await tabTo(page, 'Volgende');
    await page.keyboard.press('Enter');

    await expectStep(page, 'Wat is er aan de hand?');
    await tabTo(page, 'Omschrijving');
    await page.keyboard.type('Al weken harde bonkende muziek uit de bovenwoning, elke nacht tot drie uur.');
    await tabTo(page, 'Volgende');
    await page.keyboard.press('Enter');

    await expectStep(page, 'Contact');
    await tabTo(page, /^Ik (meld anoniem|laat mijn gegevens achter)$/);
    await page.keyboard.press('Space');
    if (!(await page.getByRole('radio', { name: 'Ik meld anoniem' }).isChecked()))
      await page.keyboard.press('ArrowUp');
    expect(await page.getByRole('radio', { name: 'Ik meld anoniem' }).isChecked()).toBe(true);
    await tabTo(page, 'Volgende');
    await page.keyboard.press('Enter');

    await expectStep(page, 'Controleren en versturen');
    await tabTo(page, 'Versturen');
    await page.keyboard.press('Enter');

    const reference = await readReference(page);
    const melding = await meldingByReference(reference);
    expect(melding).toMatchObject({
      category: 'woonoverlast',
      addressText: 'Van Weedestraat 1, 3761CA Soest',
    });
    // The spot is the one PDOK's lookup gave for the chosen address.
    expect(melding?.lat).toBeCloseTo(52.1745, 4);
    expect(melding?.lng).toBeCloseTo(5.2988, 4);
    expect(
      stack.externals.pdokRequests('suggest').some((r) => String(r.query.q).startsWith('Van Weede')),
    ).toBe(true);
    expect(stack.externals.pdokRequests('lookup').length).toBeGreaterThan(before);
    // Anonymous: no contact data stored, and no mail.
    const melders = await stack.database.client.db
      .select()
      .from(schema.melders)
      .where(eq(schema.melders.meldingId, melding?.id ?? ''));
    expect(melders).toEqual([]);
    // The status link is there for an anonymous melder too.
    expect(await page.getByTestId('status-link').getAttribute('href')).toMatch(/\/m\//);
  });

  it('refuses a spot outside the municipality before submitting', async () => {
    browser = await launchPhone({ geolocation: amersfoort });
    const { page } = browser;
    await page.goto(stack.baseUrl);
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
    browser = await launchPhone();
    const { page } = browser;
    await page.goto(stack.baseUrl);
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
    browser = await launchPhone();
    const { page } = browser;
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
    await page.goto(stack.baseUrl);
    await page.getByRole('radio', { name: 'Woonoverlast' }).check();
    await next(page);
    await chooseAddress(page, 'Van Weede', 'Van Weedestraat 1, 3761CA Soest');
    await next(page);
    await page
      .getByRole('textbox', { name: 'Omschrijving' })
      .fill('Bel mij op 06-12345678 over de overlast.');
    await next(page);
    await page.getByRole('radio', { name: 'Ik meld anoniem' }).check();
    await next(page);
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

  it('a network failure on submit, a rate limit, then success, gives exactly one melding', async () => {
    browser = await launchPhone();
    const { page } = browser;
    const description = `Verdachte auto rijdt rondjes door de wijk, kenmerk ${Date.now()}.`;
    let attempts = 0;
    const keys: string[] = [];
    await page.route('**/api/v1/meldingen', async (route) => {
      attempts++;
      keys.push(route.request().headers()['idempotency-key'] ?? '');
      if (attempts === 1) {
        // The server takes the melding, but the answer never reaches the phone.
        await route.fetch();
        await route.abort('connectionreset');
        return;
      }
      if (attempts === 2) {
        // Then the rate limit answers: the form waits as asked and tries once more.
        await route.fulfill({
          status: 429,
          contentType: 'application/json',
          headers: { 'retry-after': '1' },
          body: JSON.stringify({
            statusCode: 429,
            code: 'RATE_LIMITED',
            error: 'Too Many Requests',
            message: 'Even wachten.',
          }),
        });
        return;
      }
      await route.continue();
    });
    await page.goto(stack.baseUrl);
    await page.getByRole('radio', { name: 'Verdachte situatie' }).check();
    await next(page);
    await chooseAddress(page, 'Rademakerstraat', 'Rademakerstraat 2, 3769BD Soesterberg');
    await next(page);
    await page
      .getByRole('group', { name: /Is het nu aan de gang/ })
      .getByRole('radio', { name: 'Nee' })
      .check();
    await page.getByRole('textbox', { name: 'Omschrijving' }).fill(description);
    await next(page);
    await page.getByRole('radio', { name: 'Ik meld anoniem' }).check();
    await next(page);
    await page.getByRole('button', { name: 'Versturen' }).click();

    const reference = await readReference(page);
    expect(attempts).toBe(3);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).not.toBe('');
    const rows = await stack.database.client.db
      .select()
      .from(schema.meldingen)
      .where(eq(schema.meldingen.description, description));
    expect(rows.map((r) => r.reference)).toEqual([reference]);
  });

  it('when the API does not know whether the melding was stored (503), the form says nothing untrue and its retry settles it', async () => {
    browser = await launchPhone();
    const { page } = browser;
    const description = `Scooters racen over het fietspad, uitkomst onbekend ${Date.now()}.`;
    let attempts = 0;
    const keys: string[] = [];
    await page.route('**/api/v1/meldingen', async (route) => {
      attempts++;
      keys.push(route.request().headers()['idempotency-key'] ?? '');
      if (attempts > 1) return route.continue();
      // The server stores the melding, but answers as it does when the connection died at commit.
      await route.fetch();
      await route.fulfill({
        status: 503,
        contentType: 'application/json',
        headers: { 'retry-after': '1' },
        body: JSON.stringify({
          statusCode: 503,
          code: 'INTAKE_OUTCOME_UNKNOWN',
          error: 'Service Unavailable',
          message: 'We weten daardoor niet zeker of uw melding is opgeslagen.',
        }),
      });
    });
    await page.goto(stack.baseUrl);
    await page.getByRole('radio', { name: 'Jeugdoverlast' }).check();
    await next(page);
    await chooseAddress(page, 'Van Weede', 'Van Weedestraat 1, 3761CA Soest');
    await next(page);
    await page.getByRole('textbox', { name: 'Omschrijving' }).fill(description);
    await next(page);
    await page.getByRole('radio', { name: 'Ik meld anoniem' }).check();
    await next(page);
    await page.getByRole('button', { name: 'Versturen' }).click();
    // While it waits to try again, the form says so — and not that the melding was lost.
    const status = page.getByTestId('submit-status');
    await status.getByText(/opnieuw/).waitFor();
    expect(await status.textContent()).not.toMatch(/niet opgeslagen|niet verstuurd|mislukt/);

    const reference = await readReference(page);
    expect(attempts).toBe(2);
    expect(new Set(keys).size).toBe(1);
    const rows = await stack.database.client.db
      .select()
      .from(schema.meldingen)
      .where(eq(schema.meldingen.description, description));
    expect(rows.map((r) => r.reference)).toEqual([reference]);
  });

  it('offline, the form says so and sends as soon as the phone is online again', async () => {
    browser = await launchPhone();
    const { page, context } = browser;
    const description = `Vernielingen bij het bushokje aan de Van Weedestraat, ${Date.now()}.`;
    await page.goto(stack.baseUrl);
    await page.getByRole('radio', { name: 'Jeugdoverlast' }).check();
    await next(page);
    await chooseAddress(page, 'Van Weede', 'Van Weedestraat 1, 3761CA Soest');
    await next(page);
    await page.getByRole('textbox', { name: 'Omschrijving' }).fill(description);
    await next(page);
    await page.getByRole('radio', { name: 'Ik meld anoniem' }).check();
    await next(page);
    await context.setOffline(true);
    await page.getByRole('button', { name: 'Versturen' }).click();
    await page
      .getByTestId('submit-status')
      .getByText(/U bent offline/)
      .waitFor();
    const stored = await stack.database.client.db
      .select()
      .from(schema.meldingen)
      .where(eq(schema.meldingen.description, description));
    expect(stored).toEqual([]);

    await context.setOffline(false);
    const reference = await readReference(page);
    expect((await meldingByReference(reference))?.description).toBe(description);
  });
});
