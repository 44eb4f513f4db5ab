import { waitUntil } from '@buurtsignaal/testkit';
import { describe, expect, it } from 'vitest';
import type { Browser } from './browser.ts';
import { browserSuite } from './browser-suite.ts';
import { expectAccessible } from './form-helpers.ts';
import { type PostedMelding, postMelding, routed } from './intake-helpers.ts';
import type { E2eStack } from './stack.ts';
import { apiLogin, browserLogin, staffUser } from './staff-helpers.ts';

// One incident, many reports, in the console: three neighbours report the same group of youths; the
// officer sees the group on the melding's page, claims it and closes it with one message, and each of
// the three melders gets that message by e-mail.

let stack: E2eStack;
let browser: Browser;
browserSuite({ stepTimeoutMs: 10_000 }, (s, b) => {
  stack = s;
  browser = b;
});

const north = (m: number) => ({ lat: 52.1733 + m / 111_195, lng: 5.2917 });
const melders = ['buur-a@example.nl', 'buur-b@example.nl', 'buur-c@example.nl'];

describe('an incident group in the console', () => {
  it('shows the group on one screen, and claiming and closing it reach all three melders', async () => {
    // Routing decides the team by the time of day: the officer is in both, and sees the group either way.
    await staffUser(stack, 'boa@soest.test', 'boa', ['boa-team', 'politie-basisteam']);
    const api = await apiLogin(stack, 'boa@soest.test');
    const posted: PostedMelding[] = [];
    for (const [i, email] of melders.entries()) {
      posted.push(
        await postMelding(stack, { location: north(i * 50), contact: { email, wantsFeedback: true } }),
      );
      await routed(stack.database.client.db, posted[i]?.id as string);
    }
    const [a, b, c] = posted as [PostedMelding, PostedMelding, PostedMelding];
    await waitUntil(
      async () =>
        (await api.call<{ group?: { size: number } }>('GET', `/meldingen/${c.id}`)).body.group?.size === 3,
      { what: 'the group of three' },
    );

    const { page } = browser;
    await browserLogin(page, stack, 'boa@soest.test');
    await page.getByRole('heading', { level: 1, name: 'Wachtrij' }).waitFor();
    await page.goto(`${stack.baseUrl}/balie/meldingen/${b.id}`);
    await page.getByRole('heading', { level: 1, name: `Melding ${b.reference}` }).waitFor();
    const group = page.locator('.bs-staff-group');
    await page.getByRole('heading', { level: 2, name: 'Onderdeel van een groep van 3 meldingen' }).waitFor();
    await group.getByRole('link', { name: a.reference }).waitFor();
    await group.getByRole('link', { name: c.reference }).waitFor();
    await group.getByRole('button', { name: 'Losmaken uit de groep' }).waitFor();
    await expectAccessible(page, 'melding in a group');

    await page.getByRole('button', { name: 'Oppakken' }).click();
    await page.getByRole('status').filter({ hasText: 'U heeft de melding opgepakt.' }).waitFor();
    for (const m of posted) {
      const d = await api.call<{ status: { code: string } }>('GET', `/meldingen/${m.id}`);
      expect(d.body.status.code, m.reference).toBe('in_behandeling');
    }

    const closing = 'We hebben de groep bij het speelveld aangesproken; de boa komt vaker langs.';
    await page.getByRole('radio', { name: 'Afgehandeld' }).check();
    await page.getByLabel('Bericht aan de melder', { exact: true }).fill(closing);
    await page.getByRole('button', { name: 'Status opslaan' }).click();
    await page.getByRole('status').filter({ hasText: 'De status is gewijzigd in Afgehandeld.' }).waitFor();
    // The group on the page: every member afgehandeld.
    await expect.poll(() => group.textContent(), { timeout: 10_000 }).not.toMatch(/In behandeling/);
    await expectAccessible(page, 'closed group');

    const closingMails = () =>
      stack.sink.received.filter((m) => String(m.parsed.text).includes(closing)).map((m) => m.envelopeTo);
    await waitUntil(() => closingMails().length >= 3, { what: 'the closing mails' });
    expect(closingMails().flat().sort()).toEqual([...melders].sort());
  });
});
