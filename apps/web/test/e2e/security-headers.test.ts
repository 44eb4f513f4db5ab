import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, launchPhone, takeCspViolations } from './browser.ts';
import { chooseAddress, expectStep, next } from './form-helpers.ts';
import { type E2eStack, startE2eStack } from './stack.ts';

// What the security headers mean in a real browser: the built app works under the CSP (the harness
// fails every browser test on a violation), what the CSP forbids is refused, no Referer leaves for the
// tile server or PDOK, geolocation only on the form, and the console cannot be framed.

const soest = { latitude: 52.1733, longitude: 5.2917, accuracy: 18 };

let stack: E2eStack;
let browser: Browser | undefined;

beforeAll(async () => {
  stack = await startE2eStack();
}, 120_000);
afterEach(async () => {
  await browser?.close();
  browser = undefined;
});
afterAll(async () => {
  await stack?.close();
});

describe('the web app under its security headers', () => {
  it('styles the NL Design System components from CSS files, and refuses inline script and eval', async () => {
    browser = await launchPhone();
    const { page } = browser;
    await page.goto(stack.baseUrl);
    await expectStep(page, 'Wat wilt u melden?');
    // The button's own stylesheet applies: Utrecht's button CSS gives it a minimum block size (a
    // touch target), which a browser's default button does not have.
    const button = page.getByRole('button', { name: 'Volgende', exact: true });
    expect(await button.evaluate((el) => getComputedStyle(el).minBlockSize)).toMatch(/^[1-9]\d*(\.\d+)?px$/);
    expect(takeCspViolations()).toEqual([]);

    // Code run through the DevTools protocol is exempt from the page's CSP, so the attempts are made
    // the way an injected script would: a <script> element, and a string timer (eval).
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true;';
      document.head.append(script);
      setTimeout('window.__evalRan = true;' as unknown as () => void, 0);
    });
    const seen: string[] = [];
    const reported = () => {
      seen.push(...takeCspViolations());
      return seen.join('\n');
    };
    await expect.poll(reported).toMatch(/script-src blocked eval/);
    expect(reported()).toMatch(/script-src-elem blocked inline/);
    const ran = await page.evaluate(() => {
      const w = window as unknown as { __inlineRan?: boolean; __evalRan?: boolean };
      return { inline: w.__inlineRan === true, eval: w.__evalRan === true };
    });
    expect(ran).toEqual({ inline: false, eval: false });
  });

  it('sends no Referer to the tile server or PDOK', async () => {
    browser = await launchPhone();
    const { page } = browser;
    await page.goto(stack.baseUrl);
    await page.getByRole('radio', { name: 'Jeugdoverlast' }).check();
    await next(page);
    await expectStep(page, 'Waar?');
    await chooseAddress(page, 'Steenhoff', 'Steenhoffstraat 46, 3764BM Soest');
    await expect
      .poll(() => stack.externals.requests.filter((r) => r.path.startsWith('/tiles/')).length)
      .toBeGreaterThan(0);
    const external = stack.externals.requests.filter((r) => /^\/(tiles|pdok)\//.test(r.path));
    expect(external.length).toBeGreaterThan(1);
    expect(external.filter((r) => r.referer !== undefined).map((r) => `${r.path} ← ${r.referer}`)).toEqual(
      [],
    );
  });

  it('lets the form and the console use geolocation, and not the status page', async () => {
    browser = await launchPhone({ geolocation: soest });
    const { page } = browser;
    const ask = () =>
      page.evaluate(
        () =>
          new Promise<string>((resolve) =>
            navigator.geolocation.getCurrentPosition(
              () => resolve('position'),
              (err) => resolve(`error ${err.code}`),
              { timeout: 5_000 },
            ),
          ),
      );
    await page.goto(stack.baseUrl);
    await expectStep(page, 'Wat wilt u melden?');
    expect(await ask()).toBe('position');
    await page.goto(`${stack.baseUrl}/m/onbekend-token`);
    // 1 = PERMISSION_DENIED: the Permissions-Policy of this page allows no one to ask.
    expect(await ask()).toBe('error 1');
    // The console (one document for all its pages): its map shows the officer's own position.
    await page.goto(`${stack.baseUrl}/balie`);
    await page.getByRole('heading', { level: 1, name: 'Inloggen bij de balie' }).waitFor();
    expect(await ask()).toBe('position');
  });

  it('refuses to show the console inside another site’s frame', async () => {
    browser = await launchPhone({ desktop: true });
    const { page } = browser;
    // Another origin (the fake PDOK/tile server) puts the console in an iframe.
    await page.goto(`${stack.externals.url}/elders`);
    await page.evaluate((src) => {
      const frame = document.createElement('iframe');
      frame.src = src;
      frame.title = 'balie';
      document.body.append(frame);
    }, `${stack.baseUrl}/balie`);
    await expect
      .poll(
        () =>
          page
            .frames()
            .find((f) => f !== page.mainFrame())
            ?.url() ?? '',
      )
      .not.toBe('');
    const framed = page.frames().find((f) => f !== page.mainFrame());
    // Chromium replaces a refused frame by its error page; the console's login never renders there.
    await expect.poll(() => framed?.url()).not.toContain('/balie');
    expect(await framed?.locator('input').count()).toBe(0);
    takeCspViolations();
  });
});
