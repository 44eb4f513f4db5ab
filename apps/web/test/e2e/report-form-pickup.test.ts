import { randomUUID } from 'node:crypto';
import { wallClockInstant as at } from '@buurtsignaal/core';
import { seedReferenceData } from '@buurtsignaal/db';
import { generateShiftInstancesAhead } from '@buurtsignaal/db/tables/shift-instances-generation';
import { insertStaffUser } from '@buurtsignaal/db/tables/staff-users-repository';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, launchPhone } from './browser.ts';
import { expectAccessible } from './form-helpers.ts';
import { fillAnonymousReport, readReference, vanWeede } from './report-form-helpers.ts';
import { type E2eStack, startE2eStack } from './stack.ts';

// The confirmation page tells the truth about when: a normaal melding sent at 23:30 (the platform's
// clock), when the boa's went home at 22:30, says it is picked up tomorrow from 07:00, with 112 and
// the police's 0900-8844 — from the routing decision and Soest's seeded rosters.

describe('the confirmation says when the melding is picked up', () => {
  let stack: E2eStack;
  let browser: Browser | undefined;
  const clock = at('2026-06-02', '23:30'); // a Tuesday

  beforeAll(async () => {
    stack = await startE2eStack({ now: () => clock });
    const db = stack.database.client.db;
    const id = randomUUID();
    await insertStaffUser(db, {
      id,
      name: 'M. de Vries',
      role: 'boa',
      teamIds: ['boa-team'],
      email: `${id}@soest.test`,
      passwordHash: 'x',
    });
    // The seed puts the boa on the seeded day and evening shifts (07:00–15:00, 14:30–22:30).
    await seedReferenceData(db);
    await generateShiftInstancesAhead(db, { now: at('2026-06-01', '00:00') });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('a normaal melding at 23:30: "morgen vanaf 07:00", 112 and 0900-8844, and axe finds nothing', async () => {
    browser = await launchPhone();
    const { page } = browser;
    await page.goto(stack.baseUrl);
    await fillAnonymousReport(page, {
      category: 'Jeugdoverlast',
      address: vanWeede,
      details: (p) =>
        p
          .getByRole('group', { name: /Is het nu aan de gang/ })
          .getByRole('radio', { name: 'Nee' })
          .check(),
      description: 'Groep jongeren met harde muziek bij het speelveld, elke avond.',
    });
    await page.getByRole('button', { name: 'Versturen' }).click();
    await readReference(page);

    const lines = (await page.getByTestId('next-line').allTextContents()).map((l) => l.trim());
    expect(lines[0]).toBe(
      'Boa-team Soest is nu niet in dienst; uw melding wordt morgen vanaf 07:00 opgepakt.',
    );
    expect(lines[1]).toMatch(/112.*0900-8844/);
    expect(lines.join(' ')).not.toMatch(/meteen in de werkvoorraad|gaat meteen naar het team/);
    await expectAccessible(page, 'bevestiging met ophaaltijd');

    // The status page says the same: the team, and when it is picked up.
    const statusLink = (await page.getByTestId('status-link').getAttribute('href')) ?? '';
    await page.goto(statusLink);
    const pickup = page.getByTestId('pickup');
    await pickup.getByText('uw melding wordt morgen vanaf 07:00 opgepakt', { exact: false }).waitFor();
    expect(await pickup.textContent()).toContain('0900-8844');
    expect(await page.content()).not.toContain('de Vries');
    await expectAccessible(page, 'statuspagina met ophaaltijd');
  });
});
