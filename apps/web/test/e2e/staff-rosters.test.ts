import { readFileSync } from 'node:fs';
import { addDaysTo, localDateOf } from '@buurtsignaal/core';
import { schema, seedReferenceData } from '@buurtsignaal/db';
import { generateShiftInstancesAhead } from '@buurtsignaal/db/tables/shift-instances-generation';
import { eq } from 'drizzle-orm';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatLocalDate, localMoment, mondayOf } from '../../src/staff/rosters/roster-format.ts';
import type { Browser } from './browser.ts';
import { browserSuite } from './browser-suite.ts';
import { expectAccessible } from './form-helpers.ts';
import type { E2eStack } from './stack.ts';
import { apiLogin, browserLogin, browserLoginWithEnrolment, staffUser } from './staff-helpers.ts';

// The roster console on a phone: the coordinator sees the boa-team's week with the evening shift ending
// 22:30 (also in the week summer time starts), marks an officer sick on a shift with a reason, sees a
// coverage gap once the evening pattern ends; the officer's "Mijn diensten" and a private calendar feed.

let stack: E2eStack;
let browser: Browser;
browserSuite({ stepTimeoutMs: 15_000 }, (s, b) => {
  stack = s;
  browser = b;
});

const everyDay = [1, 2, 3, 4, 5, 6, 7];
/** Tomorrow in Amsterdam: shifts that began are never rewritten, so the test changes a coming one. */
const tomorrow = addDaysTo(localDateOf(new Date()), 1);
// The next start of summer time after this test's "now" (the last Sunday of March).
const dstSunday = '2027-03-28';

beforeAll(async () => {
  const db = stack.database.client.db;
  await seedReferenceData(db);
  const anna = await staffUser(stack, 'anna@soest.test', 'boa', ['boa-team']);
  const bram = await staffUser(stack, 'bram@soest.test', 'boa', ['boa-team']);
  await db.update(schema.staffUsers).set({ name: 'Anna Boa' }).where(eq(schema.staffUsers.id, anna.id));
  await db.update(schema.staffUsers).set({ name: 'Bram Boa' }).where(eq(schema.staffUsers.id, bram.id));
  // Another planner staffs the seeded day and evening shift with both boa's from today (an edit).
  await staffUser(stack, 'planner@soest.test', 'coordinator', []);
  const planner = await apiLogin(stack, 'planner@soest.test');
  for (const [id, label, start, end] of [
    ['boa-dag', 'Dagdienst', '07:00', '15:00'],
    ['boa-avond', 'Avonddienst', '14:30', '22:30'],
  ] as const) {
    const res = await planner.call('PUT', `/teams/boa-team/roster/patterns/${id}`, {
      label,
      weekdays: everyDay,
      start,
      end,
      memberIds: [anna.id, bram.id],
      leadId: anna.id,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }
  // The worker generates six weeks ahead as time passes; here it runs as it will on 22 March 2027.
  await generateShiftInstancesAhead(db, {
    now: new Date('2027-03-22T08:00:00Z'),
    teamId: 'boa-team',
    days: 14,
  });
}, 120_000);

const dayCard = (page: Page, date: string): Locator =>
  page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { level: 3, name: new RegExp(`^${formatLocalDate(date)}`) }) });
const evening = (day: Locator): Locator => day.getByRole('listitem', { name: 'Avonddienst 14:30 tot 22:30' });
const rosterUrl = (date: string) => `${stack.baseUrl}/balie/roosters?team=boa-team&week=${mondayOf(date)}`;

describe('the roster console (/balie/roosters) on a phone', () => {
  it('shows the week in wall-clock time, marks an officer sick with a reason and shows a coverage gap', async () => {
    const { page } = browser;
    await staffUser(stack, 'coordinator@soest.test', 'coordinator', []);
    await browserLoginWithEnrolment(page, stack, 'coordinator@soest.test');
    await page.getByRole('link', { name: 'Roosters' }).click();
    await page.getByRole('heading', { level: 1, name: 'Roosters' }).waitFor();
    await page.getByLabel('Team', { exact: true }).selectOption({ label: 'Boa-team Soest' });
    await page.getByRole('heading', { level: 2, name: 'Nu in dienst' }).waitFor();

    // The week summer time starts: the evening shift still ends 22:30 (local, whatever the device's zone).
    await page.goto(rosterUrl(dstSunday));
    await evening(dayCard(page, dstSunday)).waitFor();
    expect(await evening(dayCard(page, dstSunday)).textContent()).toContain('14:30–22:30');

    // Tomorrow's evening shift: "Ziek melden" on Anna, a reason, saved.
    await page.goto(rosterUrl(tomorrow));
    const shift = evening(dayCard(page, tomorrow));
    const member = (name: string) => shift.locator('.bs-roster-member', { hasText: name });
    await member('Anna Boa').waitFor();
    await expectAccessible(page, 'roster week');
    await shift.getByRole('button', { name: /^Ziek melden\s?: Anna Boa/ }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('override-reason');
    const form = page.getByRole('form', { name: /^Anna Boa ziek melden voor Avonddienst/ });
    await form.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await form.getByRole('link', { name: 'Vul de reden in.' }).waitFor();
    await expectAccessible(page, 'override form with an error');
    await form.getByLabel('Reden', { exact: true }).fill('Griep, belde om 12:00 af');
    await form.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Opgeslagen: Anna Boa ziek melden' }).waitFor();
    await expect.poll(() => shift.textContent(), { timeout: 10_000 }).not.toContain('Anna Boa');
    // Her button went with her: focus moves to the week's heading.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('roster-week-heading');
    await member('Bram Boa').waitFor();
    await page.getByText('Reden: Griep, belde om 12:00 af').waitFor();

    // An extra shift for an event tomorrow night, across midnight.
    const day = dayCard(page, tomorrow);
    await day.getByRole('button', { name: /^Extra dienst/ }).click();
    const extra = page.getByRole('form', { name: /^Extra dienst op/ });
    await extra.getByLabel('Naam van de dienst').fill('Kermis');
    await extra.getByLabel('Begintijd').fill('23:00');
    await extra.getByLabel('Eindtijd').fill('01:00');
    await extra.getByLabel('Bram Boa').check();
    await extra.getByLabel('Reden', { exact: true }).fill('Kermis op het Kerkplein');
    await extra.getByRole('button', { name: 'Opslaan', exact: true }).click();
    const kermis = day.getByRole('listitem', { name: 'Kermis 23:00 tot 01:00' });
    await kermis.waitFor();
    expect(await kermis.textContent()).toContain('23:00–01:00 (volgende dag)');
    // Focus is back on the button that opened the form.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ''))
      .toMatch(/^Extra dienst/);

    // Coverage: tomorrow afternoon is covered; once the evening pattern ends, 15:00 tomorrow is a gap.
    const gapRow = page.getByRole('row', {
      name: new RegExp(`geen bezetting ${localMoment(tomorrow, '15:00')}`),
    });
    await page.getByRole('heading', { level: 2, name: /^Gaten in de bezetting/ }).waitFor();
    expect(await gapRow.count()).toBe(0);
    await page.getByRole('button', { name: /^Beëindigen\s?: Avonddienst/ }).click();
    await page.getByRole('status').filter({ hasText: 'Patroon Avonddienst is beëindigd' }).waitFor();
    await gapRow.waitFor();
    expect(await gapRow.textContent()).toContain(localMoment(tomorrow, '22:30'));
    await expect.poll(() => evening(dayCard(page, tomorrow)).count()).toBe(0);
    await expectAccessible(page, 'roster with coverage gaps');

    // The weekly overview of this week lists the gaps per team (the police's shifts have nobody on them).
    await page.getByRole('link', { name: 'Weekoverzicht' }).click();
    const weekSelect = page.getByLabel('Week', { exact: true });
    await weekSelect.selectOption((await weekSelect.locator('option').first().getAttribute('value')) ?? '');
    const gapsTable = page.getByRole('table', { name: /^Gaten in de bezetting per team/ });
    await gapsTable.getByRole('rowheader', { name: 'Politie basisteam Eemland-Noord' }).waitFor();
    expect(await gapsTable.getByRole('row', { name: /^Samen/ }).count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Uitloggen' }).click();
  });

  it("lists the officer's shifts and makes a private calendar feed that serves text/calendar", async () => {
    const { page } = browser;
    await page.context().clearCookies();
    await browserLogin(page, stack, 'anna@soest.test');
    await page.getByRole('heading', { level: 1, name: 'Wachtrij' }).waitFor();
    await page.getByRole('link', { name: 'Mijn diensten' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mijn diensten' }).waitFor();
    await page.getByText(formatLocalDate(tomorrow)).first().waitFor();
    await page.getByText('Dagdienst — Boa-team Soest').first().waitFor();
    await page.getByText('Er is geen link actief.').waitFor();

    await page.getByRole('button', { name: 'Agenda-link maken' }).click();
    const url = await page.getByLabel('Agenda-link').inputValue();
    expect(url).toMatch(/\/api\/v1\/calendar\/[^/]+\.ics$/);
    expect(await page.getByRole('link', { name: /Abonneren in de agenda/ }).getAttribute('href')).toBe(
      url.replace(/^http:\/\//, 'webcal://'),
    );
    await expectAccessible(page, 'mijn diensten with a new feed');
    const feed = await fetch(url);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toContain('text/calendar');
    const ics = await feed.text();
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain('Dagdienst');

    await page.getByRole('button', { name: /^Intrekken/ }).click();
    await page.getByRole('status').filter({ hasText: 'De link is ingetrokken' }).waitFor();
    expect((await fetch(url)).status).toBe(404);
  });

  it('imports an .ics roster and a CBS Wijk- en Buurtkaart with their reports (admin)', async () => {
    const { page } = browser;
    await page.context().clearCookies();
    await staffUser(stack, 'admin@soest.test', 'admin', []);
    await browserLoginWithEnrolment(page, stack, 'admin@soest.test');
    await page.goto(`${stack.baseUrl}/balie/roosters?team=boa-team`);
    await page.getByRole('heading', { level: 2, name: 'Rooster inlezen (.ics)' }).waitFor();
    const day = tomorrow.replaceAll('-', '');
    const ics = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Planner//Rooster export//NL',
      'BEGIN:VEVENT',
      'UID:evenement@planner.example',
      'DTSTAMP:20261201T080000Z',
      `DTSTART;TZID=Europe/Amsterdam:${day}T180000`,
      `DTEND;TZID=Europe/Amsterdam:${day}T230000`,
      'SUMMARY:Evenement',
      'ATTENDEE;CN=Anna:mailto:anna@soest.test',
      'ATTENDEE;CN=Onbekend:mailto:onbekend@elders.example',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ].join('\r\n');
    await page.getByRole('button', { name: 'Inlezen' }).click();
    await page.getByRole('link', { name: 'Kies een .ics-bestand.' }).waitFor();
    await page
      .getByLabel('Bestand', { exact: true })
      .setInputFiles({ name: 'rooster.ics', mimeType: 'text/calendar', buffer: Buffer.from(ics) });
    await page.getByRole('button', { name: 'Inlezen' }).click();
    const report = page.getByRole('region', { name: 'Verslag van het inlezen' });
    await report.getByText('1 diensten ingelezen uit 1 afspraken.').waitFor();
    await report.getByText('onbekend@elders.example').waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ''))
      .toContain('Verslag');
    await dayCard(page, tomorrow).getByRole('listitem', { name: 'Evenement 18:00 tot 23:00' }).waitFor();

    // Team settings: the police as the boa-team's fallback.
    await page.getByLabel('Terugvalteam').selectOption({ label: 'Politie basisteam Eemland-Noord' });
    await page.getByRole('button', { name: 'Instellingen opslaan' }).click();
    await page.getByRole('status').filter({ hasText: 'De teaminstellingen zijn opgeslagen.' }).waitFor();
    await page.reload();
    await expect
      .poll(() => page.getByLabel('Terugvalteam').inputValue(), { timeout: 10_000 })
      .toBe('politie-basisteam');

    await page.getByRole('link', { name: 'Gebieden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Gebieden' }).waitFor();
    await page.getByText(/Nu gelden de voorbeeldwijken/).waitFor();
    const file = page.getByLabel('GeoJSON-bestand');
    await file.setInputFiles({
      name: 'kaart.json',
      mimeType: 'application/json',
      buffer: Buffer.from('geen json'),
    });
    await page.getByRole('button', { name: 'Inlezen' }).click();
    await page.getByRole('link', { name: /Het bestand is geen JSON/ }).waitFor();
    await expectAccessible(page, 'areas upload with an error');
    const fixture = new URL(
      '../../../api/test/areas/fixtures/cbs-wijkbuurtkaart-gm0342.geojson',
      import.meta.url,
    );
    await file.setInputFiles({
      name: 'soest.geojson',
      mimeType: 'application/geo+json',
      buffer: readFileSync(fixture),
    });
    await page.getByRole('button', { name: 'Inlezen' }).click();
    await page
      .getByRole('region', { name: 'Verslag van het inlezen' })
      .getByText(/^GM0342: \d+ wijken en \d+ buurten ingelezen\.$/)
      .waitFor();
    await page.getByText('De wijken en buurten komen uit een ingelezen CBS Wijk- en Buurtkaart.').waitFor();
    await page.getByRole('row', { name: /WK034201 Soest-Noord Wijk GM0342 Ingelezen/ }).waitFor();
    await expectAccessible(page, 'areas after an import');
  });
});
