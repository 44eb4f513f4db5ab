/**
 * pnpm bench:routing — what routing by rules and rosters adds to a melding's way. On PostgreSQL, two
 * fresh databases from the migrated template: one with 200 active rules, 100 areas and 10 teams'
 * rosters (bench/routing-fixture.ts), one where every rule is inactive (the category's default team
 * decides, as before rules existed). Both hold the same 2,000 earlier meldingen. Alternating runs of
 *   - the routing job (routeMelding: lock, decide, store the assignment and status event, flags) and
 *   - the decision alone (decideRouting: every lookup and core decideRoute, read-only), and
 *   - core decideRoute alone on the context looked up once (the pure part, in µs),
 * each on a new jeugdoverlast that no rule matches (so all 200 are tried). Medians and p90 of BENCH_RUNS
 * (default 200) runs after 20 warm-ups, and the ratio rules / default.
 */
import { decideRoute } from '@buurtsignaal/core';
import { loadRoutingContext } from '@buurtsignaal/db/queries/routing/routing-context';
import { findRoutingInput } from '@buurtsignaal/db/queries/routing/routing-facts';
import { createTestDatabase, type TestDatabase } from '@buurtsignaal/testkit';
import { pino } from 'pino';
import { decideRouting } from '../src/routing/routing-service.ts';
import { routeMelding } from '../src/routing/routing-worker.ts';
import { insertRoutingMelding } from '../test/support/routing-fixtures.ts';
import { BENCH_NOW, loadDefaultFixture, loadRulesFixture, PLACE } from './routing-fixture.ts';

const runs = Number(process.env.BENCH_RUNS ?? 200);
const warmups = 20;
const logger = pino({ level: 'silent' });

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * q)] ?? 0;
const ms = (x: number) => `${x.toFixed(2)} ms`;

async function newMelding(db: TestDatabase) {
  return insertRoutingMelding(db.client.db, { category: 'jeugdoverlast', reportedAt: BENCH_NOW, ...PLACE });
}

async function timeJob(db: TestDatabase): Promise<number> {
  const m = await newMelding(db);
  const start = performance.now();
  const outcome = await routeMelding(
    { db: db.client.db, now: () => BENCH_NOW, logger, enqueueRoster: async () => {} },
    m,
  );
  const elapsed = performance.now() - start;
  if (outcome.kind !== 'assigned') throw new Error(`not assigned: ${outcome.kind}`);
  return elapsed;
}

async function timeDecision(db: TestDatabase, meldingId: string, expectRule: boolean): Promise<number> {
  const start = performance.now();
  const input = await findRoutingInput(db.client.db, meldingId);
  if (!input) throw new Error('bench melding missing');
  const result = await decideRouting(db.client.db, input, BENCH_NOW);
  const elapsed = performance.now() - start;
  if (!result || result.decision.rule !== null) throw new Error('a rule matched the bench melding');
  if (expectRule && result.decision.skipped.length > 0) throw new Error('rules were skipped');
  return elapsed;
}

/** Core's decideRoute alone, on the context of `meldingId` looked up once: µs per decision. */
async function timeCore(db: TestDatabase, meldingId: string): Promise<number> {
  const input = await findRoutingInput(db.client.db, meldingId);
  if (!input) throw new Error('bench melding missing');
  const loaded = await loadRoutingContext(db.client.db, { ...input, at: BENCH_NOW, countsSelf: true });
  const n = 2000;
  const start = performance.now();
  for (let i = 0; i < n; i++) decideRoute(input.facts, loaded.rules, loaded.context);
  return ((performance.now() - start) / n) * 1000;
}

async function main(): Promise<void> {
  const [rules, plain] = [await createTestDatabase(), await createTestDatabase()];
  try {
    const t0 = performance.now();
    await loadRulesFixture(rules.client.db);
    await loadDefaultFixture(plain.client.db);
    console.log(`fixtures loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const decisionMelding = { rules: await newMelding(rules), plain: await newMelding(plain) };
    const samples = {
      jobRules: [] as number[],
      jobPlain: [] as number[],
      decRules: [] as number[],
      decPlain: [] as number[],
    };
    for (let i = 0; i < warmups + runs; i++) {
      const keep = i >= warmups;
      const jr = await timeJob(rules);
      const jp = await timeJob(plain);
      const dr = await timeDecision(rules, decisionMelding.rules.meldingId, true);
      const dp = await timeDecision(plain, decisionMelding.plain.meldingId, false);
      if (keep) {
        samples.jobRules.push(jr);
        samples.jobPlain.push(jp);
        samples.decRules.push(dr);
        samples.decPlain.push(dp);
      }
    }
    const line = (what: string, withRules: number[], plainRuns: number[]) => {
      const [mr, mp] = [quantile(withRules, 0.5), quantile(plainRuns, 0.5)];
      console.log(
        `${what}: rules ${ms(mr)} (p90 ${ms(quantile(withRules, 0.9))}), default ${ms(mp)} (p90 ${ms(quantile(plainRuns, 0.9))}), ratio ${(mr / mp).toFixed(2)}×, +${ms(mr - mp)}`,
      );
    };
    console.log(`${runs} runs each, 200 rules, 100 areas, 10 teams' rosters, 2,000 earlier meldingen`);
    line('routing job', samples.jobRules, samples.jobPlain);
    line('decision', samples.decRules, samples.decPlain);
    const [coreRules, corePlain] = [
      await timeCore(rules, decisionMelding.rules.meldingId),
      await timeCore(plain, decisionMelding.plain.meldingId),
    ];
    console.log(
      `core decideRoute alone: rules ${coreRules.toFixed(1)} µs, default ${corePlain.toFixed(1)} µs`,
    );
  } finally {
    await rules.drop();
    await plain.drop();
  }
}

await main();
