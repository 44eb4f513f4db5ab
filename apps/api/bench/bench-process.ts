// Child processes of `pnpm bench:dispatch`: the API, the worker and the floor each run in a Node
// process of their own (as they would in production), not on the event loop of the load generator,
// the SSE client and the fake push service. A child gets its options as JSON in BENCH_CHILD_OPTIONS,
// prints one JSON line when it is ready, and closes what it runs on SIGTERM.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export interface BenchChild<T> {
  ready: T;
  stop(): Promise<void>;
}

/** Starts `file` (relative to this directory) with `options`; resolves with what it printed when ready. */
export async function startChild<T>(file: string, options: unknown): Promise<BenchChild<T>> {
  // BENCH_PROFILE_DIR: each child writes a CPU profile there (node --cpu-prof) when it exits.
  const profile = process.env.BENCH_PROFILE_DIR
    ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_PROFILE_DIR]
    : [];
  const entry = fileURLToPath(new URL(file, import.meta.url));
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', entry], {
    env: { ...process.env, BENCH_CHILD_OPTIONS: JSON.stringify(options) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const lines = createInterface({ input: child.stdout });
  const ready = await new Promise<T>((resolve, reject) => {
    lines.once('line', (line) => resolve(JSON.parse(line) as T));
    child.once('exit', (code) => reject(new Error(`${file} exited (${code}) before it was ready`)));
  });
  return {
    ready,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** In the child: its options, and `serve` to report ready and to close on SIGTERM. */
export function childOptions<O>(): O {
  return JSON.parse(process.env.BENCH_CHILD_OPTIONS ?? '{}') as O;
}

export function serve(ready: unknown, close: () => Promise<void>): void {
  process.stdout.write(`${JSON.stringify(ready)}\n`);
  process.once('SIGTERM', () => {
    close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  });
}
