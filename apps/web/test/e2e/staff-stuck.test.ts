import { schema } from '@buurtsignaal/db';
import { markWorkStuck } from '@buurtsignaal/db/tables/stuck-jobs-repository';
import { waitUntil } from '@buurtsignaal/testkit';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { insertMelding } from '../../../worker/test/support/helpers.ts';
import type { Browser } from './browser.ts';
import { browserSuite } from './browser-suite.ts';
import { expectAccessible } from './form-helpers.ts';
import type { E2eStack } from './stack.ts';
import { browserLoginWithEnrolment, staffUser } from './staff-helpers.ts';

// The admin's "Vastgelopen taken": a melding whose routing job failed for good shows up with what,
// since when and the last error; the retry button sends it on, and the worker routes it.

let stack: E2eStack;
let browser: Browser;
browserSuite({ desktop: true, stepTimeoutMs: 10_000 }, (s, b) => {
  stack = s;
  browser = b;
});

describe('the admin’s stuck jobs', () => {
  it('shows a stuck routing job, accessible, and retrying it routes the melding', async () => {
    const db = stack.database.client.db;
    // A melding whose routing never happened (no outbox row: nothing else will route it) and whose job
    // the worker recorded as failed for good.
    const m = await insertMelding(db, { withOutbox: false });
    await markWorkStuck(
      db,
      {
        workKey: `routing-${m.statusEventId}`,
        kind: 'routing',
        meldingId: m.meldingId,
        statusEventId: m.statusEventId,
      },
      { at: new Date(), error: `routing-${m.statusEventId}: job stalled more than allowable limit` },
    );

    await staffUser(stack, 'beheer@soest.test', 'admin', []);
    const { page } = browser;
    await browserLoginWithEnrolment(page, stack, 'beheer@soest.test');

    await page.getByRole('link', { name: 'Vastgelopen taken' }).click();
    await page.getByRole('heading', { level: 1, name: 'Vastgelopen taken' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: m.reference });
    await row.waitFor();
    expect(await row.getByRole('rowheader').textContent()).toBe('Indelen bij een team');
    await row.getByText('job stalled more than allowable limit').waitFor();
    expect(await page.title()).toContain('Vastgelopen taken');
    await expectAccessible(page, 'stuck jobs');

    await row
      .getByRole('button', { name: `Opnieuw proberen: Indelen bij een team voor ${m.reference}` })
      .click();
    await page
      .getByRole('status')
      .filter({ hasText: `De taak voor melding ${m.reference} wordt opnieuw uitgevoerd.` })
      .waitFor();
    await page.getByText('Er zijn geen vastgelopen taken.').waitFor();
    await expectAccessible(page, 'stuck jobs after the retry');
    await waitUntil(
      async () => {
        const [melding] = await db
          .select()
          .from(schema.meldingen)
          .where(eq(schema.meldingen.id, m.meldingId));
        return melding?.status === 'ingedeeld';
      },
      { what: 'the worker to route the retried melding' },
    );
  }, 60_000);

  it('is not offered to a coordinator, and the address sends them back to the queue', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await staffUser(stack, 'coord@soest.test', 'coordinator', []);
    await browserLoginWithEnrolment(page, stack, 'coord@soest.test');
    expect(await page.getByRole('link', { name: 'Vastgelopen taken' }).count()).toBe(0);
    await page.goto(`${stack.baseUrl}/balie/vastgelopen`);
    await page.getByRole('heading', { level: 1, name: 'Wachtrij' }).waitFor();
  }, 60_000);
});
