import { markWorkStuck } from '@buurtsignaal/db/tables/stuck-jobs-repository';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { insertHotspotMelding } from '../../../api/test/support/hotspots-helpers.ts';
import { insertMelding } from '../../../worker/test/support/helpers.ts';
import type { Browser } from './browser.ts';
import { browserSuite } from './browser-suite.ts';
import { expectAccessible } from './form-helpers.ts';
import { expectNoTrap, expectSkipLink, focused, navigateByKeyboard, tabTo } from './keyboard-helpers.ts';
import type { E2eStack } from './stack.ts';
import { browserLoginWithEnrolment, meldingOnQueue, staffUser } from './staff-helpers.ts';

// Every screen of the console with the keyboard only (Tab, Shift+Tab, Enter, Space, arrow keys), as the
// law asks of a government site (WCAG 2.1 AA): the skip link works, every primary control is reached
// with its focus drawn, nothing traps the focus, and axe finds no violation of WCAG 2.0/2.1 A and AA.
// The melding detail's actions (claim, status change) and the map's table are used, not only reached.

let stack: E2eStack;
let browser: Browser;
browserSuite({ desktop: true, stepTimeoutMs: 15_000 }, (s, b) => {
  stack = s;
  browser = b;
});

let reference = '';
let stuckReference = '';

beforeAll(async () => {
  reference = (await meldingOnQueue(stack)).reference;
  const db = stack.database.client.db;
  // Something on the map (and so in its table), and one job stuck for good for the admin's screen.
  await insertHotspotMelding(db, {
    lat: 52.1733,
    lng: 5.2917,
    occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
  });
  const stuck = await insertMelding(db, { withOutbox: false });
  stuckReference = stuck.reference;
  await markWorkStuck(
    db,
    {
      workKey: `routing-${stuck.statusEventId}`,
      kind: 'routing',
      meldingId: stuck.meldingId,
      statusEventId: stuck.statusEventId,
    },
    { at: new Date(), error: 'job stalled more than allowable limit' },
  );
  await staffUser(stack, 'beheer@soest.test', 'admin', ['boa-team']);
  await browser.page.setViewportSize({ width: 1280, height: 900 });
  await browserLoginWithEnrolment(browser.page, stack, 'beheer@soest.test');
}, 120_000);

/** Tabs through the controls in the order given (each reached, drawn, on screen). */
async function reachAll(page: Page, where: string, controls: RegExp[]): Promise<void> {
  for (const control of controls) await tabTo(page, control, { where, max: 400 });
}

/** The checks every screen gets once its content is there. */
async function checkScreen(page: Page, where: string, controls: RegExp[]): Promise<void> {
  await page.waitForLoadState('networkidle');
  await expectSkipLink(page, where);
  await reachAll(page, where, controls);
  await expectAccessible(page, where);
  await expectNoTrap(page, where);
}

/** The screens of the navigation: link, heading, and their primary controls in tab order. */
const screens: { link: string; heading: RegExp; controls: RegExp[] }[] = [
  {
    link: 'Kaart',
    heading: /^Kaart/,
    controls: [/^Onderwerp$/, /^Periode$/, /^Wijkgrenzen tonen$/, /^Inzoomen$/, /^Uitzoomen$/],
  },
  {
    link: 'Indeelregels',
    heading: /^Indeelregels$/,
    controls: [/^Bewerken: /, /^Naam$/, /^Team$/, /^Proberen op de laatste 30 dagen$/, /^Regel opslaan$/],
  },
  {
    link: 'Roosters',
    heading: /^Roosters$/,
    controls: [
      /^Team$/,
      /^Vorige week$/,
      /^Volgende week$/,
      /^Patroon opslaan$/,
      /^Inlezen$/,
      /^Escalatie opslaan$/,
    ],
  },
  { link: 'Mijn diensten', heading: /^Mijn diensten$/, controls: [/^Agenda-link maken$/] },
  {
    link: 'Weekoverzicht',
    heading: /^Weekoverzicht/,
    controls: [/^Week$/, /^Vorige week$/, /^Deze week tot nu$/, /^Exporteer CSV$/],
  },
  {
    link: 'Roosteradvies',
    heading: /^Roosteradvies/,
    controls: [/^Team$/, /^Week$/, /^Afdrukken$/, /^Download CSV$/],
  },
  {
    link: 'Hotspotregels',
    heading: /^Hotspotregels$/,
    controls: [/^Naam$/, /^Minimum aantal meldingen$/, /^Regel opslaan$/],
  },
  {
    link: 'Standaardteksten',
    heading: /^Standaardteksten$/,
    controls: [/^Titel$/, /^Tekst aan de melder$/, /^Standaardtekst opslaan$/],
  },
  {
    link: 'Gebruikers',
    heading: /^Gebruikers$/,
    controls: [/^E-mailadres$/, /^Eerste wachtwoord$/, /^Gebruiker aanmaken$/],
  },
  { link: 'Gebieden', heading: /^Gebieden$/, controls: [/^CBS-gemeentecode$/, /^Inlezen$/] },
  { link: 'Vastgelopen taken', heading: /^Vastgelopen taken$/, controls: [/^Opnieuw proberen: /] },
];

describe('the staff console by keyboard only', () => {
  it('the queue, and a melding claimed and closed from its detail page', async () => {
    const { page } = browser;
    await navigateByKeyboard(page, 'Wachtrij', /^Wachtrij$/);
    await checkScreen(page, 'queue', [/^Team$/, /^Status$/, /^Onderwerp$/, /^Vernieuwen$/]);

    // Into the melding from its line in the queue.
    await expectSkipLink(page, 'queue');
    await tabTo(page, new RegExp(`^${reference}`), { where: 'queue', max: 100 });
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: `Melding ${reference}` }).waitFor();
    await checkScreen(page, 'melding detail', [/^Terug naar de wachtrij$/, /^Oppakken$/]);

    // Claim: Enter on "Oppakken".
    await expectSkipLink(page, 'melding detail');
    await tabTo(page, /^Oppakken$/, { where: 'melding detail' });
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'U heeft de melding opgepakt.' }).waitFor();

    // Change the status: arrow keys in the radio group, type the message, Enter on "Status opslaan".
    await expectSkipLink(page, 'melding detail (claimed)');
    await tabTo(page, (f) => f.type === 'radio', { where: 'melding detail (claimed)', max: 200 });
    for (let i = 0; i < 10 && (await focused(page)).name !== 'Afgehandeld'; i++) {
      await page.keyboard.press('ArrowDown');
    }
    expect((await focused(page)).name).toBe('Afgehandeld');
    await expect.poll(() => page.getByRole('radio', { name: 'Afgehandeld' }).isChecked()).toBe(true);
    await tabTo(page, /^Bericht aan de melder/, { where: 'status change' });
    await page.keyboard.type('Een boa is langs geweest en heeft de jongeren aangesproken.');
    await tabTo(page, /^Status opslaan$/, { where: 'status change' });
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'De status is gewijzigd in Afgehandeld.' }).waitFor();
    await checkScreen(page, 'melding detail (closed)', [/^Terug naar de wachtrij$/]);
  });

  it('the map through its table: a cell opened and closed with the keyboard', async () => {
    const { page } = browser;
    await navigateByKeyboard(page, 'Kaart', /^Kaart/);
    await page.locator('.bs-hotspot-table tbody tr').first().waitFor();
    await page.waitForLoadState('networkidle');
    await expectSkipLink(page, 'map');
    await tabTo(page, /^Details van vak /, { where: 'map table', max: 200 });
    await page.keyboard.press('Enter');
    await page.locator('.bs-cell-panel').getByRole('heading', { level: 2, name: /^Vak / }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('cell-panel-heading');
    await page.getByText(/\d+ (melding|meldingen) in de gekozen periode/).waitFor();
    await page.waitForLoadState('networkidle');
    await expectAccessible(page, 'map with the cell panel');
    await tabTo(page, /^Sluiten/, { where: 'cell panel' });
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.bs-cell-panel').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('hotspot-table-heading');
    await expectNoTrap(page, 'map');
  });

  for (const screen of screens) {
    it(`${screen.link}: skip link, every primary control, no trap, axe clean`, async () => {
      const { page } = browser;
      await navigateByKeyboard(page, screen.link, screen.heading);
      if (screen.link === 'Vastgelopen taken') await page.getByText(stuckReference).waitFor();
      await checkScreen(page, screen.link, screen.controls);
    });
  }
});
