/**
 * pnpm bench:advice — the roster advice of one team for the coming week (issue 13), as the API's
 * service builds it (the aggregate of 8 weeks of resident meldingen, the week's shifts, core's advice,
 * the views and the evaluation of earlier weeks), on a fresh copy of a database seeded with
 * BENCH_COUNT (default 1,000,000) meldingen over two years, against the floor measured in the same run:
 * the bare SQL aggregation the advice needs (the same query, nothing else). Medians of BENCH_RUNS
 * alternating runs. Goal: ≤ 2× the floor.
 */
import { randomBytes } from 'node:crypto';
import { historyBounds } from '@buurtsignaal/core/advice';
import { formatIsoWeek, isoWeekAt, shiftWeek } from '@buurtsignaal/core/time';
import { createDatabase, seedReferenceData } from '@buurtsignaal/db';
import { adviceInput } from '@buurtsignaal/db/queries/advice/advice-input';
import { databaseUrlFor } from '@buurtsignaal/testkit';
import { sql } from 'drizzle-orm';
import { createRosterAdviceService } from '../src/advice/roster-advice-service.ts';
import { median, p90, timed } from './bench-stats.ts';
import { admin, seededTemplate } from './seeded-database.ts';

const count = Number(process.env.BENCH_COUNT ?? 1_000_000);
const runs = Number(process.env.BENCH_RUNS ?? 21);
const teamId = process.env.BENCH_TEAM ?? 'boa-team';

async function main(): Promise<void> {
  // The same seeded data as bench:hotspots (one template serves both).
  const seeded = await seededTemplate('bs_bench_hotspots', count);
  const runDb = `bs_bench_run_${randomBytes(4).toString('hex')}`;
  await admin(sql.raw(`CREATE DATABASE ${runDb} TEMPLATE ${seeded}`));
  const database = await createDatabase({ databaseUrl: databaseUrlFor(runDb), poolMax: 4 });
  const floorDb = await createDatabase({ databaseUrl: databaseUrlFor(runDb), poolMax: 2 });
  try {
    const now = new Date();
    // Shifts of the coming weeks (the seed's patterns), as the worker keeps them generated.
    await seedReferenceData(database.db, now);
    const week = shiftWeek(isoWeekAt(now), 1);
    const weekText = formatIsoWeek(week);
    const history = historyBounds(week, 8);
    const service = createRosterAdviceService({ db: database.db, now: () => now, minCount: 5 });
    const advice = () => service.view(teamId, weekText);
    const floor = () => adviceInput(floorDb.db, { teamId, from: history.from, to: history.to });

    const sample = await advice();
    const rows = await floor();
    const meldingen = rows.reduce((n, r) => n + (r.count ?? 1), 0);
    for (let i = 0; i < 3; i++) await Promise.all([advice(), floor()]);
    const adviceMs: number[] = [];
    const floorMs: number[] = [];
    for (let i = 0; i < runs; i++) {
      floorMs.push(await timed(floor));
      adviceMs.push(await timed(advice));
    }
    const a = median(adviceMs);
    const f = median(floorMs);
    console.log(
      `\nroster advice benchmark — PostgreSQL, ${count} meldingen, team ${teamId}, week ${weekText}, ` +
        `${runs} alternating runs, medians\n` +
        `  history ${history.from.toISOString()} … ${history.to.toISOString()}: ${meldingen} resident meldingen in ${rows.length} rows\n` +
        `  advice: ${sample.patrolWindows.length} patrol windows, ${sample.rosterProposals.length} roster proposals\n` +
        `  floor (bare SQL aggregation)  median ${f.toFixed(1)} ms   p90 ${p90(floorMs).toFixed(1)} ms\n` +
        `  roster advice (service)       median ${a.toFixed(1)} ms   p90 ${p90(adviceMs).toFixed(1)} ms\n` +
        `  ratio ${(a / f).toFixed(2)}× floor (goal ≤ 2×)`,
    );
  } finally {
    await floorDb.close();
    await database.close();
    await admin(sql.raw(`DROP DATABASE IF EXISTS ${runDb} WITH (FORCE)`));
  }
}

await main();
