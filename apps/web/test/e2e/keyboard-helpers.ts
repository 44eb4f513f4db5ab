import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { expect } from 'vitest';

/** What has the keyboard focus, as a person would describe it, and whether its focus is drawn. */
export interface Focused {
  tag: string;
  /** The input type, for an <input>. */
  type: string;
  role: string;
  name: string;
  /** Inside <main> (else the header, the nav or the skip link). */
  inMain: boolean;
  /** `:focus-visible` matches and an outline of ≥ 2 px (or a box-shadow ring) is drawn. */
  visible: boolean;
  /** Has a box on the screen (not hidden, not 0×0). */
  onScreen: boolean;
  /** The calendar/clock button inside a date or time field has the focus (native, judged by pixels). */
  picker: boolean;
  /** How the ring was judged (for a failure message). */
  ring: string;
}

/** The focused element; the accessible name approximated from aria-label, labels, alt, title or text. */
export function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) {
      return {
        tag: 'body',
        type: '',
        role: '',
        name: '',
        inMain: false,
        visible: false,
        onScreen: false,
        picker: false,
        ring: '',
      };
    }
    const labelled = el.getAttribute('aria-labelledby');
    const byIds = labelled
      ? labelled
          .split(/\s+/)
          .map((id) => document.getElementById(id)?.textContent ?? '')
          .join(' ')
      : '';
    const input = el as HTMLInputElement;
    const label = input.labels?.[0]?.textContent ?? '';
    const name = (
      el.getAttribute('aria-label') ||
      byIds ||
      label ||
      el.getAttribute('alt') ||
      el.getAttribute('title') ||
      el.textContent ||
      ''
    )
      .replace(/\s+/g, ' ')
      .trim();
    // Focus on the calendar/clock button inside a date or time field: that button draws the ring.
    const inPicker = el instanceof HTMLInputElement && /date|time/.test(el.type) && !el.matches(':focus');
    const style = inPicker
      ? getComputedStyle(el, '::-webkit-calendar-picker-indicator')
      : getComputedStyle(el);
    const ring =
      (style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) >= 2) ||
      (style.boxShadow !== 'none' && style.boxShadow !== '');
    const box = el.getBoundingClientRect();
    return {
      tag: el.tagName.toLowerCase(),
      type: el instanceof HTMLInputElement ? el.type : '',
      role: el.getAttribute('role') ?? '',
      name,
      inMain: el.closest('main') !== null,
      visible: (inPicker || el.matches(':focus-visible')) && ring,
      onScreen: box.width > 0 && box.height > 0 && style.visibility !== 'hidden',
      picker: inPicker,
      ring: `picker=${inPicker} focus-visible=${el.matches(':focus-visible')} outline=${style.outlineStyle} ${style.outlineWidth} shadow=${style.boxShadow}`,
    };
  });
}

/**
 * The calendar/clock button of a date or time field is drawn by the browser, not by CSS that can be
 * read back: compare the pixels around it focused with the same pixels once the focus has stepped to
 * the field's own last segment (and back again).
 */
async function pickerRingDrawn(page: Page, back: boolean): Promise<boolean> {
  const field = (await page.evaluateHandle(() => document.activeElement)).asElement();
  if (!field) return false;
  const shot = async () => {
    const png = await field.screenshot({ animations: 'disabled', caret: 'hide' });
    const image = sharp(png);
    const { width = 0, height = 0 } = await image.metadata();
    // The button sits at the field's end, one field-height wide.
    return image
      .extract({ left: Math.max(0, width - height), top: 0, width: Math.min(width, height), height })
      .raw()
      .toBuffer();
  };
  const focusedShot = await shot();
  await page.keyboard.press(back ? 'Tab' : 'Shift+Tab');
  const awayShot = await shot();
  await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  return !focusedShot.equals(awayShot);
}

const describe = (f: Focused): string =>
  `<${f.tag}${f.role ? ` role=${f.role}` : ''}> "${f.name}"${f.visible ? '' : ` [${f.ring}]`}`;

/**
 * Presses Tab (or Shift+Tab) until the focused element's name matches `name`, checking at every stop
 * that the focus is drawn and on screen. Fails when it never comes (unreachable, or a trap).
 */
export async function tabTo(
  page: Page,
  name: RegExp | ((f: Focused) => boolean),
  options: { back?: boolean; max?: number; where?: string } = {},
): Promise<Focused[]> {
  const seen: Focused[] = [];
  for (let i = 0; i < (options.max ?? 150); i++) {
    await page.keyboard.press(options.back ? 'Shift+Tab' : 'Tab');
    const now = await focused(page);
    seen.push(now);
    if (now.tag !== 'body') {
      if (now.picker) now.visible = await pickerRingDrawn(page, options.back === true);
      expect(now.visible, `focus is drawn on ${describe(now)} (${options.where ?? ''})`).toBe(true);
      expect(now.onScreen, `focused ${describe(now)} is on screen (${options.where ?? ''})`).toBe(true);
    }
    if (typeof name === 'function' ? name(now) : name.test(now.name)) return seen;
  }
  throw new Error(
    `${typeof name === 'function' ? 'the element' : name} not reached by ${options.back ? 'Shift+Tab' : 'Tab'} (${options.where ?? ''}); stops:\n  ${seen
      .map(describe)
      .join('\n  ')}`,
  );
}

/**
 * No keyboard trap: from where the focus is, Tab goes on through the page and out of <main>
 * (round to the top of the page), and Shift+Tab comes back out of <main> the other way.
 */
export async function expectNoTrap(page: Page, where: string): Promise<void> {
  const start = await focused(page);
  let left = false;
  for (let i = 0; i < 300 && !left; i++) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    left = !now.inMain;
  }
  expect(left, `Tab leads out of the main content of ${where} (from ${describe(start)})`).toBe(true);
  // Round the top of the page back into main, then Shift+Tab out of it again.
  await tabTo(page, (f) => f.inMain, { where, max: 400 });
  let back = false;
  for (let i = 0; i < 300 && !back; i++) {
    await page.keyboard.press('Shift+Tab');
    const now = await focused(page);
    back = !now.inMain;
  }
  expect(back, `Shift+Tab leads out of the main content of ${where}`).toBe(true);
}

/**
 * The skip link: Shift+Tab from the header comes back to it (drawn when focused), Enter moves the focus
 * to <main>, and the next Tab lands inside the content, past the whole navigation.
 */
export async function expectSkipLink(page: Page, where: string): Promise<void> {
  await tabTo(page, /^Naar de inhoud$/, { back: true, where: `skip link of ${where}` });
  await page.keyboard.press('Enter');
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.id ?? ''), { timeout: 5_000 })
    .toBe('main');
  await page.keyboard.press('Tab');
  const next = await focused(page);
  expect(next.inMain, `Tab after the skip link lands in the content of ${where}: ${describe(next)}`).toBe(
    true,
  );
  expect(next.visible, `focus is drawn on ${describe(next)} (${where})`).toBe(true);
}

/** Follows a link of the console navigation by keyboard: Shift+Tab back from the content to it, Enter. */
export async function navigateByKeyboard(page: Page, link: string, heading: RegExp): Promise<void> {
  await tabTo(page, new RegExp(`^${link}$`), { back: true, where: `nav link ${link}` });
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}
