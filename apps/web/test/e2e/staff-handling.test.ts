import { schema } from '@buurtsignaal/db';
import { describe, expect, it } from 'vitest';
import type { Browser } from './browser.ts';
import { browserSuite } from './browser-suite.ts';
import { expectAccessible } from './form-helpers.ts';
import type { E2eStack } from './stack.ts';
import { apiLogin, browserLogin, meldingOnQueue, staffUser } from './staff-helpers.ts';

// The officer's round trip on a phone: log in, take a melding from the team queue, close it with an
// edited standard text after checking the e-mail preview, and the melder reads it on the status page.

let stack: E2eStack;
let browser: Browser;
browserSuite({ stepTimeoutMs: 10_000 }, (s, b) => {
  stack = s;
  browser = b;
});

describe('the staff console (/balie) on a phone', () => {
  it('an officer claims a melding from the queue and closes it with a standard text the melder then reads', async () => {
    await staffUser(stack, 'boa@soest.test', 'boa', ['boa-team']);
    await staffUser(stack, 'coordinator@soest.test', 'coordinator', []);
    const coordinator = await apiLogin(stack, 'coordinator@soest.test');
    const created = await coordinator.call('POST', '/standard-texts', {
      category: 'jeugdoverlast',
      status: 'afgehandeld',
      title: 'Boa is langs geweest',
      body: 'Een boa is langs geweest en heeft de jongeren aangesproken.',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const { reference, statusUrl } = await meldingOnQueue(stack);

    const { page } = browser;
    // Not logged in: the console sends the officer to the login page.
    await browserLogin(page, stack, 'boa@soest.test', 'verkeerd wachtwoord 1');
    await page.getByRole('heading', { name: 'Er ging iets mis' }).waitFor();
    await expect.poll(() => page.title(), { timeout: 10_000 }).toMatch(/^Fout: /);
    await expectAccessible(page, 'login with an error');

    await page.getByLabel('Wachtwoord').fill('correct horse battery');
    await page.getByRole('button', { name: 'Inloggen' }).click();

    // The queue of the boa-team, with the melding as a card that is one big link.
    await page.getByRole('heading', { level: 1, name: 'Wachtrij' }).waitFor();
    const card = page.getByRole('link', { name: new RegExp(reference) });
    await card.waitFor();
    await expect.poll(() => card.textContent(), { timeout: 10_000 }).toContain('Jeugdoverlast');
    await expect.poll(() => card.textContent(), { timeout: 10_000 }).toContain('Nog niet opgepakt');
    await expect
      .poll(() => page.getByText('Boa', { exact: true }).count(), { timeout: 10_000 })
      .toBeGreaterThan(0);
    await expectAccessible(page, 'queue');
    const box = await card.boundingBox();
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);

    await card.click();
    await page.getByRole('heading', { level: 1, name: `Melding ${reference}` }).waitFor();
    await page.locator('.leaflet-container').waitFor();
    // The description and the spot; the melder's contact data only once someone works on it.
    await expect
      .poll(() => page.locator('main').textContent(), { timeout: 10_000 })
      .toContain('Elke avond harde muziek');
    await expect
      .poll(() => page.locator('main').textContent(), { timeout: 10_000 })
      .not.toContain('bewoner@example.nl');
    await expectAccessible(page, 'detail');

    await page.getByRole('button', { name: 'Oppakken' }).click();
    await page.getByRole('status').filter({ hasText: 'U heeft de melding opgepakt.' }).waitFor();
    await page.getByText('U heeft deze melding opgepakt.').waitFor();
    await page.getByRole('heading', { name: 'Contactgegevens melder' }).waitFor();
    await expect
      .poll(() => page.locator('main').textContent(), { timeout: 10_000 })
      .toContain('bewoner@example.nl');

    // Close it: the standard text fills the message, the officer edits it and checks the mail first.
    await page.getByRole('radio', { name: 'Afgehandeld' }).check();
    await page.getByLabel('Standaardtekst', { exact: true }).selectOption({ label: 'Boa is langs geweest' });
    await page.getByRole('button', { name: 'Tekst invullen' }).click();
    const message = page.getByLabel('Bericht aan de melder', { exact: true });
    await expect
      .poll(() => message.inputValue(), { timeout: 10_000 })
      .toBe('Een boa is langs geweest en heeft de jongeren aangesproken.');
    await message.fill(
      'Een boa is gisteravond langs geweest en heeft de jongeren aangesproken. We houden het in de gaten.',
    );
    await page
      .getByLabel(/Interne notitie/)
      .first()
      .fill('Groep van vijf, namen bekend bij de wijkagent.');
    await page.getByRole('button', { name: 'Voorbeeld van de e-mail' }).click();
    const preview = page.getByTestId('preview-text');
    await preview.waitFor();
    await expect
      .poll(() => preview.textContent(), { timeout: 10_000 })
      .toContain('Een boa is gisteravond langs geweest');
    await expect.poll(() => preview.textContent(), { timeout: 10_000 }).toContain(reference);
    await expectAccessible(page, 'detail with the e-mail preview');

    await page.getByRole('button', { name: 'Status opslaan' }).click();
    await page.getByRole('status').filter({ hasText: 'De status is gewijzigd in Afgehandeld.' }).waitFor();
    const timeline = page.locator('.bs-staff-timeline');
    await expect.poll(() => timeline.textContent(), { timeout: 10_000 }).toContain('Bericht aan melder:');
    await expect.poll(() => timeline.textContent(), { timeout: 10_000 }).toContain('Intern:');
    await expect.poll(() => timeline.textContent(), { timeout: 10_000 }).toContain('Groep van vijf');

    // The melder's status page shows the officer's message, never the internal note.
    await page.goto(statusUrl);
    await page.getByRole('heading', { level: 1, name: `Melding ${reference}` }).waitFor();
    const statusText = await page.locator('body').textContent();
    expect(statusText).toContain('Een boa is gisteravond langs geweest en heeft de jongeren aangesproken.');
    expect(statusText).not.toContain('Groep van vijf');
  });

  it('shows at once, without reload, that a colleague claimed the open melding', async () => {
    await staffUser(stack, 'boa2@soest.test', 'boa', ['boa-team']);
    const { id, reference } = await meldingOnQueue(stack);
    const { page } = browser;
    await page.goto(`${stack.baseUrl}/balie/meldingen/${id}`);
    await page.getByRole('heading', { level: 1, name: `Melding ${reference}` }).waitFor();
    await page.getByRole('button', { name: 'Oppakken' }).waitFor();
    const colleague = await apiLogin(stack, 'boa2@soest.test');
    expect((await colleague.call('POST', `/meldingen/${id}/claim`, {})).status).toBe(200);
    // The live console (GET /events) refreshes the detail: no button to claim what is taken.
    await expect.poll(() => page.getByRole('button', { name: 'Oppakken' }).count()).toBe(0);
    await expect.poll(() => page.locator('main').textContent()).toContain('Opgepakt door');
  });

  it('sends the user back to the login page when the session ends, and back again after logging in', async () => {
    const { id, reference } = await meldingOnQueue(stack);
    const { page, context } = browser;
    await context.clearCookies();
    await page.goto(`${stack.baseUrl}/balie/meldingen/${id}`);
    await page.getByRole('heading', { level: 1, name: 'Inloggen bij de balie' }).waitFor();
    await page.getByLabel('E-mailadres').fill('boa@soest.test');
    await page.getByLabel('Wachtwoord').fill('correct horse battery');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('heading', { level: 1, name: `Melding ${reference}` }).waitFor();

    // The session runs out while the officer writes a note: the login page says so, and leads back.
    await stack.database.client.db
      .update(schema.staffSessions)
      .set({ lastSeenAt: new Date(Date.now() - 2 * 86_400_000) });
    await page.getByLabel('Notitie', { exact: true }).fill('Even gebeld met de school.');
    await page.getByRole('button', { name: 'Notitie opslaan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Inloggen bij de balie' }).waitFor();
    await page.getByText('Uw sessie is verlopen').waitFor();
    await page.getByLabel('E-mailadres').fill('boa@soest.test');
    await page.getByLabel('Wachtwoord').fill('correct horse battery');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('heading', { level: 1, name: `Melding ${reference}` }).waitFor();

    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.getByText('U bent uitgelogd.').waitFor();
  });
});
