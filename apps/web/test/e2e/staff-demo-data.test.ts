import { seedDemoMeldingen } from '@buurtsignaal/db';
import { describe, expect, it } from 'vitest';
import type { Browser } from './browser.ts';
import { browserSuite } from './browser-suite.ts';
import { expectAccessible } from './form-helpers.ts';
import type { E2eStack } from './stack.ts';
import { browserLogin, staffUser } from './staff-helpers.ts';

// Demo data (the embedded default with DEMO_SEED=1) is marked as such on every console page; a
// database without it shows no marker.

let stack: E2eStack;
let browser: Browser;
browserSuite({ desktop: true, stepTimeoutMs: 10_000 }, (s, b) => {
  stack = s;
  browser = b;
});

describe('the console’s demo data marker', () => {
  it('is absent without demo meldingen, and shows "Demodata" with their number once they are seeded', async () => {
    await staffUser(stack, 'boa.demo@soest.test', 'boa', ['boa-team']);
    const page = browser.page;
    await browserLogin(page, stack, 'boa.demo@soest.test');
    await page.getByRole('heading', { level: 1, name: /Wachtrij/ }).waitFor();
    expect(await page.getByTestId('demo-data-marker').count()).toBe(0);

    expect(await seedDemoMeldingen(stack.database.client, 200)).toBe(200);
    await page.reload();
    const marker = page.getByTestId('demo-data-marker');
    await expect.poll(() => marker.isVisible()).toBe(true);
    expect(await marker.textContent()).toMatch(/^Demodata Deze installatie bevat 200 demomeldingen/);
    await page.goto(`${stack.baseUrl}/balie/mijn-diensten`);
    await expect.poll(() => marker.isVisible()).toBe(true);
    await expectAccessible(page, 'console with the demo data marker');
  });
});
