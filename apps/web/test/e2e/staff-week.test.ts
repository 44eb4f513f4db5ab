import { amsterdamInstant, amsterdamParts, type LocalDate } from '@buurtsignaal/core/sla';
import { schema } from '@buurtsignaal/db';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { insertHotspotMelding } from '../../../api/test/support/hotspots-helpers.ts';
import type { Browser } from './browser.ts';
import { browserSuite } from './browser-suite.ts';
import { expectAccessible } from './form-helpers.ts';
import type { E2eStack } from './stack.ts';
import { browserLoginWithEnrolment, staffUser } from './staff-helpers.ts';

// The weekly overview for the veiligheidsoverleg: the numbers per category with the change against the
// 4 weeks before (in words), open meldingen past their deadline, a melding flagged as notable from its
// detail page, the CSV links, and a print version without the navigation.

let stack: E2eStack;
let browser: Browser;
browserSuite({ desktop: true, stepTimeoutMs: 15_000 }, (s, b) => {
  stack = s;
  browser = b;
});
let lastWeekKey = '';
let lateReference = '';
let flagged = { id: '', reference: '' };

const HOT = { lat: 52.1733, lng: 5.2917 };

/** The Monday of the current ISO week (Amsterdam), moved `weeks` weeks back. */
function monday(weeksBack: number): LocalDate {
  const today = amsterdamParts(new Date());
  const d = new Date(Date.UTC(today.year, today.month - 1, today.day, 12));
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() || 7) - 1) - 7 * weeksBack);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

function plusDays(day: LocalDate, n: number): LocalDate {
  const d = new Date(Date.UTC(day.year, day.month - 1, day.day + n, 12));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

function isoWeekKey(day: LocalDate): string {
  const d = new Date(Date.UTC(day.year, day.month - 1, day.day));
  d.setUTCDate(d.getUTCDate() + 4 - (d.getUTCDay() || 7));
  const week = Math.ceil(((d.getTime() - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86_400_000 + 1) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

const at = (day: LocalDate, hour: number): string => amsterdamInstant(day, hour).toISOString();

beforeAll(async () => {
  await browser.page.setViewportSize({ width: 1280, height: 900 });
  const db = stack.database.client.db;
  const last = monday(1);
  lastWeekKey = isoWeekKey(last);
  // Last full week: 3 jeugdoverlast (Tuesday to Thursday evening) and 1 woonoverlast.
  for (const n of [1, 2, 3]) {
    const createdAt = at(plusDays(last, n), 21);
    await insertHotspotMelding(db, { ...HOT, createdAt, occurredAt: createdAt });
  }
  const late = await insertHotspotMelding(db, {
    ...HOT,
    category: 'woonoverlast',
    subcategory: 'geluid',
    createdAt: at(plusDays(last, 0), 10),
    occurredAt: null,
  });
  // Its afhandeltermijn passed on the Wednesday of last week and it is still open.
  await db
    .update(schema.meldingen)
    .set({ deadlineAt: new Date(at(plusDays(last, 2), 17)) })
    .where(eq(schema.meldingen.id, late.id));
  lateReference = late.reference;
  // The 4 weeks before: 1 jeugdoverlast each (average 1), 2 woonoverlast in all (average 0,5).
  for (const w of [2, 3, 4, 5]) {
    const createdAt = at(plusDays(monday(w), 3), 20);
    await insertHotspotMelding(db, { ...HOT, createdAt, occurredAt: createdAt });
  }
  for (const w of [2, 4]) {
    const createdAt = at(plusDays(monday(w), 4), 12);
    await insertHotspotMelding(db, {
      ...HOT,
      category: 'woonoverlast',
      subcategory: 'geluid',
      createdAt,
      occurredAt: createdAt,
      status: 'afgehandeld',
    });
  }
  flagged = await insertHotspotMelding(db, { ...HOT, createdAt: new Date().toISOString() });
}, 120_000);

describe('the weekly overview (/balie/week)', () => {
  it('shows last week with the change in words, prints without navigation and links the CSV exports', async () => {
    const { page } = browser;
    await staffUser(stack, 'coordinator@soest.test', 'coordinator', []);
    await browserLoginWithEnrolment(page, stack, 'coordinator@soest.test');

    // Flag a melding as notable from its detail page.
    await page.goto(`${stack.baseUrl}/balie/meldingen/${flagged.id}`);
    await page.getByRole('heading', { level: 1, name: `Melding ${flagged.reference}` }).waitFor();
    await page.getByRole('button', { name: 'Markeer als opvallend' }).click();
    await page.getByText('Vul de reden in.').first().waitFor();
    // The detail page also has "opnieuw indelen" with a Reden: the notable form's own field.
    await page
      .getByRole('form', { name: 'Opvallend voor het veiligheidsoverleg' })
      .getByLabel('Reden', { exact: true })
      .fill('Derde keer deze maand bij de school');
    await page.getByRole('button', { name: 'Markeer als opvallend' }).click();
    await page.getByRole('status').filter({ hasText: 'De melding is gemarkeerd als opvallend.' }).waitFor();
    await page.getByText('Gemarkeerd als opvallend: Derde keer deze maand bij de school').waitFor();

    // Default: the last full week.
    await page.getByRole('link', { name: 'Weekoverzicht' }).click();
    const [year, week] = lastWeekKey.split('-W');
    await page
      .getByRole('heading', { level: 1, name: `Weekoverzicht week ${Number(week)} (${year})` })
      .waitFor();
    await expect
      .poll(() => page.getByLabel('Week', { exact: true }).inputValue(), { timeout: 10_000 })
      .toBe(lastWeekKey);

    const categories = page.getByRole('table', { name: 'Meldingen per onderwerp' });
    await expect
      .poll(() => categories.getByRole('row', { name: /^Jeugdoverlast/ }).textContent(), { timeout: 10_000 })
      .toBe('Jeugdoverlast31▲ 2 meer (+200%)');
    await expect
      .poll(() => categories.getByRole('row', { name: /^Woonoverlast/ }).textContent(), { timeout: 10_000 })
      .toBe('Woonoverlast10,5▲ 0,5 meer (+100%)');
    await expect
      .poll(() => categories.getByRole('row', { name: /^Verdachte situatie/ }).textContent(), {
        timeout: 10_000,
      })
      .toBe('Verdachte situatie00= gelijk');
    await expect
      .poll(() => categories.getByRole('row', { name: /^Totaal/ }).textContent(), { timeout: 10_000 })
      .toBe('Totaal41,5▲ 2,5 meer (+166,7%)');
    await page.getByText('4 meldingen deze week').waitFor();
    // The wijk table holds the same meldingen.
    const wijken = page.getByRole('table', { name: 'Meldingen per wijk' });
    await expect.poll(() => wijken.locator('tbody tr').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    // Past its deadline, with a link to the melding.
    await page.getByRole('link', { name: lateReference }).waitFor();
    await expectAccessible(page, 'weekly overview');

    // The note under the exports names the threshold itself (REPORT_MIN_COUNT, 5 by default), not "< k".
    await expect.poll(() => page.getByText('aantallen onder de 5 als “< 5”').isVisible()).toBe(true);
    expect(await page.getByText('< k').count()).toBe(0);
    // The exports are links to the API's CSV, with the session's cookie.
    const csvHref = await page.getByRole('link', { name: 'Exporteer CSV' }).getAttribute('href');
    expect(csvHref).toBe(`/api/v1/staff/reports/weekly?week=${lastWeekKey}&format=csv`);
    const csv = await page.request.get(`${stack.baseUrl}${csvHref}`);
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toContain('text/csv');
    expect(await csv.text()).toContain(`Weekoverzicht;${lastWeekKey}`);
    const rowsHref = await page.getByRole('link', { name: 'Meldingen als CSV' }).getAttribute('href');
    expect(rowsHref).toBe(`/api/v1/staff/reports/weekly/meldingen.csv?week=${lastWeekKey}`);
    const rows = await page.request.get(`${stack.baseUrl}${rowsHref}`);
    expect(rows.status()).toBe(200);

    // Print: no navigation, no buttons or export links; the week stays in the header.
    await page.emulateMedia({ media: 'print' });
    await expect.poll(() => page.locator('nav.bs-staff-nav').isVisible(), { timeout: 10_000 }).toBe(false);
    await expect
      .poll(() => page.getByRole('button', { name: 'Uitloggen' }).isVisible(), { timeout: 10_000 })
      .toBe(false);
    await expect
      .poll(() => page.getByRole('link', { name: 'Exporteer CSV' }).isVisible(), { timeout: 10_000 })
      .toBe(false);
    await expect
      .poll(() => page.getByRole('button', { name: 'Afdrukken' }).isVisible(), { timeout: 10_000 })
      .toBe(false);
    await expect(
      page.getByRole('heading', { level: 1, name: /^Weekoverzicht week/ }).isVisible(),
    ).resolves.toBe(true);
    await expect.poll(() => categories.isVisible(), { timeout: 10_000 }).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    await expect.poll(() => page.locator('nav.bs-staff-nav').isVisible(), { timeout: 10_000 }).toBe(true);

    // "Deze week tot nu" beside the ISO weeks: the running week, said to be running, lists the melding
    // flagged a moment ago.
    const current = await page
      .getByLabel('Week', { exact: true })
      .locator('option')
      .first()
      .getAttribute('value');
    await page.getByRole('button', { name: 'Deze week tot nu' }).click();
    await expect.poll(() => page.getByLabel('Week', { exact: true }).inputValue()).toBe(current);
    await page.getByText('Deze week is nog niet voorbij: de aantallen lopen tot nu.').waitFor();
    await expect.poll(() => page.getByRole('button', { name: 'Deze week tot nu' }).isDisabled()).toBe(true);
    const notable = page.getByRole('heading', { level: 2, name: /^Opvallende meldingen/ });
    await notable.waitFor();
    await page.getByRole('cell', { name: 'Derde keer deze maand bij de school' }).waitFor();
    await page.getByRole('link', { name: flagged.reference }).waitFor();
  });
});
