import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, waitUntil } from '@buurtsignaal/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The README's "Run it" and "Test it" commands, taken from its code blocks (so this breaks when the
// README changes), run as a newcomer would: in a fresh clone of this commit (HEAD — uncommitted changes
// are not in it), with a PATH that has Node and the documented services but no pnpm, and an
// environment without this test run's settings. The install uses the machine's pnpm store
// (--prefer-offline), so it takes seconds; `start` builds the web app in the clone (never the
// apps/web/dist the browser tests serve) and starts PGlite cold. Measured: ~25 s alone, ~95 s inside the
// full suite on two cores shared with other runs — hence the generous timeouts below.

const root = fileURLToPath(new URL('../../../..', import.meta.url));
const readme = readFileSync(join(root, 'README.md'), 'utf8');

/** The commands of the first ```sh block under a `## heading` of the README. */
function readmeCommands(heading: string): string[][] {
  const section = readme.split(/^## /m).find((s) => s.startsWith(`${heading}\n`));
  const block = section && /```sh\n([\s\S]*?)```/.exec(section)?.[1];
  if (!block) throw new Error(`README has no sh block under "## ${heading}"`);
  return block
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => line.split(/\s+/));
}

const runIt = readmeCommands('Run it');
const testIt = readmeCommands('Test it');
const byLast = (commands: string[][], word: string) => {
  const found = commands.find((c) => c.at(-1) === word);
  if (!found) throw new Error(`README: no command ending in "${word}" in ${JSON.stringify(commands)}`);
  return found;
};

const isExecutable = (file: string) => {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/** This PATH without any directory that has a pnpm, and without node_modules/.bin directories. */
const newcomerPath = (process.env.PATH ?? '')
  .split(delimiter)
  .filter((dir) => dir && !dir.includes('node_modules'))
  .filter((dir) => !['pnpm', 'pnpx'].some((bin) => isExecutable(join(dir, bin))))
  .join(delimiter);

/** The environment of someone who just cloned: none of this test run's settings or the project's. */
function newcomerEnv(extra: Record<string, string>): Record<string, string> {
  const dropped =
    /^(NODE_ENV|NODE_OPTIONS|INIT_CWD|VITEST.*|npm_.*|PNPM_.*|pnpm_.*|TEST_.*|DATABASE_URL|REDIS_URL|SMTP_URL|PUBLIC_BASE_URL|STATUS_LINK_KEY|HOST|PORT|DATA_DIR|LOG_LEVEL)$/;
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !dropped.test(k)) env[k] = v;
  return { ...env, PATH: newcomerPath, ...extra };
}

const work = mkdtempSync(join(tmpdir(), 'bs-readme-'));
const clone = join(work, 'buurtsignaal');
const dataDir = join(work, 'data');

beforeAll(() => {
  expect(
    spawnSync('sh', ['-c', 'command -v pnpm'], { env: newcomerEnv({}) }).status,
    'pnpm on PATH',
  ).not.toBe(0);
  const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
  execFileSync('git', ['clone', '--quiet', '--no-checkout', root, clone]);
  execFileSync('git', ['checkout', '--quiet', head], { cwd: clone });
  const [cmd = '', ...args] = byLast(runIt, 'install');
  expect(byLast(testIt, 'install')).toEqual([cmd, ...args]);
  execFileSync(cmd, [...args, '--prefer-offline'], {
    cwd: clone,
    env: newcomerEnv({}),
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 180_000,
  });
}, 200_000);

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

describe('the README’s commands on a machine without a global pnpm', () => {
  it('"Run it": starts the whole platform, serves the form, and stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    const [cmd = '', ...args] = byLast(runIt, 'start');
    // Its own process group, as a terminal or a process manager runs it: npx does not pass SIGTERM on
    // to its children, so the signal goes to the group, as Ctrl-C or systemd would send it.
    const child: ChildProcess = spawn(cmd, args, {
      cwd: clone,
      env: newcomerEnv({ PORT: String(port), DATA_DIR: dataDir }),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let output = '';
    for (const s of [child.stdout, child.stderr]) s?.on('data', (d: Buffer) => (output += d.toString()));
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const groupAlive = () => {
      try {
        process.kill(-(child.pid ?? 0), 0);
        return true;
      } catch {
        return false;
      }
    };
    try {
      const base = `http://127.0.0.1:${port}`;
      await waitUntil(
        async () => {
          if (child.exitCode !== null) throw new Error(`exited early:\n${output.slice(-4000)}`);
          return (await fetch(`${base}/health/ready`)).ok;
        },
        { timeoutMs: 150_000, intervalMs: 500, what: `${cmd} ${args.join(' ')} to be ready` },
      );
      const page = await fetch(`${base}/`);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain('<div id="root">');
      const script = /<script type="module" crossorigin src="([^"]+)"/.exec(html)?.[1];
      expect(script, 'the built entry script').toMatch(/^\/assets\/index-[\w-]+\.js$/);
      expect((await fetch(`${base}${script}`)).status).toBe(200);
      expect(output).toContain(`Buurtsignaal draait op http://localhost:${port}`);

      process.kill(-(child.pid ?? 0), 'SIGTERM');
      await exited;
      // The embedded process drains its worker (running jobs finish) and stops its redis-server: on two
      // busy cores that can take a while. Name what is still running when it does not.
      await waitUntil(() => !groupAlive(), {
        timeoutMs: 60_000,
        intervalMs: 100,
        what: 'every process to stop',
      }).catch((err: unknown) => {
        const left = spawnSync('ps', ['-o', 'pid,etime,args', '-g', String(child.pid ?? 0)], {
          encoding: 'utf8',
        }).stdout;
        throw new Error(`${String(err)}\nstill running:\n${left}\noutput:\n${output.slice(-3000)}`);
      });
      // The embedded process's own shutdown ran: it released the data-dir lock and said nothing fatal.
      expect(output).toMatch(/"signal":"SIGTERM".*"msg":"shutting down"/);
      expect(existsSync(join(dataDir, 'buurtsignaal.lock'))).toBe(false);
      expect(output).not.toMatch(/could not start|"level":60/);
    } finally {
      if (groupAlive()) process.kill(-(child.pid ?? 0), 'SIGKILL');
    }
  }, 200_000);

  it('"Test it": the test command resolves without a global pnpm, and so does its runner', () => {
    const [cmd = '', ...args] = byLast(testIt, 'test');
    // Not the suite itself (this is it): the command's own help, and the binary its script runs.
    const help = spawnSync(cmd, [...args, '--help'], { cwd: clone, env: newcomerEnv({}), encoding: 'utf8' });
    expect(help.status, help.stderr).toBe(0);
    expect(help.stdout).toContain('test');
    const script = (
      JSON.parse(readFileSync(join(clone, 'package.json'), 'utf8')) as { scripts: { test: string } }
    ).scripts.test;
    const runner = script.split(/\s+/)[0] ?? '';
    const version = spawnSync(cmd, [...args.slice(0, -1), 'exec', runner, '--version'], {
      cwd: clone,
      env: newcomerEnv({}),
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(version.status, version.stderr).toBe(0);
    expect(version.stdout).toContain(runner);
  }, 60_000);

  it('CI runs those commands and ends with the plain count line', () => {
    const ci = readFileSync(join(root, '.ci/run'), 'utf8');
    const steps = ci.split('\n').filter((line) => !line.trim().startsWith('#'));
    // No step that builds or prepares what the README's test command would not (the web app's build
    // belongs to the test run itself).
    expect(steps.filter((line) => /\bbuild\b/.test(line))).toEqual([]);
    expect(ci).toContain(byLast(testIt, 'test').slice(0, -1).join(' '));
    expect(ci).toMatch(/tests: \$\{r\.numPassedTests\} passed, \$\{r\.numFailedTests\} failed/);
  });
});
