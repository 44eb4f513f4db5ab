import { schema } from '@buurtsignaal/db';
import { waitUntil } from '@buurtsignaal/testkit';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { axeViolations, type Browser, describeViolations, screenshotDir } from './browser.ts';
import { browserSuite } from './browser-suite.ts';
import { postMelding } from './intake-helpers.ts';
import type { E2eStack } from './stack.ts';

let stack: E2eStack;
let browser: Browser;
browserSuite({ screenshots: true }, (s, b) => {
  stack = s;
  browser = b;
});

async function reportAndHandle(): Promise<{ reference: string; statusUrl: string }> {
  const body = await postMelding(stack, {
    location: { lat: 52.1733, lng: 5.2917, address: 'Steenhoffstraat 46, 3764BM Soest' },
    contact: { email: 'bewoner@example.nl', phone: '0612345678', wantsFeedback: true },
  });
  // An officer takes it on once the worker has routed it (written here as its status events would be).
  const db = stack.database.client.db;
  await waitUntil(async () => {
    const [row] = await db
      .select({ status: schema.meldingen.status })
      .from(schema.meldingen)
      .where(eq(schema.meldingen.id, body.id));
    return row?.status === 'ingedeeld';
  });
  await db.insert(schema.statusEvents).values({
    meldingId: body.id,
    fromStatus: 'ingedeeld',
    toStatus: 'in_behandeling',
    actor: 'staff:test',
    internalNote: 'Groep van Jan de Vries, bekend bij wijkagent',
    publicMessage: 'Een boa gaat vanavond langs bij het speelveld.\nWe houden u op de hoogte.',
  });
  await db.update(schema.meldingen).set({ status: 'in_behandeling' }).where(eq(schema.meldingen.id, body.id));
  return body;
}

describe('the melder’s status page (/m/:token)', () => {
  it('shows reference, status and the public messages — never contact data, notes or the spot', async () => {
    const { reference, statusUrl } = await reportAndHandle();
    const { page } = browser;
    await page.goto(statusUrl);
    await page.getByRole('heading', { level: 1, name: `Melding ${reference}` }).waitFor();
    await expect(page.title()).resolves.toContain(reference);
    expect(await page.getByRole('heading', { name: 'Status: In behandeling' }).count()).toBe(1);
    const timeline = page.getByRole('list', { name: 'Verloop van uw melding' });
    await expect(timeline.textContent()).resolves.toContain('Een boa gaat vanavond langs bij het speelveld.');

    const text = await page.locator('body').textContent();
    expect(text).not.toContain('Jan de Vries');
    expect(text).not.toContain('bewoner@example.nl');
    expect(text).not.toContain('0612345678');
    expect(text).not.toContain('Steenhoffstraat');
    expect(text).not.toMatch(/52\.17|5\.29/);
    expect(await page.locator('.leaflet-container').count()).toBe(0);

    const violations = await axeViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    await page.screenshot({ path: `${screenshotDir}/status-page.png`, fullPage: true });
  });

  it('answers an unknown link with a friendly page', async () => {
    const { page } = browser;
    await page.goto(`${stack.baseUrl}/m/onbekend-token-dat-niet-bestaat`);
    await page.getByRole('heading', { level: 1, name: 'Melding niet gevonden' }).waitFor();
    expect(await page.getByRole('link', { name: 'Maak een nieuwe melding' }).getAttribute('href')).toBe('/');
    const violations = await axeViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
  });
});
