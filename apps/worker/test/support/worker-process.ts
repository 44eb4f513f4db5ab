import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, waitUntil } from '@buurtsignaal/testkit';

// The real entry point (apps/worker/src/server.ts) as a process of its own, for tests that need what
// only a process shows: that it stays alive, or what a SIGKILL leaves behind.

const root = fileURLToPath(new URL('../../../..', import.meta.url));
const entry = join(root, 'apps/worker/src/server.ts');

export interface HealthAnswer {
  status: number;
  checks: Record<string, string>;
}

export interface WorkerProcess {
  readonly child: ChildProcess;
  readonly healthPort: number;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  alive(): boolean;
  /** GET /health/ready; undefined while nothing answers. */
  health(): Promise<HealthAnswer | undefined>;
  /** Sends SIGKILL and resolves when the process is gone. */
  kill(): Promise<void>;
}

/** The environment of the test process without SMTP_* and other settings that would leak in. */
function baseEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v !== undefined && !k.startsWith('SMTP_') && k !== 'DATABASE_URL' && k !== 'REDIS_URL') env[k] = v;
  }
  return env;
}

/**
 * Starts the worker with `env` (DATABASE_URL, REDIS_URL, … — the health port and data dir are its
 * own) and resolves once its health endpoint says ready.
 */
export async function spawnWorkerProcess(env: Record<string, string>): Promise<WorkerProcess> {
  const healthPort = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'bs-worker-process-'));
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: root,
    // No address lookups at the real PDOK from a test unless the test names a stand-in.
    env: {
      ...baseEnv(),
      DATA_DIR: dataDir,
      PDOK_LOCATIESERVER_URL: 'off',
      ...env,
      WORKER_HEALTH_PORT: String(healthPort),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  for (const stream of [child.stdout, child.stderr])
    stream?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      rmSync(dataDir, { recursive: true, force: true });
      resolve();
    }),
  );
  const health = async (): Promise<HealthAnswer | undefined> => {
    try {
      const res = await fetch(`http://127.0.0.1:${healthPort}/health/ready`, {
        signal: AbortSignal.timeout(3_000),
      });
      const body = (await res.json()) as { checks?: Record<string, string> };
      return { status: res.status, checks: body.checks ?? {} };
    } catch {
      return undefined;
    }
  };
  const proc: WorkerProcess = {
    child,
    healthPort,
    output: () => output,
    alive: () => child.exitCode === null && child.signalCode === null,
    health,
    async kill() {
      if (proc.alive()) child.kill('SIGKILL');
      await exited;
    },
  };
  try {
    const state = await waitUntil(
      async () => (proc.alive() ? (await health())?.status === 200 && 'ready' : 'exited'),
      { timeoutMs: 60_000, intervalMs: 100, what: 'the worker process to be ready' },
    );
    if (state === 'exited') throw new Error(`worker exited:\n${output}`);
  } catch (err) {
    await proc.kill();
    throw err;
  }
  return proc;
}
