import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, waitUntil } from '@buurtsignaal/testkit';
import { afterAll, describe, expect, it } from 'vitest';

// DEMO_SEED=1 on the embedded default: the first start seeds demo meldingen into its PGlite, marked
// DEMO-… (the console shows "Demodata" for them); a restart adds none; without the option none.

const entry = fileURLToPath(new URL('../src/embedded.ts', import.meta.url));
const cwd = fileURLToPath(new URL('..', import.meta.url));
const dirs: string[] = [];

interface Running {
  child: ChildProcess;
  port: number;
  output: () => string;
  exited: Promise<number | null>;
}

async function start(dataDir: string, extra: Record<string, string>): Promise<Running> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (
      v !== undefined &&
      !/^(DATABASE_URL|REDIS_URL|SMTP_URL|PUBLIC_BASE_URL|STATUS_LINK_KEY|HOST|DEMO_SEED.*)$/.test(k)
    )
      env[k] = v;
  }
  const port = await freePort();
  Object.assign(env, { DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn', ...extra });
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await waitUntil(
    async () => {
      if (child.exitCode !== null) throw new Error(`exited early:\n${out}`);
      return (await fetch(`http://127.0.0.1:${port}/health/ready`).catch(() => null))?.ok ?? false;
    },
    { timeoutMs: 90_000, intervalMs: 250, what: 'the embedded process to be ready' },
  );
  return { child, port, output: () => out, exited };
}

async function stop(running: Running): Promise<void> {
  running.child.kill('SIGTERM');
  expect(await running.exited).toBe(0);
}

/** The demo meldingen count as the console reads it, logged in as the demo boa from the banner. */
async function demoCount(running: Running): Promise<number> {
  const base = `http://127.0.0.1:${running.port}`;
  const password = /boa@soest\.demo\s+wachtwoord (\S+)/.exec(running.output())?.[1];
  const login = await fetch(`${base}/api/v1/staff/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'boa@soest.demo', password }),
  });
  expect(login.status).toBe(200);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const res = await fetch(`${base}/api/v1/staff/demo-data`, { headers: { cookie } });
  expect(res.status).toBe(200);
  return ((await res.json()) as { demoMeldingen: number }).demoMeldingen;
}

const dataDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'bs-embedded-demo-'));
  dirs.push(dir);
  return dir;
};

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('embedded default with DEMO_SEED', () => {
  it('seeds DEMO_SEED_COUNT demo meldingen at the first start, and none again on a restart', async () => {
    const dir = dataDir();
    const first = await start(dir, { DEMO_SEED: '1', DEMO_SEED_COUNT: '1500' });
    try {
      expect(first.output()).toContain('1500 demomeldingen gezaaid (DEMO_SEED)');
      expect(await demoCount(first)).toBe(1500);
    } finally {
      await stop(first);
    }
    const second = await start(dir, { DEMO_SEED: '1', DEMO_SEED_COUNT: '1500' });
    try {
      expect(second.output()).not.toContain('demomeldingen gezaaid');
      expect(await demoCount(second)).toBe(1500);
    } finally {
      await stop(second);
    }
  }, 240_000);

  it('seeds nothing without the option', async () => {
    const running = await start(dataDir(), {});
    try {
      expect(running.output()).not.toContain('demomeldingen');
      expect(await demoCount(running)).toBe(0);
    } finally {
      await stop(running);
    }
  }, 120_000);
});
