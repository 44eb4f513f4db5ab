import { mkdirSync } from 'node:fs';
import { schema } from '@buurtsignaal/db';
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { type Browser, launchPhone, screenshotDir } from './browser.ts';
import { chooseAddress, expectStep, next } from './form-helpers.ts';
import { type E2eStack, startE2eStack } from './stack.ts';

export const soest = { latitude: 52.1733, longitude: 5.2917, accuracy: 18 };
export const amersfoort = { latitude: 52.1535, longitude: 5.3735, accuracy: 18 };

/**
 * One stack for a file of report-form journeys and a fresh phone per test (closed after it):
 * `phone()` launches it, `stack()` is the running stack.
 */
export function reportFormSuite() {
  let stack: E2eStack | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    stack = await startE2eStack();
    mkdirSync(screenshotDir, { recursive: true });
  }, 120_000);
  afterEach(async () => {
    await browser?.close();
    browser = undefined;
  });
  afterAll(async () => {
    await stack?.close();
  });
  return {
    stack: (): E2eStack => {
      if (!stack) throw new Error('the stack is not started');
      return stack;
    },
    phone: async (options?: Parameters<typeof launchPhone>[0]): Promise<Browser> => {
      browser = await launchPhone(options);
      return browser;
    },
  };
}

export const meldingByReference = async (stack: E2eStack, reference: string) =>
  (
    await stack.database.client.db
      .select()
      .from(schema.meldingen)
      .where(eq(schema.meldingen.reference, reference))
  )[0];

export const meldingenWithDescription = (stack: E2eStack, description: string) =>
  stack.database.client.db
    .select()
    .from(schema.meldingen)
    .where(eq(schema.meldingen.description, description));

/** The confirmation page's reference, once it is shown. */
export async function readReference(page: Page): Promise<string> {
  await expectStep(page, 'Bedankt, uw melding is ontvangen');
  const reference = (await page.getByTestId('reference').textContent())?.trim() ?? '';
  expect(reference).toMatch(/^SOE-\d{4}-\d{6}$/);
  return reference;
}

/**
 * Fills in an anonymous melding from the start page up to the review step: a category, an address by
 * search, (`details`, then) a description. The caller presses "Versturen".
 */
export async function fillAnonymousReport(
  page: Page,
  report: {
    category: string;
    address: readonly [query: string, option: string];
    description: string;
    details?: (page: Page) => Promise<void>;
  },
): Promise<void> {
  await page.getByRole('radio', { name: report.category }).check();
  await next(page);
  await chooseAddress(page, ...report.address);
  await next(page);
  await report.details?.(page);
  await page.getByRole('textbox', { name: 'Omschrijving' }).fill(report.description);
  await next(page);
  await page.getByRole('radio', { name: 'Ik meld anoniem' }).check();
  await next(page);
}

export const vanWeede = ['Van Weede', 'Van Weedestraat 1, 3761CA Soest'] as const;
