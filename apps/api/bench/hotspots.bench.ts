/**
 * pnpm bench:hotspots — the hotspot map's viewport query (3 × 3 km around Soest centrum, one category,
 * the last 90 days) through the real `GET /api/v1/staff/hotspots` over HTTP at resolutions 8 and 9, on a
 * fresh copy of a database seeded with BENCH_COUNT (default 1,000,000) meldingen, against the floor
 * measured in the same run: the bare SQL aggregation over the stored cells with the same filters
 * (`SELECT h3_rN, count(*) … GROUP BY 1`, no JSON, no GeoJSON, no HTTP). Medians of BENCH_RUNS
 * alternating runs. Goals (issue 5): median ≤ 50 ms and ≤ 1.5 × the floor.
 *
 * The seeded database is kept as a template (named after the migrations and the count), so a second
 * run only copies it; drop `bs_bench_hotspots_*` databases to seed again.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cellsInBbox, type H3Resolution } from '@buurtsignaal/core';
import { formatIsoWeek, isoWeekAt } from '@buurtsignaal/core/time';
import { createDatabase, type DatabaseClient, SecretBox } from '@buurtsignaal/db';
import { databaseUrlFor } from '@buurtsignaal/testkit';
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/app.ts';
import { loadApiConfig } from '../src/config.ts';
import { createFilePhotoStore } from '../src/photos/photo-store.ts';
import { buildWeeklyReport } from '../src/reports/weekly-report-service.ts';
import { createStaffAccount } from '../src/staff/user-service.ts';
import { median, p90, timed } from './bench-stats.ts';
import { admin, seededTemplate } from './seeded-database.ts';

const count = Number(process.env.BENCH_COUNT ?? 1_000_000);
const runs = Number(process.env.BENCH_RUNS ?? 31);
const resolutions: H3Resolution[] = [8, 9];
const category = 'jeugdoverlast';
const periodDays = 90;

// 3 × 3 km around Soest centrum.
const centre = { lat: 52.1733, lng: 5.2917 };
const halfLat = 1.5 / 111.32;
const halfLng = 1.5 / (111.32 * Math.cos((centre.lat * Math.PI) / 180));
const bbox = {
  minLng: centre.lng - halfLng,
  minLat: centre.lat - halfLat,
  maxLng: centre.lng + halfLng,
  maxLat: centre.lat + halfLat,
};

async function main(): Promise<void> {
  const seeded = await seededTemplate('bs_bench_hotspots', count);
  const runDb = `bs_bench_run_${randomBytes(4).toString('hex')}`;
  const copyMs = await timed(() => admin(sql.raw(`CREATE DATABASE ${runDb} TEMPLATE ${seeded}`)));
  console.log(`fresh copy ${runDb} in ${(copyMs / 1000).toFixed(1)} s`);
  const url = databaseUrlFor(runDb);
  const dataDir = mkdtempSync(join(tmpdir(), 'bs-bench-hotspots-'));
  const database = await createDatabase({ databaseUrl: url, poolMax: 10 });
  const floorDb: DatabaseClient = await createDatabase({ databaseUrl: url, poolMax: 2 });
  try {
    const app = await buildApp({
      config: loadApiConfig({
        DATABASE_URL: url,
        DATA_DIR: dataDir,
        LOG_LEVEL: 'silent',
        STAFF_LOGIN_RATE_LIMIT_MAX: '1000',
        STATUS_LINK_KEY: SecretBox.generateKey(),
      }),
      database,
      photoStore: createFilePhotoStore(join(dataDir, 'photos')),
      logger: false,
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    if (!address || typeof address !== 'object') throw new Error('no app address');
    const base = `http://127.0.0.1:${address.port}`;
    const password = 'bench password 1234';
    await createStaffAccount(database.db, {
      email: 'bench@soest.nl',
      name: 'Bench',
      role: 'boa',
      teamIds: ['boa-team'],
      password,
    });
    const login = await fetch(`${base}/api/v1/staff/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'bench@soest.nl', password }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';

    const to = new Date();
    const from = new Date(to.getTime() - periodDays * 86_400_000);
    const bboxParam = [bbox.minLng, bbox.minLat, bbox.maxLng, bbox.maxLat].map((v) => v.toFixed(6)).join(',');
    console.log(
      `\nhotspot benchmark — PostgreSQL, ${count} meldingen, bbox ${bboxParam} (3 × 3 km), ` +
        `category ${category}, ${periodDays} days, ${runs} alternating runs, medians`,
    );
    for (const res of resolutions) {
      const query =
        `bbox=${bboxParam}&res=${res}&category=${category}` +
        `&from=${encodeURIComponent(from.toISOString())}&to=${encodeURIComponent(to.toISOString())}`;
      const endpoint = async () => {
        const r = await fetch(`${base}/api/v1/staff/hotspots?${query}`, { headers: { cookie } });
        if (r.status !== 200) throw new Error(`endpoint answered ${r.status}: ${await r.text()}`);
        return r.json() as Promise<{ total: number; cells: unknown[] }>;
      };
      // The floor: the same SQL shape and filters as the repository, over the same cells, nothing else.
      const cells = cellsInBbox(bbox, res);
      const cellColumn = sql.raw(`h3_r${res}`);
      const floorSql = sql`SELECT ${cellColumn} AS cell, count(*)::int AS count FROM meldingen
        WHERE ${cellColumn} = ANY(${sql.param(cells)}::text[])
          AND happened_at >= ${from.toISOString()}::timestamptz AND happened_at < ${to.toISOString()}::timestamptz
          AND category = ${category} AND status <> 'geannuleerd' GROUP BY 1`;
      const rowsOf = (r: unknown) => (r as { rows: Record<string, unknown>[] }).rows;
      const floor = () => floorDb.db.execute(floorSql);

      const sample = await endpoint();
      const floorRows = rowsOf(await floor()) as { count: number }[];
      const floorTotal = floorRows.reduce((n, r) => n + r.count, 0);
      if (floorTotal !== sample.total) throw new Error(`floor ${floorTotal} ≠ endpoint ${sample.total}`);
      for (let i = 0; i < 5; i++) await Promise.all([endpoint(), floor()].map((p) => p.catch(() => {})));
      const floorMs: number[] = [];
      const endpointMs: number[] = [];
      for (let i = 0; i < runs; i++) {
        floorMs.push(await timed(floor));
        endpointMs.push(await timed(endpoint));
      }
      const plan = rowsOf(await floorDb.db.execute(sql`EXPLAIN (ANALYZE, BUFFERS) ${floorSql}`))
        .map((r) => String(Object.values(r)[0] ?? ''))
        .filter((l: string) => /Scan|Execution Time/.test(l))
        .map((l: string) => l.trim().replace(/\s+\(cost.*?\)/, ''));
      const m = median(endpointMs);
      const f = median(floorMs);
      console.log(
        `res ${res}: ${sample.cells.length} cells, ${sample.total} meldingen (${cells.length} cells in the bbox)\n` +
          `  floor (bare SQL)   median ${f.toFixed(1)} ms   p90 ${p90(floorMs).toFixed(1)} ms\n` +
          `  GET /hotspots      median ${m.toFixed(1)} ms   p90 ${p90(endpointMs).toFixed(1)} ms\n` +
          `  ratio ${(m / f).toFixed(2)}× floor (goal ≤ 1.5×); median ${m <= 50 ? '≤' : '>'} 50 ms goal\n` +
          `  plan: ${plan.join(' | ')}`,
      );
    }
    await app.close();

    // The weekly overview on the same data (goal ≤ 500 ms): the report as the endpoint builds it.
    const lastWeek = isoWeekAt(new Date(Date.now() - 7 * 86_400_000));
    const report = () => buildWeeklyReport({ db: database.db, now: () => new Date(), minCount: 5 }, lastWeek);
    await report();
    const weeklyMs: number[] = [];
    for (let i = 0; i < 11; i++) weeklyMs.push(await timed(report));
    console.log(
      `weekly overview ${formatIsoWeek(lastWeek)}: median ${median(weeklyMs).toFixed(1)} ms, ` +
        `p90 ${p90(weeklyMs).toFixed(1)} ms (goal ≤ 500 ms)`,
    );
  } finally {
    await floorDb.close();
    await database.close();
    await admin(sql.raw(`DROP DATABASE IF EXISTS ${runDb} WITH (FORCE)`));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
