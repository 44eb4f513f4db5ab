import { wallClockInstant } from '@buurtsignaal/core';
import { seedReferenceData } from '@buurtsignaal/db';
import { listNoticesForMelding } from '@buurtsignaal/db/tables/dispatch-notices-repository';
import { generateShiftInstancesAhead } from '@buurtsignaal/db/tables/shift-instances-generation';
import { waitUntil } from '@buurtsignaal/testkit';
import { describe, expect, it } from 'vitest';
import type { Browser } from './browser.ts';
import { browserSuite } from './browser-suite.ts';
import { expectAccessible } from './form-helpers.ts';
import { postMelding } from './intake-helpers.ts';
import type { E2eStack } from './stack.ts';
import { browserLogin, staffUser } from './staff-helpers.ts';

// The live console: the boa on duty has the queue open; a resident reports youths causing trouble
// right now, the worker routes it (spoed) and tells the boa — the queue shows it and a spoed banner
// appears without a reload.

/** A Tuesday evening in June: Soest's seeded boa shift runs (the worker's clock). */
const EVENING = wallClockInstant('2026-06-02', '20:00');

let stack: E2eStack;
let browser: Browser;
browserSuite({ stepTimeoutMs: 10_000, stack: { workerNow: () => EVENING } }, (s, b) => {
  stack = s;
  browser = b;
});

describe('the live console (/balie)', () => {
  it('a spoed melding reaches the on-duty boa’s open queue with a banner, without reload', async () => {
    const db = stack.database.client.db;
    const boa = await staffUser(stack, 'boa@soest.test', 'boa', ['boa-team']);
    await seedReferenceData(db);
    await generateShiftInstancesAhead(db, { now: wallClockInstant('2026-06-01', '00:00') });

    const { page } = browser;
    await browserLogin(page, stack, boa.email);
    await page.getByRole('heading', { level: 1, name: 'Wachtrij' }).waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: /^Live bijwerken: Live$/ })
      .waitFor();
    await page.getByText('Geen meldingen in deze wachtrij.').waitFor();
    // Marks this document: a reload would lose it.
    await page.evaluate(() => {
      (window as unknown as { __noReload?: boolean }).__noReload = true;
    });

    const { id, reference } = await postMelding(stack, {
      answers: { nu_gaande: true },
      location: { lat: 52.1733, lng: 5.2917 },
    });
    // Dispatch has completed once the boa's console notice is recorded.
    await waitUntil(
      async () =>
        (await listNoticesForMelding(db, id)).some((n) => n.userId === boa.id && n.channel === 'console'),
      { what: 'the console notice of the boa on duty' },
    );

    const banner = page
      .getByRole('alert')
      .filter({ hasText: `Spoedmelding: Nieuwe spoedmelding ${reference}` });
    await banner.waitFor({ timeout: 2_000 });
    await page
      .getByRole('link', { name: new RegExp(reference) })
      .first()
      .waitFor({ timeout: 2_000 });
    expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
    await expectAccessible(page, 'queue with a spoed banner');

    // Dismissable; the link in it opens the melding.
    await banner.getByRole('button', { name: `Sluiten: spoedmelding ${reference}` }).click();
    await expect.poll(() => page.getByRole('alert').count()).toBe(0);
    await page
      .getByRole('link', { name: new RegExp(reference) })
      .first()
      .click();
    await page.getByRole('heading', { level: 1, name: `Melding ${reference}` }).waitFor();
  });
});
