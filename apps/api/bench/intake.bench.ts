/**
 * pnpm bench:intake — JSON meldingen per second through the real intake route on PostgreSQL, against
 * a floor measured in the same run: a bare Fastify route doing one INSERT of the same payload.
 * Prints both, and the ratios the goal is stated in (throughput ≥ 60% of the floor, p99 ≤ 2×).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase } from '@buurtsignaal/testkit';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import Fastify from 'fastify';
import { buildApp } from '../src/app.ts';
import { loadApiConfig } from '../src/config.ts';
import { createFilePhotoStore } from '../src/photos/photo-store.ts';

const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const duration = Number(process.env.BENCH_DURATION ?? 10);
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

async function run(url: string): Promise<Result> {
  // Warm-up: JIT, pool connections, plan caches.
  await autocannon({
    url,
    connections,
    duration: 2,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  const r = await autocannon({
    url,
    connections,
    duration,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx + r.errors };
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

    const floorResult = await run(`http://127.0.0.1:${floorAddress.port}/floor`);
    const intake = await run(`http://127.0.0.1:${appAddress.port}/api/v1/meldingen`);
    await app.close();
    await floor.close();

    const fmt = (name: string, r: Result) =>
      `${name.padEnd(8)} ${r.rps.toFixed(0).padStart(6)} req/s   p50 ${String(r.p50).padStart(4)} ms   p99 ${String(r.p99).padStart(4)} ms   non-2xx/errors ${r.non2xx}`;
    console.log(`\nintake benchmark — ${connections} connections, ${duration} s, PostgreSQL`);
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
