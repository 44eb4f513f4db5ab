import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, waitUntil } from '@buurtsignaal/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The embedded default as a resident-facing installation would run it: `pnpm start`'s entry point with
// nothing configured — PGlite under DATA_DIR, a private redis-server, the dev mailbox — in one process.

const entry = fileURLToPath(new URL('../src/embedded.ts', import.meta.url));
const cwd = fileURLToPath(new URL('..', import.meta.url));

interface Running {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function launch(dataDir: string, port: number): Running {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (
      v !== undefined &&
      !/^(DATABASE_URL|REDIS_URL|SMTP_URL|PUBLIC_BASE_URL|STATUS_LINK_KEY|HOST|VAPID_\w+)$/.test(k)
    )
      env[k] = v;
  }
  // No HOST: the default must keep the embedded process to this machine.
  Object.assign(env, { DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn' });
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
  return { child, output: () => out, exited };
}

/** This machine's first address that is not loopback (an interface another machine could reach). */
const outwardAddress = Object.values(networkInterfaces())
  .flat()
  .find((i) => i && !i.internal && i.family === 'IPv4')?.address;

/** Whether a TCP connection to address:port is accepted. */
const accepts = (host: string, port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect({ host, port, timeout: 2_000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });

describe('embedded default (one process, nothing configured)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'bs-embedded-'));
  let port: number;
  let first: Running;
  const base = () => `http://127.0.0.1:${port}`;

  beforeAll(async () => {
    port = await freePort();
    first = launch(dataDir, port);
    await waitUntil(
      async () => {
        if (first.child.exitCode !== null) throw new Error(`exited early:\n${first.output()}`);
        const res = await fetch(`${base()}/health/ready`);
        return res.ok;
      },
      { timeoutMs: 60_000, intervalMs: 250, what: 'the embedded process to be ready' },
    );
  }, 90_000);

  afterAll(async () => {
    if (first.child.exitCode === null) {
      first.child.kill('SIGKILL');
      await first.exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('takes a melding and puts the confirmation, with its reference, in the dev mailbox', async () => {
    const res = await fetch(`${base()}/api/v1/meldingen`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        category: 'woonoverlast',
        subcategory: 'geluid',
        description: 'Elke nacht harde muziek uit de bovenwoning.',
        location: { lat: 52.1733, lng: 5.2917, address: 'Steenhoffstraat 46, 3764 BM Soest' },
        contact: { email: 'bewoner@example.nl', wantsFeedback: true },
      }),
    });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { reference: string; statusUrl: string };
    expect(body.reference).toMatch(/^SOE-\d{4}-\d{6}$/);
    // Without PUBLIC_BASE_URL, links point at this very server.
    expect(body.statusUrl.startsWith(`http://localhost:${port}/m/`)).toBe(true);

    const mailbox = await waitUntil(
      async () => {
        const html = await (await fetch(`${base()}/dev/mailbox`)).text();
        return html.includes(body.reference) ? html : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 250, what: 'the confirmation in the dev mailbox' },
    );
    expect(mailbox).toContain('bewoner@example.nl');
    expect(mailbox).toContain(`Uw melding ${body.reference} is ontvangen`);

    const status = await fetch(`${base()}/api/v1/status/${body.statusUrl.split('/m/')[1]}`);
    expect(status.status).toBe(200);
    expect(((await status.json()) as { reference: string }).reference).toBe(body.reference);
  });

  it('prints a demo account per role in its banner, and the boa can log in with it', async () => {
    const out = first.output();
    for (const email of [
      'boa@soest.demo',
      'politie@soest.demo',
      'coordinator@soest.demo',
      'admin@soest.demo',
    ]) {
      expect(out).toContain(email);
    }
    expect(out).toMatch(/TOTP: otpauth:\/\/totp\/Buurtsignaal:admin%40soest\.demo/);
    const password = /boa@soest\.demo\s+wachtwoord (\S+)/.exec(out)?.[1];
    const res = await fetch(`${base()}/api/v1/staff/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'boa@soest.demo', password }),
    });
    expect(res.status).toBe(200);
    // http://localhost: no Secure flag, or the browser would drop the cookie.
    expect(res.headers.get('set-cookie')).toMatch(/^bs_session=.*HttpOnly; SameSite=Strict/);
    expect(res.headers.get('set-cookie')).not.toMatch(/Secure/);
  });

  it('generates a VAPID key pair once under DATA_DIR (0600) and hands its public key to the console', async () => {
    const file = join(dataDir, 'secrets', 'vapid.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { publicKey: string; privateKey: string };
    expect(Buffer.from(stored.publicKey, 'base64url')).toHaveLength(65);
    expect(Buffer.from(stored.privateKey, 'base64url')).toHaveLength(32);
    const password = /boa@soest\.demo\s+wachtwoord (\S+)/.exec(first.output())?.[1];
    const login = await fetch(`${base()}/api/v1/staff/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'boa@soest.demo', password }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const key = await fetch(`${base()}/api/v1/staff/push/key`, { headers: { cookie } });
    expect(await key.json()).toEqual({ publicKey: stored.publicKey });
  });

  it.skipIf(outwardAddress === undefined)(
    'listens on 127.0.0.1 only (skipped on a machine without a non-loopback IPv4 address)',
    async () => {
      expect(await accepts('127.0.0.1', port)).toBe(true);
      expect(await accepts(outwardAddress ?? '', port)).toBe(false);
    },
  );

  it('refuses a second process on the same data dir with a clear message', async () => {
    const second = launch(dataDir, await freePort());
    const code = await second.exited;
    expect(code).toBe(1);
    expect(second.output()).toMatch(/draait al met gegevensmap/);
  });

  it('stops cleanly on SIGTERM and releases its lock', async () => {
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(existsSync(join(dataDir, 'buurtsignaal.lock'))).toBe(false);
  });
});
