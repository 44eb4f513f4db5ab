import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { expect } from 'vitest';
import { axeViolations, describeViolations } from './browser.ts';

/** axe on the screen as the resident sees it now: zero violations of WCAG 2.1 A/AA. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const violations = await axeViolations(page);
  expect(violations, `${screen}:\n${describeViolations(violations)}`).toEqual([]);
}

export async function expectStep(page: Page, heading: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

export const next = (page: Page) => page.getByRole('button', { name: 'Volgende', exact: true }).click();

/** A phone photo: a JPEG with GPS coordinates and a camera in its EXIF. */
export function phonePhoto(): Promise<Buffer> {
  return sharp({ create: { width: 1600, height: 1200, channels: 3, background: '#7a8b99' } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'Telefoon', Model: 'X' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '52/1 10/1 24/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '5/1 17/1 30/1',
      },
    })
    .toBuffer();
}

/** Choose an address through the PDOK search, the way a keyboard user does. */
export async function chooseAddress(page: Page, query: string, option: string): Promise<void> {
  const search = page.getByRole('combobox', { name: 'Zoek een adres' });
  await search.fill(query);
  await page.getByRole('option', { name: option }).waitFor();
  await page.getByRole('option', { name: option }).click();
  await page.getByText(`Adres: ${option}`).waitFor();
}

/**
 * Presses Tab until the focused element's accessible name matches `name`; fails when it is not reached
 * within `max` presses — which is what "reachable by keyboard" means. The name is the one assistive
 * technology announces (Playwright's ARIA snapshot of the focused element).
 */
export async function tabTo(page: Page, name: string | RegExp, max = 60): Promise<void> {
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const focused = page.locator(':focus');
    const snapshot = (await focused.count()) > 0 ? ((await focused.ariaSnapshot()).split('\n')[0] ?? '') : '';
    seen.push(snapshot);
    const match = /^- \w+ "([^"]*)"/.exec(snapshot)?.[1] ?? '';
    if (typeof name === 'string' ? match === name : name.test(match)) return;
  }
  throw new Error(`"${String(name)}" was not reached with Tab; focus went: ${seen.join(' → ')}`);
}
