/**
 * pnpm bench:lighthouse — Lighthouse's own mobile audit (its default: the mobile form factor with
 * simulated Slow 4G and 4× CPU slowdown) of the form's step 1 and of a status page, on the e2e stack
 * (API serving the built web app, worker, PostgreSQL, Redis), in Debian's Chromium. Prints the four
 * category scores and the failing audits of each page. Lighthouse is not a dependency of the project
 * (it needs a newer Node.js than the project's and many packages): it is taken from LIGHTHOUSE_BIN, or
 * from `lighthouse` on the PATH (`npm install -g lighthouse`, or `npx lighthouse`).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { chromiumArgs, chromiumPath } from '../test/e2e/chromium.ts';
import { startE2eStack } from '../test/e2e/stack.ts';

const run = promisify(execFile);
const bin = process.env.LIGHTHOUSE_BIN ?? 'lighthouse';
// Lighthouse wants the new headless mode; the rest are the flags every browser test uses.
const chromeFlags = chromiumArgs.map((a) => (a === '--headless' ? '--headless=new' : a)).join(' ');

interface Audit {
  id: string;
  title: string;
  score: number | null;
  scoreDisplayMode: string;
  displayValue?: string;
}
interface Report {
  categories: Record<string, { title: string; score: number | null }>;
  audits: Record<string, Audit>;
}

async function audit(name: string, url: string, dir: string): Promise<void> {
  const out = join(dir, `${name}.json`);
  await run(bin, [url, '--quiet', '--output=json', `--output-path=${out}`, `--chrome-flags=${chromeFlags}`], {
    env: { ...process.env, CHROME_PATH: chromiumPath },
    maxBuffer: 64 * 1024 * 1024,
  });
  const report = JSON.parse(await readFile(out, 'utf8')) as Report;
  const scores = Object.values(report.categories)
    .map((c) => `${c.title} ${c.score === null ? '–' : Math.round(c.score * 100)}`)
    .join(', ');
  const metrics = [
    'first-contentful-paint',
    'largest-contentful-paint',
    'total-blocking-time',
    'cumulative-layout-shift',
  ]
    .map((id) => `${report.audits[id]?.title}: ${report.audits[id]?.displayValue ?? '–'}`)
    .join('; ');
  const failing = Object.values(report.audits)
    .filter(
      (a) =>
        a.score !== null &&
        a.score < 0.9 &&
        ['binary', 'numeric', 'metricSavings'].includes(a.scoreDisplayMode),
    )
    .map((a) => `  - ${a.title}${a.displayValue ? ` (${a.displayValue})` : ''}`);
  process.stdout.write(`${name}: ${scores}\n  ${metrics}\n${failing.join('\n')}\n  report: ${out}\n`);
}

const stack = await startE2eStack();
try {
  const res = await fetch(`${stack.baseUrl}/api/v1/meldingen`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      category: 'jeugdoverlast',
      description: 'Elke avond harde muziek en scooters bij het speelveld.',
      location: { lat: 52.1733, lng: 5.2917 },
    }),
  });
  if (res.status !== 201) throw new Error(`intake: HTTP ${res.status}`);
  const { statusUrl } = (await res.json()) as { statusUrl: string };
  const dir = await mkdtemp(join(tmpdir(), 'bs-lighthouse-'));
  await audit('form (step 1)', stack.baseUrl, dir);
  await audit('status page', new URL(statusUrl, stack.baseUrl).href, dir);
} finally {
  await stack.close();
}
