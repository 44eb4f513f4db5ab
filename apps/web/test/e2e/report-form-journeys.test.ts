import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { schema } from '@buurtsignaal/db';
import { waitUntil } from '@buurtsignaal/testkit';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { screenshotDir } from './browser.ts';
import { expectAccessible, expectStep, next, phonePhoto, tabTo } from './form-helpers.ts';
import { meldingByReference, readReference, reportFormSuite, soest } from './report-form-helpers.ts';

// The two whole journeys through the report form: by GPS with a photo and contact data, and anonymous
// by address search with the keyboard only.

const { stack, phone } = reportFormSuite();

describe('the report form on a phone', () => {
  it('a full report with GPS and a photo reaches the database and the melder’s inbox', async () => {
    const { page } = await phone({ geolocation: soest });
    await page.goto(stack().baseUrl);

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
    const melding = await meldingByReference(stack(), reference);
    expect(melding).toMatchObject({
      category: 'jeugdoverlast',
      subcategory: 'geluid',
      wijkCode: expect.any(String),
    });
    expect(melding?.accuracy).toBe(18);
    const photos = await stack()
      .database.client.db.select()
      .from(schema.attachments)
      .where(eq(schema.attachments.meldingId, melding?.id ?? ''));
    expect(photos).toHaveLength(1);
    const file = join(stack().photosDir, photos[0]?.storageKey ?? 'none');
    expect(existsSync(file)).toBe(true);
    expect((await sharp(readFileSync(file)).metadata()).exif).toBeUndefined();

    // The confirmation reaches the SMTP server, with the same status link.
    const mail = await waitUntil(
      () => stack().sink.received.find((m) => m.parsed.subject?.includes(reference)),
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
    const { page } = await phone();
    const before = stack().externals.pdokRequests('lookup').length;
    await page.goto(stack().baseUrl);
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
    const melding = await meldingByReference(stack(), reference);
    expect(melding).toMatchObject({
      category: 'woonoverlast',
      addressText: 'Van Weedestraat 1, 3761CA Soest',
    });
    // The spot is the one PDOK's lookup gave for the chosen address.
    expect(melding?.lat).toBeCloseTo(52.1745, 4);
    expect(melding?.lng).toBeCloseTo(5.2988, 4);
    expect(
      stack()
        .externals.pdokRequests('suggest')
        .some((r) => String(r.query.q).startsWith('Van Weede')),
    ).toBe(true);
    expect(stack().externals.pdokRequests('lookup').length).toBeGreaterThan(before);
    // Anonymous: no contact data stored, and no mail.
    const melders = await stack()
      .database.client.db.select()
      .from(schema.melders)
      .where(eq(schema.melders.meldingId, melding?.id ?? ''));
    expect(melders).toEqual([]);
    // The status link is there for an anonymous melder too.
    expect(await page.getByTestId('status-link').getAttribute('href')).toMatch(/\/m\//);
  });
});
