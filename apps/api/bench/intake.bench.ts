/**
 * pnpm bench:intake — JSON meldingen per second through the real intake route on PostgreSQL, against
 * a floor measured in the same run: a bare Fastify route doing one INSERT of the same payload.
 * Prints both, and the ratios the goal is stated in (throughput ≥ 60% of the floor, p99 ≤ 2×).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { SecretBox } from '@buurtsignaal/db';
import { createTestDatabase } from '@buurtsignaal/testkit';
import { sql } from 'drizzle-orm';
import Fastify from 'fastify';
import { buildApp } from '../src/app.ts';
import { loadApiConfig } from '../src/config.ts';
import { createFilePhotoStore } from '../src/photos/photo-store.ts';
import { median } from './bench-stats.ts';

const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const duration = Number(process.env.BENCH_DURATION ?? 5);
/** Floor and intake alternate, so that a slow moment of the machine hits both; medians are reported. */
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const body = JSON.stringify({
  category: 'jeugdoverlast',
  subcategory: 'geluid',
  description: 'Groep jongeren met harde muziek bij het winkelcentrum, al een uur lang.',
  occurredAt: '2026-01-15T21:30:00+01:00',
  location: { lat: 52.1733, lng: 5.2917, accuracy: 12 },
  contact: { email: 'bewoner@example.nl', wantsFeedback: true },
});

interface Result {
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
}

const autocannonBin = fileURLToPath(new URL('../node_modules/autocannon/autocannon.js', import.meta.url));

/** autocannon in a process of its own, so that the load generator does not share the server's event loop. */
async function autocannon(url: string, seconds: number): Promise<Result> {
  const { stdout: out } = await promisify(execFile)(
    process.execPath,
    [
      autocannonBin,
      '--json',
      '-c',
      String(connections),
      '-d',
      String(seconds),
      '-m',
      'POST',
      '-H',
      'content-type=application/json',
      '-b',
      body,
      url,
    ],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  const r = JSON.parse(out) as {
    requests: { average: number };
    latency: { p50: number; p99: number };
    non2xx: number;
    errors: number;
  };
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx + r.errors };
}

function medianResult(results: Result[]): Result {
  return {
    rps: median(results.map((r) => r.rps)),
    p50: median(results.map((r) => r.p50)),
    p99: median(results.map((r) => r.p99)),
    non2xx: results.reduce((n, r) => n + r.non2xx, 0),
  };
}

async function main(): Promise<void> {
  const database = await createTestDatabase({ poolMax: 10 });
  const dataDir = mkdtempSync(join(tmpdir(), 'bs-bench-'));
  try {
    // Floor: the same JSON, one INSERT, no validation, no transaction.
    const floor = Fastify();
    floor.post('/floor', async (req, reply) => {
      await database.client.db.execute(
        sql`INSERT INTO bench_floor (payload) VALUES (${JSON.stringify(req.body)})`,
      );
      return reply.code(201).send({ ok: true });
    });
    await database.client.db.execute(
      sql`CREATE TABLE bench_floor (id bigint generated always as identity primary key, payload jsonb not null, created_at timestamptz not null default now())`,
    );
    await floor.listen({ port: 0, host: '127.0.0.1' });
    const floorAddress = floor.server.address();
    if (!floorAddress || typeof floorAddress !== 'object') throw new Error('no floor address');

    const config = loadApiConfig({
      DATABASE_URL: database.url,
      DATA_DIR: dataDir,
      INTAKE_RATE_LIMIT_MAX: '100000000',
      LOG_LEVEL: 'silent',
      // As in production: the melder's status token is sealed for the e-mails.
      STATUS_LINK_KEY: SecretBox.generateKey(),
    });
    const app = await buildApp({
      config,
      database: database.client,
      photoStore: createFilePhotoStore(join(dataDir, 'photos')),
      logger: false,
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const appAddress = app.server.address();
    if (!appAddress || typeof appAddress !== 'object') throw new Error('no app address');

    const floorUrl = `http://127.0.0.1:${floorAddress.port}/floor`;
    const intakeUrl = `http://127.0.0.1:${appAddress.port}/api/v1/meldingen`;
    // Warm-up: JIT, pool connections, prepared statements.
    await autocannon(floorUrl, 2);
    await autocannon(intakeUrl, 2);
    const floorRuns: Result[] = [];
    const intakeRuns: Result[] = [];
    for (let i = 0; i < rounds; i++) {
      floorRuns.push(await autocannon(floorUrl, duration));
      intakeRuns.push(await autocannon(intakeUrl, duration));
    }
    const floorResult = medianResult(floorRuns);
    const intake = medianResult(intakeRuns);
    await app.close();
    await floor.close();

    const fmt = (name: string, r: Result) =>
      `${name.padEnd(8)} ${r.rps.toFixed(0).padStart(6)} req/s   p50 ${String(r.p50).padStart(4)} ms   p99 ${String(r.p99).padStart(4)} ms   non-2xx/errors ${r.non2xx}`;
    console.log(
      `\nintake benchmark — PostgreSQL, ${connections} connections, ${rounds} alternating rounds of ${duration} s, medians`,
    );
    console.log(
      `rounds (req/s): floor ${floorRuns.map((r) => r.rps.toFixed(0)).join(' / ')}; intake ${intakeRuns.map((r) => r.rps.toFixed(0)).join(' / ')}`,
    );
    console.log(fmt('floor', floorResult));
    console.log(fmt('intake', intake));
    const throughput = intake.rps / floorResult.rps;
    const p99Ratio = intake.p99 / Math.max(floorResult.p99, 1);
    console.log(`throughput ratio ${(throughput * 100).toFixed(1)}% of floor (goal ≥ 60%)`);
    console.log(`p99 ratio ${p99Ratio.toFixed(2)}× floor (goal ≤ 2×)`);
    if (intake.non2xx > 0) console.log('WARNING: the intake answered non-2xx during the run');
  } finally {
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
