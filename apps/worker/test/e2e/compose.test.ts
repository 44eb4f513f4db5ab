import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// docker-compose.yml, the production-like stack of the README: every service comes back after a crash,
// api and worker report their health, and `docker compose config` accepts it with the documented
// variables. The worker's healthcheck itself is run in health/health.test.ts.

const root = fileURLToPath(new URL('../../../..', import.meta.url));
const composeText = readFileSync(join(root, 'docker-compose.yml'), 'utf8');
const envExample = readFileSync(join(root, '.env.example'), 'utf8');
const readme = readFileSync(join(root, 'README.md'), 'utf8');

interface Service {
  restart?: string;
  environment?: Record<string, string>;
  healthcheck?: { test?: string[]; interval?: string; retries?: number };
}
const compose = parse(composeText, { merge: true }) as { services: Record<string, Service> };

/** `docker compose` (the v2 plugin) or else the standalone `docker-compose`; undefined when neither runs. */
function composeCli(): string[] | undefined {
  for (const cli of [['docker', 'compose'], ['docker-compose']]) {
    const [cmd = '', ...args] = cli;
    if (spawnSync(cmd, [...args, 'version'], { stdio: 'ignore' }).status === 0) return cli;
  }
  return undefined;
}
const cli = composeCli();

/** Variables documented in .env.example, set (`NAME=`) or shown commented out (`# NAME=`). */
const documented = new Set([...envExample.matchAll(/^(?:# )?([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]));

describe('docker-compose.yml', () => {
  it('restarts every service after a crash and gives api and worker a healthcheck', () => {
    for (const [name, service] of Object.entries(compose.services)) {
      expect(service.restart, name).toBe('unless-stopped');
    }
    for (const name of ['api', 'worker']) {
      const test = compose.services[name]?.healthcheck?.test ?? [];
      expect(test[0], name).toBe('CMD');
      expect(test.join(' '), name).toContain('/health/ready');
    }
  });

  it('uses only documented variables, in the environment and in substitutions', () => {
    const substituted = [...composeText.matchAll(/\$\{([A-Z][A-Z0-9_]*)/g)].map((m) => m[1] ?? '');
    const set = ['api', 'worker'].flatMap((name) => Object.keys(compose.services[name]?.environment ?? {}));
    const undocumented = [...new Set([...substituted, ...set])].filter(
      (name) => name !== 'NODE_ENV' && !documented.has(name),
    );
    expect(undocumented).toEqual([]);
    for (const name of ['STATUS_LINK_KEY', 'WORKER_HEALTH_PORT', 'WORKER_HEALTH_HOST']) {
      expect(readme, `README mentions ${name}`).toContain(`\`${name}\``);
    }
  });

  it.skipIf(cli === undefined)(
    '`docker compose config` accepts it with the documented variables, and refuses it without STATUS_LINK_KEY ' +
      '(skipped where neither the docker compose plugin nor docker-compose is installed)',
    () => {
      const [cmd = '', ...args] = cli ?? [];
      const env: Record<string, string> = {};
      for (const [k, v] of Object.entries(process.env)) {
        if (v !== undefined && !k.startsWith('COMPOSE_') && k !== 'STATUS_LINK_KEY') env[k] = v;
      }
      const key = randomBytes(32).toString('base64');
      // The README's command: STATUS_LINK_KEY=$(openssl rand -base64 32) docker compose up --build
      const resolved = parse(
        execFileSync(cmd, [...args, 'config'], {
          cwd: root,
          env: { ...env, STATUS_LINK_KEY: key },
          encoding: 'utf8',
        }),
      ) as { services: Record<string, Service> };
      expect(resolved.services.worker?.environment).toMatchObject({
        STATUS_LINK_KEY: key,
        WORKER_HEALTH_PORT: '3001',
      });
      expect(resolved.services.worker?.restart).toBe('unless-stopped');
      expect(resolved.services.api?.environment?.STATUS_LINK_KEY).toBe(key);

      const without = spawnSync(cmd, [...args, 'config'], { cwd: root, env, encoding: 'utf8' });
      expect(without.status).not.toBe(0);
      expect(without.stderr).toContain('set STATUS_LINK_KEY');
    },
    30_000,
  );
});
