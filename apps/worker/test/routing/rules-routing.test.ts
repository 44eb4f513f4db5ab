import { findWijk, reviseRule, soestRoutingRules, wallClockInstant, weekdayOf } from '@buurtsignaal/core';
import { schema } from '@buurtsignaal/db';
import {
  countAssignmentsPerRule,
  listRoutableMeldingenSince,
} from '@buurtsignaal/db/queries/routing/rule-usage';
import { listAssignmentsForMelding } from '@buurtsignaal/db/tables/assignments-repository';
import {
  findRoutingRuleVersion,
  insertRoutingRule,
  listCurrentRoutingRules,
  reviseRoutingRule,
} from '@buurtsignaal/db/tables/routing-rules-repository';
import { generateShiftInstancesAhead } from '@buurtsignaal/db/tables/shift-instances-generation';
import { createRedisConnection, createWorker, type RosterJob } from '@buurtsignaal/jobs';
import {
  cleanRedisPrefix,
  createTestDatabase,
  type TestDatabase,
  testEnv,
  testRedisPrefix,
  waitUntil,
} from '@buurtsignaal/testkit';
import { eq, sql } from 'drizzle-orm';
import type { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProducerQueues, defaultRetry, jobIds, type ProducerQueues } from '../../src/queues.ts';
import { createRoutingProcessor, type RoutingDeps, routeMelding } from '../../src/routing/routing-worker.ts';
import { meldingRow, silentLogger, statusEventsOf } from '../support/helpers.ts';
import { insertRoutingMelding, STEENHOFFSTRAAT, seedRosterStaff } from '../support/routing-fixtures.ts';

// Routing by Soest's seeded rules and rosters (db seed): who is on duty decides where a jeugdoverlast
// "nu gaande" goes, a third woonoverlast at one address is hoog, and each assignment names its rule
// version and says why in Dutch.

const TUESDAY = '2026-06-02';
const at = (date: string, time: string) => wallClockInstant(date, time);
const wijk = findWijk(STEENHOFFSTRAAT.lat, STEENHOFFSTRAAT.lng);

describe('routing by rules and rosters', () => {
  let testDb: TestDatabase;
  let producer: Redis;
  let consumer: Redis;
  let queues: ProducerQueues;
  const prefix = testRedisPrefix('worker-rules');
  const closers: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    testDb = await createTestDatabase();
    producer = createRedisConnection({ url: testEnv.redisUrl, role: 'producer' });
    consumer = createRedisConnection({ url: testEnv.redisUrl, role: 'worker' });
    queues = createProducerQueues({ connection: producer, prefix, retry: defaultRetry, onError: () => {} });
    await seedRosterStaff(testDb.client.db);
    await generateShiftInstancesAhead(testDb.client.db, { now: at('2026-06-01', '00:00') });
  });

  afterAll(async () => {
    for (const close of closers.reverse()) await close();
    await queues?.close();
    producer?.disconnect();
    consumer?.disconnect();
    await testDb?.drop();
    await cleanRedisPrefix(prefix);
  });

  const deps = (now: Date): RoutingDeps => ({
    db: testDb.client.db,
    now: () => now,
    logger: silentLogger,
    enqueueRoster: async (job: RosterJob) => {
      await queues.roster(job.teamId).add('assignment', job, { jobId: jobIds.roster(job.assignmentId) });
    },
  });

  /** Through BullMQ, as the worker runs it: a routing job, processed with the clock at `now`. */
  async function routeThroughWorker(meldingId: string, statusEventId: number, now: Date) {
    const worker = createWorker('routing', createRoutingProcessor(deps(now)), {
      connection: consumer,
      prefix,
    });
    worker.on('error', () => {});
    closers.push(() => worker.close());
    await queues.routing.add('route', { meldingId, statusEventId }, { jobId: `rules-${statusEventId}` });
    const [assignment] = await waitUntil(
      async () => {
        const found = await listAssignmentsForMelding(testDb.client.db, meldingId);
        return found.length > 0 && found;
      },
      { what: 'the assignment' },
    );
    await worker.close();
    return assignment;
  }

  it('jeugdoverlast nu gaande at 23:30 on a Tuesday goes to the police as spoed (the boa went home at 22:30)', async () => {
    expect(weekdayOf(TUESDAY)).toBe(2);
    const reportedAt = at(TUESDAY, '23:30');
    const m = await insertRoutingMelding(testDb.client.db, {
      category: 'jeugdoverlast',
      answers: { nu_gaande: true },
      reportedAt,
    });
    const assignment = await routeThroughWorker(m.meldingId, m.statusEventId, reportedAt);
    expect(assignment).toMatchObject({
      teamId: 'politie-basisteam',
      priority: 'spoed',
      ruleId: 'soest-jeugd-live-politie',
      ruleVersion: 1,
      note: 'Nu gaande; geen boa in dienst.',
      reason: `Regel 2 'Jeugd live, na boa-diensttijd': jeugdoverlast, nu gaande, 23:30 in wijk ${wijk?.naam} → Politie basisteam Eemland-Noord, spoed`,
    });
    const melding = await meldingRow(testDb.client.db, m.meldingId);
    expect(melding).toMatchObject({ status: 'ingedeeld', teamId: 'politie-basisteam', priority: 'spoed' });
    const events = await statusEventsOf(testDb.client.db, m.meldingId);
    expect(events.at(-1)).toMatchObject({ toStatus: 'ingedeeld', internalNote: assignment?.reason });
  });

  it('the same at 16:00 goes to the boa-team on duty, spoed', async () => {
    const reportedAt = at(TUESDAY, '16:00');
    const m = await insertRoutingMelding(testDb.client.db, {
      category: 'jeugdoverlast',
      answers: { nu_gaande: true },
      reportedAt,
    });
    const assignment = await routeThroughWorker(m.meldingId, m.statusEventId, reportedAt);
    expect(assignment).toMatchObject({
      teamId: 'boa-team',
      priority: 'spoed',
      ruleId: 'soest-jeugd-live-boa',
      ruleVersion: 1,
      reason: `Regel 1 'Jeugd live, boa in dienst': jeugdoverlast, nu gaande, 16:00 in wijk ${wijk?.naam}, Boa-team Soest in dienst → Boa-team Soest, spoed`,
    });
    const jobs = await queues.roster('boa-team').getJobs(['waiting', 'delayed', 'active', 'completed']);
    expect(jobs.map((j) => j.data.meldingId)).toContain(m.meldingId);
  });

  it('without "nu gaande" a jeugdoverlast takes the category default', async () => {
    const reportedAt = at(TUESDAY, '23:30');
    const m = await insertRoutingMelding(testDb.client.db, { category: 'jeugdoverlast', reportedAt });
    await routeMelding(deps(reportedAt), m);
    const [assignment] = await listAssignmentsForMelding(testDb.client.db, m.meldingId);
    expect(assignment).toMatchObject({
      teamId: 'boa-team',
      priority: 'normaal',
      ruleId: null,
      ruleVersion: null,
      reason: 'standaardteam voor categorie Jeugdoverlast',
    });
  });

  it('the third woonoverlast at one address within 30 days is hoog', async () => {
    const address = { lat: 52.1812, lng: 5.3004 };
    const results = [];
    for (const date of ['2026-06-03', '2026-06-12', '2026-06-24']) {
      const reportedAt = at(date, '20:00');
      const m = await insertRoutingMelding(testDb.client.db, {
        category: 'woonoverlast',
        reportedAt,
        // A few metres apart: the same address as the melders place it.
        lat: address.lat + results.length * 0.00003,
        lng: address.lng,
      });
      await routeMelding(deps(reportedAt), m);
      results.push((await listAssignmentsForMelding(testDb.client.db, m.meldingId))[0]);
    }
    expect(results.map((a) => [a?.priority, a?.ruleId])).toEqual([
      ['normaal', null],
      ['normaal', null],
      ['hoog', 'soest-woonoverlast-herhaald'],
    ]);
    expect(results[2]?.reason).toContain('3 meldingen binnen 25 m in 30 dagen');
    // 40 days later the first two are out of the window.
    const later = at('2026-08-02', '20:00');
    const m = await insertRoutingMelding(testDb.client.db, {
      category: 'woonoverlast',
      reportedAt: later,
      ...address,
    });
    await routeMelding(deps(later), m);
    expect((await listAssignmentsForMelding(testDb.client.db, m.meldingId))[0]?.priority).toBe('normaal');
  });

  it('an edit makes version 2; the assignment decided by version 1 keeps pointing at it', async () => {
    const db = testDb.client.db;
    const first = await insertRoutingMelding(db, {
      category: 'verdachte_situatie',
      answers: { nu_gaande: true },
      reportedAt: at(TUESDAY, '10:00'),
    });
    await routeMelding(deps(at(TUESDAY, '10:00')), first);
    const v1 = soestRoutingRules.find((r) => r.id === 'soest-verdacht-live');
    if (!v1) throw new Error('seed rule missing');
    const { id: _id, version: _v, ...content } = v1;
    const v2 = reviseRule(v1, {
      ...content,
      name: 'Verdacht, nu gaande (aangepast)',
      outcome: { ...v1.outcome, note: 'Bel de melder terug.' },
    });
    expect(await reviseRoutingRule(db, v2, { createdBy: null, at: at(TUESDAY, '11:00') })).toBe(true);
    // A stale editor (still on version 1) does not overwrite it.
    expect(await reviseRoutingRule(db, v2, { createdBy: null, at: at(TUESDAY, '11:01') })).toBe(false);

    const second = await insertRoutingMelding(db, {
      category: 'verdachte_situatie',
      answers: { nu_gaande: true },
      reportedAt: at(TUESDAY, '12:00'),
    });
    await routeMelding(deps(at(TUESDAY, '12:00')), second);
    const [a1] = await listAssignmentsForMelding(db, first.meldingId);
    const [a2] = await listAssignmentsForMelding(db, second.meldingId);
    expect([a1?.ruleVersion, a1?.note]).toEqual([1, null]);
    expect([a2?.ruleVersion, a2?.note]).toEqual([2, 'Bel de melder terug.']);
    expect(a2?.reason).toContain("'Verdacht, nu gaande (aangepast)'");
    expect((await findRoutingRuleVersion(db, 'soest-verdacht-live', 1))?.name).toBe(
      'Verdachte situatie, nu gaande',
    );
    // Versions are immutable, in the database too.
    await expect(
      db.execute(sql`UPDATE routing_rule_versions SET name = 'x' WHERE rule_id = 'soest-verdacht-live'`),
    ).rejects.toThrow();
  });

  it('a rule that became invalid is flagged and logged, never silently skipped; the melding still gets a team', async () => {
    const db = testDb.client.db;
    const now = at(TUESDAY, '13:00');
    await insertRoutingRule(
      db,
      {
        id: 'wijk-weg',
        name: 'Woonoverlast in een verdwenen wijk',
        version: 1,
        position: 1,
        active: true,
        conditions: { categories: ['woonoverlast'], areaCodes: ['WK999999'] },
        outcome: { teamId: 'politie-basisteam', priority: 'spoed', note: null },
      },
      { createdBy: null, at: now },
    );
    const warnings: Record<string, unknown>[] = [];
    const logger = pino({ level: 'warn' }, { write: (line: string) => warnings.push(JSON.parse(line)) });
    const m = await insertRoutingMelding(db, {
      category: 'woonoverlast',
      reportedAt: now,
      lat: 52.16,
      lng: 5.31,
    });
    await routeMelding({ ...deps(now), logger }, m);
    const [assignment] = await listAssignmentsForMelding(db, m.meldingId);
    expect(assignment).toMatchObject({ teamId: 'boa-team', ruleId: null });
    const rule = (await listCurrentRoutingRules(db)).find((r) => r.id === 'wijk-weg');
    expect(rule?.invalidSince?.toISOString()).toBe(now.toISOString());
    expect(rule?.problems).toEqual([
      { field: 'conditions.areaCodes.0', message: 'Het gebied WK999999 is onbekend.' },
    ]);
    expect(warnings).toContainEqual(
      expect.objectContaining({
        msg: 'routing rule skipped: invalid',
        ruleId: 'wijk-weg',
        version: 1,
        fields: ['conditions.areaCodes.0'],
      }),
    );
    // No melding data in the log lines.
    expect(JSON.stringify(warnings)).not.toContain(m.meldingId);
    // The console's counts: what each rule routed (the 23:30 and 16:00 jeugd meldingen, the third woonoverlast, two verdacht).
    const since = at('2026-05-01', '00:00');
    expect(Object.fromEntries(await countAssignmentsPerRule(db, since))).toEqual({
      'soest-jeugd-live-politie': 1,
      'soest-jeugd-live-boa': 1,
      'soest-woonoverlast-herhaald': 1,
      'soest-verdacht-live': 2,
    });
    const recent = await listRoutableMeldingenSince(db, since, 2000);
    expect(recent).toHaveLength(10);
    expect(recent[0]?.createdAt.toISOString()).toBe(at('2026-08-02', '20:00').toISOString());
    expect(recent.find((r) => r.id === m.meldingId)).toMatchObject({ category: 'woonoverlast' });
    // The other rules carry no flag.
    const flagged = await db
      .select()
      .from(schema.routingRules)
      .where(eq(schema.routingRules.id, 'soest-jeugd-live-boa'));
    expect(flagged[0]?.invalidSince).toBeNull();
  });
});
