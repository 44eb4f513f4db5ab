/**
 * pnpm db:seed:meldingen -- --count 1000000 — realistic meldingen in bulk for benchmarks and demos,
 * on PostgreSQL (DATABASE_URL) or else on the embedded PGlite under DATA_DIR. Skewed towards five hot places and evening hours, categories
 * weighted, spread over the two years before now. H3 cannot be computed in SQL, so Node computes the
 * cells of a fixed set of points once (a grid over the municipality plus clusters around the hot
 * places) into a temporary lookup table, and one INSERT … SELECT over generate_series per batch picks
 * points, categories and times there. No status events or outbox rows: these meldingen feed the map
 * and the overviews, not the handling flow.
 */
import { randomBytes } from 'node:crypto';
import { categoryDefaultTeams, findWijk, h3Cells, isInsideMunicipality } from '@buurtsignaal/core';
import pg from 'pg';

const HOT_PLACES = [
  { name: 'Soest centrum', lat: 52.1733, lng: 5.2917 },
  { name: 'Soesterberg centrum', lat: 52.1185, lng: 5.287 },
  { name: 'Smitsveen', lat: 52.18, lng: 5.305 },
  { name: 'Soest-Zuid station', lat: 52.161, lng: 5.3 },
  { name: 'Soestdijk', lat: 52.1835, lng: 5.284 },
];
const POINTS_PER_HOT_PLACE = 3_000;
/** Standard deviation of a cluster, in metres. */
const HOT_SPREAD_M = 180;
/** Share of meldingen at a hot place; the rest spread over the whole municipality. */
const HOT_SHARE = 0.45;
const BATCH = 100_000;

interface SeedPoint {
  hot: boolean;
  lat: number;
  lng: number;
  wijk: string | null;
  r7: string;
  r8: string;
  r9: string;
  r10: string;
}

/** A deterministic generator, so that two seeds of the same count give the same points. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function point(lat: number, lng: number, hot: boolean): SeedPoint {
  return { hot, lat, lng, wijk: findWijk(lat, lng)?.code ?? null, ...h3Cells(lat, lng) };
}

export function seedPoints(): SeedPoint[] {
  const random = mulberry32(342);
  const gaussian = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const points: SeedPoint[] = [];
  for (const place of HOT_PLACES) {
    const metresPerLng = 111_320 * Math.cos((place.lat * Math.PI) / 180);
    for (let made = 0; made < POINTS_PER_HOT_PLACE; ) {
      const lat = place.lat + (gaussian() * HOT_SPREAD_M) / 111_320;
      const lng = place.lng + (gaussian() * HOT_SPREAD_M) / metresPerLng;
      if (!isInsideMunicipality(lat, lng)) continue;
      points.push(point(lat, lng, true));
      made += 1;
    }
  }
  // ~90 m × ~80 m grid over the municipality's bounding box, points inside it only.
  for (let lat = 52.0703; lat < 52.23; lat += 0.0008) {
    for (let lng = 5.2003; lng < 5.4; lng += 0.0012) {
      if (isInsideMunicipality(lat, lng)) points.push(point(lat, lng, false));
    }
  }
  return points;
}

/** What the seed needs of a connection: pg's Client and PGlite both answer `query(text, params)`. */
export interface SeedConnection {
  query(text: string, params?: unknown[]): Promise<unknown>;
}

async function loadPoints(client: SeedConnection, points: SeedPoint[]): Promise<void> {
  await client.query('DROP TABLE IF EXISTS seed_points');
  await client.query(`CREATE TEMP TABLE seed_points (
    pid int PRIMARY KEY, hot boolean NOT NULL, lat float8 NOT NULL, lng float8 NOT NULL, wijk text,
    r7 text NOT NULL, r8 text NOT NULL, r9 text NOT NULL, r10 text NOT NULL)`);
  const col = <K extends keyof SeedPoint>(k: K) => points.map((p) => p[k]);
  await client.query(
    `INSERT INTO seed_points SELECT * FROM unnest($1::int[], $2::bool[], $3::float8[], $4::float8[],
       $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])`,
    [
      points.map((_, i) => i),
      col('hot'),
      col('lat'),
      col('lng'),
      col('wijk'),
      col('r7'),
      col('r8'),
      col('r9'),
      col('r10'),
    ],
  );
}

// Hours of the day weighted towards the evening (each entry one share; 19–23 h most).
const HOURS = [
  0, 0, 1, 2, 7, 8, 9, 10, 11, 12, 12, 13, 14, 15, 15, 16, 16, 17, 17, 18, 18, 18, 19, 19, 19, 19, 20, 20, 20,
  20, 20, 21, 21, 21, 21, 21, 22, 22, 22, 22, 23, 23, 23,
];

/**
 * One batch: meldingen g = first..last. Points: hot ones are pid 0..hotCount-1. $8/$9: category ids and
 * their default teams (core categoryDefaultTeams).
 */
const insertBatch = `
WITH base AS (
  SELECT g,
    CASE WHEN random() < $4 THEN floor(random() * $5)::int
         ELSE $5 + floor(random() * ($6 - $5))::int END AS pid,
    random() AS rc, random() AS rs, random() AS rst, random() AS rnt,
    now() - make_interval(days => ($10::int[])[1 + floor(random() * array_length($10::int[], 1))::int])
          - random() * interval '1 day' AS day_ts,
    ($7::int[])[1 + floor(random() * array_length($7::int[], 1))::int] AS hr,
    floor(random() * 60)::int AS mi,
    random() * interval '3 hours' AS delay
  FROM generate_series($1::bigint, $2::bigint) AS g
), timed AS (
  SELECT b.*, p.*,
    least(((date_trunc('day', b.day_ts AT TIME ZONE 'Europe/Amsterdam') + make_interval(hours => b.hr, mins => b.mi))
           AT TIME ZONE 'Europe/Amsterdam'), now() - interval '5 minutes') AS occ,
    CASE WHEN p.hot THEN (CASE WHEN b.rc < 0.65 THEN 'jeugdoverlast' WHEN b.rc < 0.88 THEN 'woonoverlast' ELSE 'verdachte_situatie' END)
         ELSE (CASE WHEN b.rc < 0.35 THEN 'jeugdoverlast' WHEN b.rc < 0.75 THEN 'woonoverlast' ELSE 'verdachte_situatie' END)
    END AS category
  FROM base b JOIN seed_points p ON p.pid = b.pid
), dated AS (
  SELECT t.*, least(t.occ + t.delay, now()) AS created FROM timed t
)
INSERT INTO meldingen (id, reference, category, subcategory, description, occurred_at, lat, lng, wijk_code,
  h3_r7, h3_r8, h3_r9, h3_r10, status, team_id, priority, status_token_hash, created_at, updated_at)
SELECT gen_random_uuid(), $11 || '-' || $3 || '-' || d.g, d.category,
  CASE d.category
    WHEN 'jeugdoverlast' THEN (ARRAY['hangen','geluid','vernieling','intimidatie','drugs_alcohol'])[1 + floor(d.rs * 5)::int]
    WHEN 'woonoverlast' THEN (ARRAY['geluid','bedreiging','drugs_vanuit_woning','vervuiling_stank'])[1 + floor(d.rs * 4)::int]
    ELSE (ARRAY['persoon','voertuig','woning'])[1 + floor(d.rs * 3)::int]
  END,
  $12,
  CASE WHEN d.rnt < 0.1 THEN NULL ELSE d.occ END,
  d.lat, d.lng, d.wijk, d.r7, d.r8, d.r9, d.r10,
  CASE WHEN d.created < now() - interval '14 days'
       THEN (CASE WHEN d.rst < 0.9 THEN 'afgehandeld' WHEN d.rst < 0.95 THEN 'geannuleerd' ELSE 'doorgestuurd' END)
       ELSE (CASE WHEN d.rst < 0.3 THEN 'ingedeeld' WHEN d.rst < 0.55 THEN 'in_behandeling'
                  WHEN d.rst < 0.85 THEN 'afgehandeld' WHEN d.rst < 0.9 THEN 'geannuleerd' ELSE 'reactie_gevraagd' END)
  END,
  -- The category's default team: core's reference data, passed as two parallel lists.
  ($9::text[])[array_position($8::text[], d.category)],
  'normaal',
  md5('seed-' || $3 || '-' || d.g),
  d.created, d.created
FROM dated d`;

export interface SeedOptions {
  count: number;
  /** The days before today a melding can fall on, one entry per share (a day twice is twice as likely). */
  dayOffsets?: readonly number[];
  /** Reference prefix: SEED for benchmarks, DEMO for the embedded demo data. */
  referencePrefix?: string;
  description?: string;
  log?: (line: string) => void;
}

/** Every day of the two years before now, each as likely: what the benchmarks are measured on. */
const TWO_YEARS = Array.from({ length: 730 }, (_, i) => i);

/** Seeds `count` meldingen through one connection (the temporary lookup table lives on it). */
export async function seedMeldingenOn(client: SeedConnection, options: SeedOptions): Promise<void> {
  const { count, log = console.log } = options;
  const started = Date.now();
  const points = seedPoints();
  await loadPoints(client, points);
  const hotCount = points.filter((p) => p.hot).length;
  log(
    `${points.length} points (${hotCount} around ${HOT_PLACES.length} hot places) in ${Date.now() - started} ms`,
  );
  const run = randomBytes(4).toString('hex');
  const defaults = categoryDefaultTeams();
  for (let first = 1; first <= count; first += BATCH) {
    const last = Math.min(count, first + BATCH - 1);
    await client.query(insertBatch, [
      first,
      last,
      run,
      HOT_SHARE,
      hotCount,
      points.length,
      HOURS,
      defaults.categories,
      defaults.teams,
      [...(options.dayOffsets ?? TWO_YEARS)],
      options.referencePrefix ?? 'SEED',
      options.description ?? 'Seed-melding voor benchmark en demo.',
    ]);
    log(`${last} / ${count} meldingen (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  }
  await client.query('DROP TABLE seed_points');
  // Index-only scans need the visibility map; the planner needs statistics.
  await client.query('VACUUM (ANALYZE) meldingen');
  log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

export async function seedMeldingen(
  databaseUrl: string,
  count: number,
  log: (line: string) => void = console.log,
): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await seedMeldingenOn(client, { count, log });
  } finally {
    await client.end();
  }
}

function parseCount(argv: readonly string[]): number {
  const i = argv.findIndex((a) => a === '--count' || a.startsWith('--count='));
  const raw = i < 0 ? '1000000' : argv[i]?.includes('=') ? argv[i]?.split('=')[1] : argv[i + 1];
  const count = Number(raw);
  if (!Number.isSafeInteger(count) || count < 1)
    throw new Error(`--count must be a positive integer, got ${raw}`);
  return count;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const count = parseCount(process.argv.slice(2));
  const databaseUrl = process.env.DATABASE_URL?.trim();
  try {
    if (databaseUrl) {
      await seedMeldingen(databaseUrl, count);
    } else {
      // The embedded PGlite under DATA_DIR (the embedded process must not be running: it holds the lock).
      const { openCliDatabase } = await import('./cli-env.ts');
      const cli = await openCliDatabase();
      try {
        console.log(`seeding ${cli.describe}`);
        // PGlite is one connection: drizzle's handle of it is what the seed needs.
        const pglite = (cli.database.db as unknown as { $client: SeedConnection }).$client;
        await seedMeldingenOn(pglite, { count });
      } finally {
        await cli.close();
      }
    }
  } catch (err) {
    console.error(err);
    process.exit(1);
  }
}
