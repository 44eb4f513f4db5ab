import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import { type Browser, launchPhone, screenshotDir } from './browser.ts';
import { type E2eStack, type E2eStackOptions, startE2eStack } from './stack.ts';

/**
 * One stack and one browser for a whole test file, closed after it. `ready` hands both over once they
 * run (the file keeps them in its own variables); a file's own `beforeAll` after this call sees them.
 */
export function browserSuite(
  options: { desktop?: boolean; stepTimeoutMs?: number; screenshots?: boolean; stack?: E2eStackOptions },
  ready: (stack: E2eStack, browser: Browser) => void,
): void {
  let stack: E2eStack | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    stack = await startE2eStack(options.stack);
    if (options.screenshots) mkdirSync(screenshotDir, { recursive: true });
    browser = await launchPhone(options.desktop ? { desktop: true } : {});
    // A step that does not happen fails at that step, well within the test's own timeout.
    if (options.stepTimeoutMs) browser.page.setDefaultTimeout(options.stepTimeoutMs);
    ready(stack, browser);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });
}
