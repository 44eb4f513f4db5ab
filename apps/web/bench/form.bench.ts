/**
 * pnpm bench:form — how long a phone on a slow mobile connection waits until step 1 of the form paints
 * its heading, and its largest contentful paint, against a floor measured in the same run: a static HTML
 * page with the same heading, served by the same server (same headers, same compression) under the same
 * throttling. The heading's paint time comes from Element Timing (`elementtiming="step-heading"`, a
 * PerformanceObserver of type 'element'); the LCP from the last 'largest-contentful-paint' entry, with
 * the element it names (on the form that is step 1's intro paragraph, painted in the same frame). Lighthouse's mobile throttling, applied through the DevTools protocol: 150 ms round trip,
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
    <main><h1 elementtiming="step-heading">${HEADING}</h1></main>
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
  /** When step 1's heading was painted (Element Timing's renderTime). */
  headingMs: number;
  lcpMs: number;
  element: string;
  isHeading: boolean;
}

interface Observed {
  __lcp: { t: number; el: string; text: string }[];
  __heading: number[];
}

/** Collects the page's LCP candidates and the heading's paint from the first paint on (before any script). */
function observeLcp(): void {
  const w = window as unknown as Observed;
  w.__lcp = [];
  w.__heading = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries() as (PerformanceEntry & {
      identifier?: string;
      renderTime?: number;
    })[]) {
      if (e.identifier === 'step-heading') w.__heading.push(e.renderTime || e.startTime);
    }
  }).observe({ type: 'element', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries() as (PerformanceEntry & { element?: Element | null })[]) {
      w.__lcp.push({
        t: e.startTime,
        // No element: the node was gone when the entry was read (the prerendered step 1, which the app
        // replaces with the same markup).
        el: e.element?.tagName ?? '(replaced)',
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
  const { __lcp: entries, __heading: heading } = await page.evaluate(() => {
    const w = window as unknown as Observed;
    return { __lcp: w.__lcp, __heading: w.__heading };
  });
  await context.close();
  const last = entries.at(-1);
  if (!last) throw new Error(`no largest-contentful-paint entry on ${url}`);
  const headingMs = heading[0];
  if (headingMs === undefined) throw new Error(`no element timing entry for the heading on ${url}`);
  return {
    headingMs,
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
    const fl = floor.at(-1) as Load;
    process.stdout.write(
      `run ${i + 1}: floor heading ${seconds(fl.headingMs)} LCP ${seconds(fl.lcpMs)}; ` +
        `form heading ${seconds(f.headingMs)} LCP ${seconds(f.lcpMs)} (LCP ${f.element})\n`,
    );
  }
  const line = (label: string, xs: number[]) => `${label} median ${seconds(median(xs))} (${spread(xs)})`;
  const ratio = (a: number[], b: number[]) => `${(median(a) / median(b)).toFixed(2)}×`;
  const floorHeading = floor.map((l) => l.headingMs);
  const floorLcp = floor.map((l) => l.lcpMs);
  const formHeading = form.map((l) => l.headingMs);
  const formLcp = form.map((l) => l.lcpMs);
  const notHeading = form.filter((l) => !l.isHeading);
  process.stdout.write(
    [
      '',
      `throttling: ${throttling.latency} ms RTT, 1.6 Mbps down, 750 Kbps up, CPU ${CPU_SLOWDOWN}× slower; ${runs} runs each`,
      line('floor heading painted (= its LCP):', floorHeading),
      line('floor LCP:                        ', floorLcp),
      line('form step 1 heading painted:      ', formHeading),
      line('form step 1 LCP:                  ', formLcp),
      `ratio of medians, heading: ${ratio(formHeading, floorHeading)}; LCP: ${ratio(formLcp, floorLcp)}  (goal: ≤ 2.5 s and ≤ 3×)`,
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
