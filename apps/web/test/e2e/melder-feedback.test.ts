import { type Db, schema } from '@buurtsignaal/db';
import { waitUntil } from '@buurtsignaal/testkit';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { type Browser, screenshotDir } from './browser.ts';
import { browserSuite } from './browser-suite.ts';
import { expectAccessible } from './form-helpers.ts';
import { postMelding, routed } from './intake-helpers.ts';
import type { E2eStack } from './stack.ts';
import { browserLogin, staffUser } from './staff-helpers.ts';

let stack: E2eStack;
let browser: Browser;
browserSuite({ screenshots: true }, (s, b) => {
  stack = s;
  browser = b;
});

/** As the staff API writes a status change: the event and the melding's status. */
async function staffChange(db: Db, meldingId: string, from: string, to: string, publicMessage?: string) {
  await db.insert(schema.statusEvents).values({
    meldingId,
    fromStatus: from,
    toStatus: to,
    actor: 'staff:test',
    publicMessage: publicMessage ?? null,
  });
  await db.update(schema.meldingen).set({ status: to }).where(eq(schema.meldingen.id, meldingId));
}

const expectAxeClean = () => expectAccessible(browser.page, 'status page');

describe('the melder answers on the status page (Chromium, phone)', () => {
  it('"Nee" with a toelichting on an afgehandeld melding reopens it', async () => {
    const m = await postMelding(stack);
    const db = stack.database.client.db;
    // Let the worker route it first, so that its routing does not race the staff changes below.
    await routed(db, m.id);
    await staffChange(db, m.id, 'ingedeeld', 'in_behandeling');
    await staffChange(
      db,
      m.id,
      'in_behandeling',
      'afgehandeld',
      'Onze boa’s zijn langs geweest en hebben de jongeren aangesproken.',
    );

    const { page } = browser;
    // The feedback link of the afgehandeld mail.
    await page.goto(`${m.statusUrl}#opgelost`);
    const question = page.getByRole('group', { name: 'Is uw melding opgelost?' });
    await question.waitFor();
    // Opened from the mail's link: focus starts at the question.
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('opgelost');
    await expectAxeClean();

    const submit = page.getByRole('button', { name: 'Antwoord versturen' });
    await submit.click();
    const summary = page.getByRole('alert').filter({ hasText: 'Er ging iets mis' });
    await summary.waitFor();
    await expect(summary.textContent()).resolves.toContain('Kies ja of nee.');
    await expect(summary.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await expectAxeClean();

    await page.getByLabel('Nee').check();
    await submit.click();
    await expect(summary.textContent()).resolves.toContain('Vertel kort wat er nog niet is opgelost.');
    const toelichting = page.getByRole('textbox', { name: 'Toelichting' });
    await expect(toelichting.getAttribute('aria-invalid')).resolves.toBe('true');
    // The summary's link takes the melder to the field.
    await summary.getByRole('link').click();
    await expect(toelichting.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await expectAxeClean();

    await toelichting.fill('Gisteravond waren ze er weer, tot na middernacht.');
    await submit.click();

    await page.getByRole('heading', { level: 2, name: 'Status: Heropend' }).waitFor();
    const notice = page.getByRole('status').filter({ hasText: 'heropend' });
    await expect(notice.textContent()).resolves.toContain('We hebben uw melding heropend');
    await expect(
      page.evaluate(() => document.activeElement?.classList.contains('bs-status-notice')),
    ).resolves.toBe(true);
    expect(await page.getByRole('group', { name: 'Is uw melding opgelost?' }).count()).toBe(0);
    const timeline = page.getByRole('list', { name: 'Verloop van uw melding' });
    await expect(timeline.textContent()).resolves.toContain('Gisteravond waren ze er weer');
    await expectAxeClean();
    await page.screenshot({ path: `${screenshotDir}/status-page-heropend.png`, fullPage: true });

    const [row] = await db.select().from(schema.meldingen).where(eq(schema.meldingen.id, m.id));
    expect(row?.reopenCount).toBe(1);
    // The worker routes it to the team again; the melder still reads "Heropend" after a reload.
    await waitUntil(
      async () => {
        const [r] = await db.select().from(schema.meldingen).where(eq(schema.meldingen.id, m.id));
        return r?.status === 'ingedeeld';
      },
      { what: 'the routing of the reopened melding' },
    );
    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Status: Heropend' }).waitFor();

    // The boa who picks it up sees that it was reopened, and why, instead of a melding that looks new.
    await staffUser(stack, 'boa.heropend@soest.test', 'boa', ['boa-team']);
    await browserLogin(page, stack, 'boa.heropend@soest.test');
    const card = page.getByRole('link').filter({ hasText: m.reference });
    await card.waitFor();
    await expect.poll(() => card.textContent()).toContain('Heropend');
    await card.click();
    const reopened = page.getByRole('region', { name: 'Heropend' });
    await reopened.waitFor();
    await expect.poll(() => reopened.textContent()).toContain('door de melder: niet opgelost');
    await expect
      .poll(() => reopened.textContent())
      .toContain('Gisteravond waren ze er weer, tot na middernacht.');
    await expectAccessible(page, 'reopened melding in the console');
  });

  it('answers the question from the mail’s link (#vraag) and the status goes back to In behandeling', async () => {
    const m = await postMelding(stack);
    const db = stack.database.client.db;
    await routed(db, m.id);
    await staffChange(db, m.id, 'ingedeeld', 'in_behandeling');
    await staffChange(db, m.id, 'in_behandeling', 'reactie_gevraagd', 'Op welke dagen is het het ergst?');

    const { page } = browser;
    await page.goto(`${m.statusUrl}#vraag`);
    await page.getByRole('heading', { level: 2, name: 'Onze vraag aan u' }).waitFor();
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('vraag');
    await expectAxeClean();

    await page.getByRole('button', { name: 'Antwoord versturen' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Er ging iets mis' });
    await expect(summary.textContent()).resolves.toContain('Vul uw antwoord in.');
    await expectAxeClean();

    await page.getByRole('textbox', { name: 'Uw antwoord' }).fill('Vooral op vrijdag en zaterdag.');
    await page.getByRole('button', { name: 'Antwoord versturen' }).click();
    await page.getByRole('heading', { level: 2, name: 'Status: In behandeling' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Onze vraag aan u' }).count()).toBe(0);
    const timeline = page.getByRole('list', { name: 'Verloop van uw melding' });
    await expect(timeline.textContent()).resolves.toContain('Vooral op vrijdag en zaterdag.');
    await expectAxeClean();
  });
});
