import { describe, expect, it } from 'vitest';
import {
  fillAnonymousReport,
  meldingByReference,
  meldingenWithDescription,
  readReference,
  reportFormSuite,
  vanWeede,
} from './report-form-helpers.ts';

// Sending when the network or the API lets the phone down: every journey ends with exactly one melding.

const { stack, phone } = reportFormSuite();

describe('the report form delivers its melding once', () => {
  it('a network failure on submit, a rate limit, then success, gives exactly one melding', async () => {
    const { page } = await phone();
    const description = `Verdachte auto rijdt rondjes door de wijk, kenmerk ${Date.now()}.`;
    let attempts = 0;
    const keys: string[] = [];
    await page.route('**/api/v1/meldingen', async (route) => {
      attempts++;
      keys.push(route.request().headers()['idempotency-key'] ?? '');
      if (attempts === 1) {
        // The server takes the melding, but the answer never reaches the phone.
        await route.fetch();
        await route.abort('connectionreset');
        return;
      }
      if (attempts === 2) {
        // Then the rate limit answers: the form waits as asked and tries once more.
        await route.fulfill({
          status: 429,
          contentType: 'application/json',
          headers: { 'retry-after': '1' },
          body: JSON.stringify({
            statusCode: 429,
            code: 'RATE_LIMITED',
            error: 'Too Many Requests',
            message: 'Even wachten.',
          }),
        });
        return;
      }
      await route.continue();
    });
    await page.goto(stack().baseUrl);
    await fillAnonymousReport(page, {
      category: 'Verdachte situatie',
      address: ['Rademakerstraat', 'Rademakerstraat 2, 3769BD Soesterberg'],
      details: (p) =>
        p
          .getByRole('group', { name: /Is het nu aan de gang/ })
          .getByRole('radio', { name: 'Nee' })
          .check(),
      description,
    });
    await page.getByRole('button', { name: 'Versturen' }).click();

    const reference = await readReference(page);
    expect(attempts).toBe(3);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).not.toBe('');
    const rows = await meldingenWithDescription(stack(), description);
    expect(rows.map((r) => r.reference)).toEqual([reference]);
  });

  it('when the API does not know whether the melding was stored (503), the form says nothing untrue and its retry settles it', async () => {
    const { page } = await phone();
    const description = `Scooters racen over het fietspad, uitkomst onbekend ${Date.now()}.`;
    let attempts = 0;
    const keys: string[] = [];
    await page.route('**/api/v1/meldingen', async (route) => {
      attempts++;
      keys.push(route.request().headers()['idempotency-key'] ?? '');
      if (attempts > 1) return route.continue();
      // The server stores the melding, but answers as it does when the connection died at commit.
      await route.fetch();
      await route.fulfill({
        status: 503,
        contentType: 'application/json',
        headers: { 'retry-after': '1' },
        body: JSON.stringify({
          statusCode: 503,
          code: 'INTAKE_OUTCOME_UNKNOWN',
          error: 'Service Unavailable',
          message: 'We weten daardoor niet zeker of uw melding is opgeslagen.',
        }),
      });
    });
    await page.goto(stack().baseUrl);
    await fillAnonymousReport(page, { category: 'Jeugdoverlast', address: vanWeede, description });
    await page.getByRole('button', { name: 'Versturen' }).click();
    // While it waits to try again, the form says so — and not that the melding was lost.
    const status = page.getByTestId('submit-status');
    await status.getByText(/opnieuw/).waitFor();
    expect(await status.textContent()).not.toMatch(/niet opgeslagen|niet verstuurd|mislukt/);

    const reference = await readReference(page);
    expect(attempts).toBe(2);
    expect(new Set(keys).size).toBe(1);
    const rows = await meldingenWithDescription(stack(), description);
    expect(rows.map((r) => r.reference)).toEqual([reference]);
  });

  it('offline, the form says so and sends as soon as the phone is online again', async () => {
    const { page, context } = await phone();
    const description = `Vernielingen bij het bushokje aan de Van Weedestraat, ${Date.now()}.`;
    await page.goto(stack().baseUrl);
    await fillAnonymousReport(page, { category: 'Jeugdoverlast', address: vanWeede, description });
    await context.setOffline(true);
    await page.getByRole('button', { name: 'Versturen' }).click();
    await page
      .getByTestId('submit-status')
      .getByText(/U bent offline/)
      .waitFor();
    const stored = await meldingenWithDescription(stack(), description);
    expect(stored).toEqual([]);

    await context.setOffline(false);
    const reference = await readReference(page);
    expect((await meldingByReference(stack(), reference))?.description).toBe(description);
  });
});
