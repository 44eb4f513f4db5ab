import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, devices, type Page } from 'playwright-core';
import { afterEach } from 'vitest';
import { chromiumArgs, chromiumPath } from './chromium.ts';

export { chromiumArgs, chromiumPath } from './chromium.ts';

/**
 * Every Content Security Policy violation any page of any browser of this test file reported since the
 * last test ended. The app must work under the CSP the API sends (no inline scripts or styles, only the
 * configured tile and PDOK hosts): every browser test fails on a violation, whatever it was testing.
 */
const cspViolations: string[] = [];

afterEach(() => {
  const found = cspViolations.splice(0);
  if (found.length > 0) throw new Error(`Content Security Policy violations:\n  ${found.join('\n  ')}`);
});

/** Reports violations from inside the page (the event says which directive and what was blocked). */
function reportViolations(): void {
  document.addEventListener('securitypolicyviolation', (e) => {
    const report = (window as unknown as { __bsCspViolation?: (text: string) => void }).__bsCspViolation;
    report?.(
      `${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} on ${location.pathname}` +
        (e.sourceFile ? ` from ${e.sourceFile}:${e.lineNumber}` : ''),
    );
  });
}

async function watchCsp(context: BrowserContext): Promise<void> {
  await context.exposeBinding('__bsCspViolation', (_source, text: string) => {
    cspViolations.push(text);
  });
  await context.addInitScript(reportViolations);
  // Also what only reaches the console (e.g. a violation in a worker).
  context.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
      cspViolations.push(message.text());
    }
  });
}

/** What the harness saw so far in this test (a test that provokes a violation on purpose takes them). */
export const takeCspViolations = (): string[] => cspViolations.splice(0);

export interface Browser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/** A phone (Pixel 7 profile) with a fresh profile directory; geolocation granted when given. */
export async function launchPhone(
  options: {
    geolocation?: { latitude: number; longitude: number; accuracy?: number };
    desktop?: boolean;
  } = {},
): Promise<Browser> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'bs-chromium-'));
  const device = options.desktop ? devices['Desktop Chrome'] : devices['Pixel 7'];
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    args: chromiumArgs,
    ...device,
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    ...(options.geolocation ? { geolocation: options.geolocation, permissions: ['geolocation'] } : {}),
  });
  await watchCsp(context);
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

const require = createRequire(import.meta.url);
const axePath = require.resolve('axe-core/axe.min.js');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core on the page as it is now, against WCAG 2.0/2.1 A and AA. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol, not added as a <script> element: the page's CSP (rightly)
  // refuses inline scripts.
  await page.evaluate(readFileSync(axePath, 'utf8'));
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  });
}

/** Readable summary for an assertion message. */
export const describeViolations = (violations: AxeViolation[]): string =>
  violations
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
    .join('\n');

/**
 * Where browser tests write their screenshots: `docs/screenshots/` (shown in the README) when
 * `UPDATE_SCREENSHOTS=1`, else a temporary folder — a test run never changes committed files.
 */
export const screenshotDir: string = process.env.UPDATE_SCREENSHOTS
  ? fileURLToPath(new URL('../../../../docs/screenshots/', import.meta.url))
  : mkdtempSync(join(tmpdir(), 'bs-screenshots-'));
