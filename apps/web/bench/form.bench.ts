/**
 * pnpm bench:form — how long a phone on a slow mobile connection waits until step 1 of the form shows
 * its heading as the largest contentful paint, against a floor measured in the same run: a static HTML
 * page with the same heading, served by the same server (same headers, same compression) under the same
 * throttling. Lighthouse's mobile throttling, applied through the DevTools protocol: 150 ms round trip,
 * 1.6 Mbps down, 750 Kbps up, 4× CPU slowdown; a fresh browser context (empty cache) per load.
 * Floor and form alternate, BENCH_RUNS times each (default 7); medians, spread and the ratio are printed.
 */
import { type Browser, chromium, devices } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../test/e2e/chromium.ts';
import { startE2eStack } from '../test/e2e/stack.ts';

const runs = Number(process.env.BENCH_RUNS ?? 7);
const HEADING = 'Wat wilt u melden?';
const FLOOR_PATH = '/bench-floor';
const floorHtml = `<!doctype html>
<html lang="nl">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Overlast melden – Buurtsignaal Soest</title>
  </head>
  <body>
    <main><h1>${HEADING}</h1></main>
  </body>
</html>`;

/** Lighthouse's "Slow 4G" mobile preset (simulated there; applied here as real throttling). */
const throttling = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6 * 1024 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
};
const CPU_SLOWDOWN = 4;

interface Load {
  lcpMs: number;
  element: string;
  isHeading: boolean;
}

/** Collects the page's LCP candidates from the first paint on (runs before any script of the page). */
function observeLcp(): void {
  const w = window as unknown as { __lcp: { t: number; el: string; text: string }[] };
  w.__lcp = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries() as (PerformanceEntry & { element?: Element | null })[]) {
      w.__lcp.push({
        t: e.startTime,
        el: e.element?.tagName ?? '?',
        text: (e.element?.textContent ?? '').trim().slice(0, 60),
      });
    }
  }).observe({ type: 'largest-contentful-paint', buffered: true });
}

async function load(browser: Browser, url: string): Promise<Load> {
  const context = await browser.newContext({ ...devices['Pixel 7'], locale: 'nl-NL' });
  await context.addInitScript(observeLcp);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', throttling);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  await page.goto(url, { waitUntil: 'load' });
  await page.getByRole('heading', { name: HEADING }).waitFor();
  // LCP candidates come with the next frames; the page is quiet after this.
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
  const entries = await page.evaluate(
    () => (window as unknown as { __lcp: { t: number; el: string; text: string }[] }).__lcp,
  );
  await context.close();
  const last = entries.at(-1);
  if (!last) throw new Error(`no largest-contentful-paint entry on ${url}`);
  return {
    lcpMs: last.t,
    element: `${last.el} "${last.text}"`,
    isHeading: last.el === 'H1' && last.text === HEADING,
  };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};
const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
const spread = (xs: number[]): string => `${seconds(Math.min(...xs))}–${seconds(Math.max(...xs))}`;

const stack = await startE2eStack({
  beforeListen: (app) => {
    app.get(FLOOR_PATH, { schema: { hide: true } }, (_req, reply) =>
      reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(floorHtml),
    );
  },
});
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
try {
  // One unthrottled load of each warms the server (route compilation, file handles).
  await load(browser, `${stack.baseUrl}${FLOOR_PATH}`);
  await load(browser, stack.baseUrl);
  const floor: Load[] = [];
  const form: Load[] = [];
  for (let i = 0; i < runs; i++) {
    floor.push(await load(browser, `${stack.baseUrl}${FLOOR_PATH}`));
    form.push(await load(browser, stack.baseUrl));
    const f = form.at(-1) as Load;
    process.stdout.write(
      `run ${i + 1}: floor ${seconds((floor.at(-1) as Load).lcpMs)}, form ${seconds(f.lcpMs)} (LCP ${f.element})\n`,
    );
  }
  const floorMs = floor.map((l) => l.lcpMs);
  const formMs = form.map((l) => l.lcpMs);
  const notHeading = form.filter((l) => !l.isHeading);
  process.stdout.write(
    [
      '',
      `throttling: ${throttling.latency} ms RTT, 1.6 Mbps down, 750 Kbps up, CPU ${CPU_SLOWDOWN}× slower; ${runs} runs each`,
      `floor (static page, same heading): median ${seconds(median(floorMs))} (${spread(floorMs)})`,
      `form step 1:                       median ${seconds(median(formMs))} (${spread(formMs)})`,
      `ratio of medians: ${(median(formMs) / median(floorMs)).toFixed(2)}×  (goal: ≤ 2.5 s and ≤ 3×)`,
      notHeading.length === 0
        ? 'LCP element of the form: the step 1 heading in every run'
        : `LCP element was NOT the heading in ${notHeading.length} runs: ${notHeading.map((l) => l.element).join('; ')}`,
      '',
    ].join('\n'),
  );
} finally {
  await browser.close();
  await stack.close();
}
