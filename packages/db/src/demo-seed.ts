import type { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type pg from 'pg';
import { type SeedConnection, seedMeldingenOn } from './cli/seed-meldingen.ts';
import type { DatabaseClient, Db } from './client.ts';

/**
 * Demo data for a newcomer (the embedded default with DEMO_SEED=1): a few thousand meldingen of the
 * last eight weeks, spread over Soest's wijken and the categories, clustered at the hot places, in the
 * evening hours and towards the weekend — so that the hotspot map, the weekly overview and the roster
 * advice show something at once. Every one carries a reference starting with DEMO- (how the console
 * knows them and shows its "Demodata" marker) and says in its description that it is demo data.
 */
export const DEMO_REFERENCE_PREFIX = 'DEMO';
export const DEMO_DESCRIPTION = 'Demomelding: voorbeeldgegevens, geen echte melding.';
export const DEFAULT_DEMO_COUNT = 3_000;
const DEMO_WEEKS = 8;

/** Shares per weekday (ISO: 1 = Monday … 7 = Sunday): Friday and Saturday are the busiest. */
const WEEKDAY_SHARES: Record<number, number> = { 1: 2, 2: 2, 3: 2, 4: 3, 5: 5, 6: 5, 7: 3 };

/** The days of the last eight weeks before `now`, each repeated by its weekday's share. */
export function demoDayOffsets(now: Date = new Date()): number[] {
  const weekday = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', weekday: 'short' });
  const iso: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };
  const offsets: number[] = [];
  for (let day = 0; day < DEMO_WEEKS * 7; day++) {
    const date = new Date(now.getTime() - day * 86_400_000);
    const share = WEEKDAY_SHARES[iso[weekday.format(date)] ?? 1] ?? 1;
    for (let i = 0; i < share; i++) offsets.push(day);
  }
  return offsets;
}

/**
 * One connection of a database client for the seed: PGlite is one connection already; on PostgreSQL a
 * client of the pool is held, because the seed's lookup table is a temporary table of its connection.
 */
export async function seedConnectionOf(
  database: DatabaseClient,
): Promise<{ connection: SeedConnection; release(): void }> {
  const driver = (database.db as unknown as { $client: PGlite | pg.Pool }).$client;
  if (database.kind === 'pglite') return { connection: driver as PGlite, release: () => {} };
  const client = await (driver as pg.Pool).connect();
  return { connection: client, release: () => client.release() };
}

export async function countDemoMeldingen(db: Db): Promise<number> {
  const result = await db.execute(
    sql`SELECT count(*)::int AS n FROM meldingen WHERE reference LIKE ${`${DEMO_REFERENCE_PREFIX}-%`}`,
  );
  return Number((result as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0);
}

/**
 * Seeds `count` demo meldingen unless there are demo meldingen already (a restart with the option on
 * adds nothing). Resolves to the number seeded now.
 */
export async function seedDemoMeldingen(
  database: DatabaseClient,
  count: number = DEFAULT_DEMO_COUNT,
  log: (line: string) => void = () => {},
): Promise<number> {
  if ((await countDemoMeldingen(database.db)) > 0) return 0;
  const { connection, release } = await seedConnectionOf(database);
  try {
    await seedMeldingenOn(connection, {
      count,
      dayOffsets: demoDayOffsets(),
      referencePrefix: DEMO_REFERENCE_PREFIX,
      description: DEMO_DESCRIPTION,
      log,
    });
  } finally {
    release();
  }
  return count;
}
