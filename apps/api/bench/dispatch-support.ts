// Shared by both sides of `pnpm bench:dispatch` (the product and the floor): an SSE reader that notes
// when each message arrived, an open-loop submitter at a fixed rate, and the latency summary.
import http from 'node:http';
import { createParser } from 'eventsource-parser';

/** One SSE message as it arrived (performance.now(), this process's clock). */
export interface Arrival {
  at: number;
  data: string;
}

export interface TimedSse {
  readonly arrivals: Arrival[];
  /** Called with each message as it arrives. */
  onMessage: (a: Arrival) => void;
  close(): void;
}

/** Opens `url` as a browser's EventSource would (own socket, cookie), noting each message's arrival. */
export async function openTimedSse(url: string, cookie?: string): Promise<TimedSse> {
  const headers: Record<string, string> = { accept: 'text/event-stream' };
  if (cookie) headers.cookie = `bs_session=${cookie}`;
  const req = http.get(url, { headers, agent: false });
  const res = await new Promise<http.IncomingMessage>((resolve, reject) => {
    req.once('response', resolve);
    req.once('error', reject);
  });
  if (res.statusCode !== 200) throw new Error(`SSE ${url}: ${res.statusCode}`);
  const sse: TimedSse = { arrivals: [], onMessage: () => {}, close: () => req.destroy() };
  const parser = createParser({
    onEvent: (m) => {
      const a = { at: performance.now(), data: m.data };
      sse.arrivals.push(a);
      sse.onMessage(a);
    },
  });
  res.setEncoding('utf8');
  res.on('data', (chunk: string) => parser.feed(chunk));
  return sse;
}

export interface Submitted {
  /** performance.now() just before the request went out. */
  at: number;
  /** The id the server answered with (undefined: refused or failed). */
  id: string | undefined;
  status: number;
}

/**
 * Open loop: request i goes out at start + i / rate, whether or not earlier ones were answered
 * (a slow server does not slow the arrivals down, as residents would not).
 */
export async function submitAtRate(
  rate: number,
  seconds: number,
  send: (i: number) => Promise<{ status: number; id: string | undefined }>,
): Promise<Submitted[]> {
  const n = Math.round(rate * seconds);
  const start = performance.now();
  const pending: Promise<Submitted>[] = [];
  for (let i = 0; i < n; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const at = performance.now();
    pending.push(
      send(i).then(
        (r) => ({ at, ...r }),
        () => ({ at, id: undefined, status: 0 }),
      ),
    );
  }
  return Promise.all(pending);
}

export const quantile = (xs: number[], q: number): number =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))] ?? Number.NaN;

export interface LatencySummary {
  n: number;
  p50: number;
  p99: number;
  max: number;
  /** Submitted and answered, but nothing (or not enough) arrived before the drain timeout. */
  lost: number;
  /** More than one arrival for one submission. */
  doubled: number;
}

/** submit → first arrival per id; lost and doubled counted over the accepted submissions. */
export function summarise(submitted: Submitted[], arrivals: Map<string, number[]>): LatencySummary {
  const latencies: number[] = [];
  let lost = 0;
  let doubled = 0;
  for (const s of submitted) {
    if (!s.id) continue;
    const times = arrivals.get(s.id) ?? [];
    if (times.length === 0) lost++;
    else latencies.push(Math.min(...times) - s.at);
    if (times.length > 1) doubled++;
  }
  return {
    n: latencies.length,
    p50: quantile(latencies, 0.5),
    p99: quantile(latencies, 0.99),
    max: Math.max(...latencies),
    lost,
    doubled,
  };
}

/** Waits until `done()` or `timeoutMs` passed. */
export async function drain(done: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!done() && performance.now() < deadline) await new Promise((r) => setTimeout(r, 50));
}

/** Adds `at` to the list of arrivals of `id`. */
export function note(arrivals: Map<string, number[]>, id: string, at: number): void {
  const list = arrivals.get(id);
  if (list) list.push(at);
  else arrivals.set(id, [at]);
}

export const fmt = (s: LatencySummary): string =>
  `n ${s.n}, p50 ${s.p50.toFixed(1)} ms, p99 ${s.p99.toFixed(1)} ms, max ${s.max.toFixed(1)} ms, lost ${s.lost}, doubled ${s.doubled}`;
