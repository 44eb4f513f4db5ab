import { amsterdamInstant, amsterdamParts, type LocalDate } from '@buurtsignaal/core/sla';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { insertHotspotMelding } from '../../../api/test/support/hotspots-helpers.ts';
import { type Browser, screenshotDir } from './browser.ts';
import { browserSuite } from './browser-suite.ts';
import { expectAccessible } from './form-helpers.ts';
import type { E2eStack } from './stack.ts';
import { browserLoginWithEnrolment, staffUser } from './staff-helpers.ts';

// The coordinator's hotspot map on a desktop: filter on jeugdoverlast, open the hot cell from the table
// with the keyboard, read when it happens (weekday × hour), sort the table; and manage a hotspot rule.

let stack: E2eStack;
let browser: Browser;
browserSuite({ desktop: true, stepTimeoutMs: 15_000, screenshots: true }, (s, b) => {
  stack = s;
  browser = b;
});

/** Hot spot in Soest-Centrum, a second spot ~1 km away, and one in Soesterberg (outside the first view). */
const HOT = { lat: 52.1733, lng: 5.2917 };
const WARM = { lat: 52.179, lng: 5.305 };
const FAR = { lat: 52.117, lng: 5.285 };

/** The calendar day `daysAgo` before today in Amsterdam, moved back to the given ISO weekday (1 = Monday). */
function pastWeekday(isoWeekday: number, weeksAgo: number): LocalDate {
  const today = amsterdamParts(new Date());
  const d = new Date(Date.UTC(today.year, today.month - 1, today.day, 12));
  const dow = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() - ((dow - isoWeekday + 7) % 7 || 7) - 7 * weeksAgo);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

const at = (day: LocalDate, hour: number, minute: number): string =>
  amsterdamInstant(day, hour, minute).toISOString();

beforeAll(async () => {
  await browser.page.setViewportSize({ width: 1400, height: 1000 });
  const db = stack.database.client.db;
  // Hot cell, jeugdoverlast: three Friday evenings 21:xx and two Saturdays 22:xx (Amsterdam time).
  const hot = [
    at(pastWeekday(5, 0), 21, 10),
    at(pastWeekday(5, 1), 21, 40),
    at(pastWeekday(5, 2), 21, 5),
    at(pastWeekday(6, 0), 22, 15),
    at(pastWeekday(6, 1), 22, 50),
  ];
  for (const occurredAt of hot) await insertHotspotMelding(db, { ...HOT, occurredAt });
  // Woonoverlast in the same cell: not counted under the jeugdoverlast filter, but listed per category.
  for (const occurredAt of [at(pastWeekday(2, 0), 10, 0), at(pastWeekday(3, 1), 11, 0)]) {
    await insertHotspotMelding(db, { ...HOT, category: 'woonoverlast', subcategory: 'geluid', occurredAt });
  }
  for (const occurredAt of [at(pastWeekday(4, 0), 16, 0), at(pastWeekday(4, 1), 17, 0)]) {
    await insertHotspotMelding(db, { ...WARM, occurredAt });
  }
  await insertHotspotMelding(db, { ...FAR, occurredAt: at(pastWeekday(1, 0), 15, 0) });
}, 120_000);

async function loginCoordinator(page: Page): Promise<void> {
  await staffUser(stack, 'coordinator@soest.test', 'coordinator', []);
  await browserLoginWithEnrolment(page, stack, 'coordinator@soest.test');
}

/** The numbers of one body row of the weekday × hour table (0 = maandag). */
async function matrixRow(page: Page, weekday: number): Promise<number[]> {
  const row = page.locator('#cell-matrix-caption').locator('xpath=..').locator('tbody tr').nth(weekday);
  return (await row.locator('td').allTextContents()).map(Number);
}

describe('the hotspot map (/balie/kaart) for the coordinator', () => {
  it('filters on jeugdoverlast, opens the hot cell from the table by keyboard and shows when it happens', async () => {
    const { page } = browser;
    await loginCoordinator(page);

    await page.getByRole('link', { name: 'Kaart', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: /Kaart/ }).waitFor();
    await page.locator('.bs-hotspot-map.leaflet-container').waitFor();
    // All categories first: the hot cell holds 5 jeugdoverlast and 2 woonoverlast.
    const table = page.locator('.bs-hotspot-table');
    await table.waitFor();
    await expect.poll(() => table.locator('tbody tr').first().locator('td').nth(1).textContent()).toBe('7');

    await page.getByLabel('Onderwerp').selectOption({ label: 'Jeugdoverlast' });
    await expect.poll(() => table.locator('tbody tr').first().locator('td').nth(1).textContent()).toBe('5');
    await expect.poll(() => page.url()).toContain('onderwerp=jeugdoverlast');
    // The legend gives the scale in numbers, and the count is on the cell itself.
    await expect
      .poll(() => page.locator('.bs-legend').textContent(), { timeout: 10_000 })
      .toMatch(/7 meldingen in 2 vakken/);
    await expect
      .poll(() => page.locator('.bs-legend__steps li').first().textContent(), { timeout: 10_000 })
      .toMatch(/^1/);
    await expect
      .poll(() => page.locator('.bs-hex-label').allTextContents(), { timeout: 10_000 })
      .toEqual(expect.arrayContaining(['5', '2']));

    // The table sorts by keyboard: Enter on the "Aantal" header turns the order around.
    const countHeader = table.getByRole('columnheader', { name: /Aantal/ });
    await expect.poll(() => countHeader.getAttribute('aria-sort'), { timeout: 10_000 }).toBe('descending');
    await table.getByRole('button', { name: /Aantal/ }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => countHeader.getAttribute('aria-sort'), { timeout: 10_000 }).toBe('ascending');
    await expect
      .poll(() => table.locator('tbody tr td:nth-child(3)').allTextContents(), { timeout: 10_000 })
      .toEqual(['2', '5']);
    await page.getByText('Gesorteerd op Aantal, oplopend.').waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(() => countHeader.getAttribute('aria-sort'), { timeout: 10_000 }).toBe('descending');
    await expect
      .poll(() => table.locator('tbody tr td:nth-child(3)').allTextContents(), { timeout: 10_000 })
      .toEqual(['5', '2']);
    // Sorting on the wijk column is alphabetical and marks that column instead.
    await table.getByRole('button', { name: /Wijk/ }).focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => table.getByRole('columnheader', { name: /Wijk/ }).getAttribute('aria-sort'), {
        timeout: 10_000,
      })
      .toBe('ascending');
    await expect.poll(() => countHeader.getAttribute('aria-sort'), { timeout: 10_000 }).toBeNull();
    await table.getByRole('button', { name: /Aantal/ }).focus();
    await page.keyboard.press('Enter');

    // Keyboard only: Tab from the last header button lands on the hottest cell's row; Enter opens it.
    await table.getByRole('button', { name: /Trend/ }).focus();
    await page.keyboard.press('Tab');
    const focusedName = await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
    expect(focusedName).toMatch(/^Details van vak /);
    await page.keyboard.press('Enter');

    const panel = page.locator('.bs-cell-panel');
    await panel.getByRole('heading', { level: 2, name: /^Vak / }).waitFor();
    await expect(
      page.evaluate(() => document.activeElement?.id ?? ''),
      'focus moves to the panel heading',
    ).resolves.toBe('cell-panel-heading');
    await panel.getByText('5 meldingen in de gekozen periode').waitFor();
    await expect.poll(() => page.url()).toContain('vak=');
    // Per category, also outside the filter.
    await expect
      .poll(() => panel.getByRole('row', { name: /Jeugdoverlast 5/ }).count(), { timeout: 10_000 })
      .toBe(1);
    await expect
      .poll(() => panel.getByRole('row', { name: /Woonoverlast 2/ }).count(), { timeout: 10_000 })
      .toBe(1);

    // When does it happen: a real table, 7 days × 24 hours, with the numbers written out.
    await panel.getByRole('table', { name: 'Wanneer gebeurt het?' }).waitFor();
    await expect
      .poll(() => panel.locator('#cell-matrix-caption + thead th').count(), { timeout: 10_000 })
      .toBe(25);
    const friday = await matrixRow(page, 4);
    const saturday = await matrixRow(page, 5);
    expect(friday).toHaveLength(24);
    expect(friday[21]).toBe(3);
    expect(saturday[22]).toBe(2);
    const all = (await Promise.all([0, 1, 2, 3, 4, 5, 6].map((d) => matrixRow(page, d)))).flat();
    expect(all.reduce((a, b) => a + b, 0)).toBe(5);
    // The trend per week adds up to the same 5; the meldingen themselves are links for the coordinator.
    const trend = await panel.locator('.bs-trend tbody tr td.bs-num').allTextContents();
    expect(trend.map(Number).reduce((a, b) => a + b, 0)).toBe(5);
    await expect
      .poll(() => panel.locator('.bs-cell-panel__meldingen a').count(), { timeout: 10_000 })
      .toBe(5);

    await page.waitForLoadState('networkidle');
    await expectAccessible(page, 'hotspot map with the cell panel open');

    // The map with the panel and its matrix side by side.
    const top = await page.evaluate(
      () =>
        (document.querySelector('.bs-map-filters')?.getBoundingClientRect().top ?? 0) + window.scrollY - 8,
    );
    await page.screenshot({
      path: `${screenshotDir}/balie-kaart.png`,
      fullPage: true,
      clip: { x: 0, y: top, width: 1400, height: 1000 },
    });

    // Closing the panel returns to the table.
    await panel.getByRole('button', { name: /^Sluiten/ }).click();
    await expect.poll(() => panel.count()).toBe(0);
  });

  it('clicking a cell on the map opens the same panel', async () => {
    const { page } = browser;
    await page.locator('.bs-hotspot-map path.leaflet-interactive').first().waitFor();
    // Closing the panel widened the map, which moves it and fetches again: click once it has settled.
    await page.waitForLoadState('networkidle');
    const hot = page.locator('.bs-hex-label', { hasText: /^5$/ });
    const panelText = page.locator('.bs-cell-panel').getByText('5 meldingen in de gekozen periode');
    for (let attempt = 0; attempt < 3 && !(await panelText.isVisible()); attempt++) {
      const box = await hot.boundingBox();
      expect(box).not.toBeNull();
      // Labels let clicks through (pointer-events: none): the click lands on the cell under it.
      if (box) await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      await panelText.waitFor({ timeout: 3_000 }).catch(() => undefined);
    }
    await panelText.waitFor();
  });

  it('the coordinator creates, edits and switches off a hotspot rule', async () => {
    const { page } = browser;
    await page.getByRole('link', { name: 'Hotspotregels beheren' }).click();
    await page.getByRole('heading', { level: 1, name: 'Hotspotregels' }).waitFor();
    await page.getByRole('button', { name: 'Regel opslaan' }).click();
    await page.getByRole('link', { name: 'Vul een naam in.' }).waitFor();
    await page.getByLabel('Naam', { exact: true }).fill('Jeugdoverlast per buurt');
    await page.getByLabel('Onderwerp').selectOption({ label: 'Jeugdoverlast' });
    await page.getByLabel('Vakgrootte (resolutie)').selectOption('9');
    await page.getByLabel('Minimum aantal meldingen').fill('5');
    await page.getByLabel('Binnen hoeveel dagen').fill('14');
    await page.getByRole('button', { name: 'Regel opslaan' }).click();
    await page.getByRole('status').filter({ hasText: 'De regel is opgeslagen.' }).waitFor();
    await page.getByRole('heading', { level: 3, name: 'Jeugdoverlast per buurt' }).waitFor();
    await expect
      .poll(() => page.locator('.bs-staff-text').first().textContent(), { timeout: 10_000 })
      .toContain('≥ 5 meldingen jeugdoverlast binnen 14 dagen');
    await expectAccessible(page, 'hotspot rules');

    await page.getByRole('button', { name: /^Bewerken.*Jeugdoverlast per buurt/ }).click();
    // The form is mounted anew for the rule: type only once it shows the rule's own values.
    await page.getByRole('heading', { level: 2, name: 'Bewerken: Jeugdoverlast per buurt' }).waitFor();
    await expect
      .poll(() => page.getByLabel('Naam', { exact: true }).inputValue(), { timeout: 10_000 })
      .toBe('Jeugdoverlast per buurt');
    await page.getByLabel('Minimum aantal meldingen').fill('4');
    await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    await page.getByRole('status').filter({ hasText: 'De regel is gewijzigd.' }).waitFor();
    await expect
      .poll(() => page.locator('.bs-staff-text').first().textContent(), { timeout: 10_000 })
      .toContain('≥ 4 meldingen');

    await page.getByRole('button', { name: /^Uitzetten.*Jeugdoverlast per buurt/ }).click();
    await page.getByRole('status').filter({ hasText: 'De regel staat uit.' }).waitFor();
    await page.getByRole('button', { name: /^Aanzetten.*Jeugdoverlast per buurt/ }).waitFor();
  });
});
