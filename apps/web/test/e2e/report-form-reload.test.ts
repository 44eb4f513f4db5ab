import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chooseAddress, expectStep, next } from './form-helpers.ts';
import { reportFormSuite } from './report-form-helpers.ts';

// A reload at once after each step — no waiting for a save — comes back on that step with everything
// entered so far (issue 12: reload just after "Volgende" on step 3 came back on step 2, empty).

const { stack, phone } = reportFormSuite();

async function reloadAt(page: Page, heading: string): Promise<void> {
  await expectStep(page, heading);
  await page.reload();
  // A short wait, so that a wrong step fails with its name rather than with the test's timeout.
  await page.getByRole('heading', { level: 1, name: heading }).waitFor({ timeout: 10_000 });
}

describe('the report form survives a reload right after each step', () => {
  it('keeps every step through an immediate reload', async () => {
    const { page } = await phone();
    await page.goto(stack().baseUrl);
    await page.getByRole('radio', { name: 'Jeugdoverlast' }).check();
    await next(page);
    await reloadAt(page, 'Waar?');

    await chooseAddress(page, 'Steenhoffstraat 10', 'Steenhoffstraat 10, 3764BH Soest');
    await next(page);
    await reloadAt(page, 'Wat is er aan de hand?');
    await page.getByRole('button', { name: 'Vorige' }).click();
    await expectStep(page, 'Waar?');
    await page.getByText('Adres: Steenhoffstraat 10, 3764BH Soest').waitFor();
    await next(page);

    const description = 'Jongeren slopen het bankje bij de Steenhoffstraat, elke avond.';
    await expectStep(page, 'Wat is er aan de hand?');
    await page.getByRole('textbox', { name: 'Omschrijving' }).fill(description);
    await next(page);
    await reloadAt(page, 'Contact');
    await page.getByRole('button', { name: 'Vorige' }).click();
    await expectStep(page, 'Wat is er aan de hand?');
    await expect(page.getByRole('textbox', { name: 'Omschrijving' }).inputValue()).resolves.toBe(description);
    await next(page);

    await expectStep(page, 'Contact');
    await page.getByRole('radio', { name: 'Ik meld anoniem' }).check();
    await next(page);
    await reloadAt(page, 'Controleren en versturen');
    const summary = page.locator('.bs-summary');
    await summary.getByText('Jeugdoverlast').first().waitFor();
    await summary.getByText('Steenhoffstraat 10, 3764BH Soest').first().waitFor();
    await summary.getByText(description).waitFor();
    await summary
      .getByText(/anoniem/i)
      .first()
      .waitFor();
  });
});
