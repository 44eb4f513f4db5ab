import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { h3Cells } from '@buurtsignaal/core';
import * as schema from '@buurtsignaal/db/schema';
import {
  type HotspotRuleInput,
  insertHotspotRule,
  updateHotspotRule,
} from '@buurtsignaal/db/tables/hotspot-rules-repository';
import { createRedisConnection } from '@buurtsignaal/jobs';
import { cleanRedisPrefix, testEnv, testRedisPrefix, waitUntil } from '@buurtsignaal/testkit';
import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { detectHotspots, teamsForRule } from '../../src/hotspots/hotspot-detection.ts';
import { startHotspotScheduler } from '../../src/hotspots/hotspot-scheduler.ts';
import { silentLogger } from '../support/helpers.ts';
import { useTestDatabase } from '../support/worker-harness.ts';

const CENTRUM = { lat: 52.1733, lng: 5.2917 };
const SOESTERBERG = { lat: 52.117, lng: 5.285 };
const DAY = 86_400_000;

const database = useTestDatabase();

let n = 0;
async function melding(at: Date, where = CENTRUM, category = 'jeugdoverlast'): Promise<string> {
  const id = randomUUID();
  const cells = h3Cells(where.lat, where.lng);
  await database.db.insert(schema.meldingen).values({
    id,
    reference: `SOE-2026-8${String(++n).padStart(5, '0')}`,
    category,
    description: 'Testmelding',
    occurredAt: at,
    lat: where.lat,
    lng: where.lng,
    h3R7: cells.r7,
    h3R8: cells.r8,
    h3R9: cells.r9,
    h3R10: cells.r10,
    status: 'ingedeeld',
    statusTokenHash: createHash('sha256').update(randomBytes(16)).digest('hex'),
  });
  return id;
}

async function rule(input: Partial<HotspotRuleInput> = {}) {
  return insertHotspotRule(database.db, {
    name: 'Jeugdoverlast',
    category: 'jeugdoverlast',
    subcategory: null,
    resolution: 9,
    minCount: 3,
    windowDays: 14,
    active: true,
    ...input,
    id: randomUUID(),
    createdBy: null,
    at: new Date(),
  });
}

const hotspotsOf = (ruleId: string) =>
  database.db
    .select()
    .from(schema.hotspots)
    .where(eq(schema.hotspots.ruleId, ruleId))
    .orderBy(asc(schema.hotspots.since));
const notificationsOf = (hotspotId: string) =>
  database.db
    .select()
    .from(schema.hotspotNotifications)
    .where(eq(schema.hotspotNotifications.hotspotId, hotspotId));

describe('hotspot detection', () => {
  it('fires once for a cell meeting the rule and notifies the covering team once, however often it runs', async () => {
    const now = new Date('2026-06-10T20:00:00Z');
    const r = await rule();
    await melding(new Date(now.getTime() - 1 * DAY));
    await melding(new Date(now.getTime() - 2 * DAY));
    await melding(new Date(now.getTime() - 20 * DAY)); // outside the 14 days
    await melding(new Date(now.getTime() - 1 * DAY), SOESTERBERG);
    expect((await detectHotspots(database.db, now)).created).toEqual([]);

    await melding(new Date(now.getTime() - 3 * DAY));
    const first = await detectHotspots(database.db, now);
    expect(first.created).toEqual([
      expect.objectContaining({
        ruleId: r.id,
        cell: h3Cells(CENTRUM.lat, CENTRUM.lng).r9,
        count: 3,
        teamIds: ['boa-team'],
      }),
    ]);
    const later = new Date(now.getTime() + 5 * 60_000);
    await melding(later);
    const second = await detectHotspots(database.db, later);
    expect(second.created).toEqual([]);

    const [hotspot, ...others] = await hotspotsOf(r.id);
    expect(others).toEqual([]);
    expect(hotspot).toMatchObject({
      active: true,
      lastCount: 4,
      since: now,
      notifiedAt: now,
      wijkCode: 'WK034202',
    });
    expect(await notificationsOf(hotspot?.id ?? '')).toEqual([
      expect.objectContaining({ teamId: 'boa-team' }),
    ]);
  });

  it('ends a hotspot whose count dropped, and a cell meeting the rule again is a new hotspot with a new notification', async () => {
    const where = { lat: 52.1612, lng: 5.3002 };
    const start = new Date('2026-07-01T12:00:00Z');
    const r = await rule({ minCount: 2, windowDays: 7, name: 'Twee per week' });
    await melding(new Date(start.getTime() - DAY), where);
    await melding(new Date(start.getTime() - 2 * DAY), where);
    expect((await detectHotspots(database.db, start)).created.filter((h) => h.ruleId === r.id)).toHaveLength(
      1,
    );

    const tenDaysLater = new Date(start.getTime() + 10 * DAY);
    const ended = await detectHotspots(database.db, tenDaysLater);
    expect(ended.ended).toBeGreaterThanOrEqual(1);
    const [gone] = await hotspotsOf(r.id);
    expect(gone).toMatchObject({ active: false, endedAt: tenDaysLater });

    await melding(new Date(tenDaysLater.getTime() + DAY), where);
    await melding(new Date(tenDaysLater.getTime() + DAY + 60_000), where);
    const again = new Date(tenDaysLater.getTime() + 2 * DAY);
    await detectHotspots(database.db, again);
    const rows = await hotspotsOf(r.id);
    expect(rows.map((h) => h.active)).toEqual([false, true]);
    expect(await notificationsOf(rows[1]?.id ?? '')).toHaveLength(1);
  });

  it('ends the hotspots of a rule that is switched off', async () => {
    const now = new Date('2026-06-10T20:00:00Z');
    const r = await rule({ minCount: 2, name: 'Uit te zetten' });
    await detectHotspots(database.db, now);
    expect((await hotspotsOf(r.id)).filter((h) => h.active).length).toBeGreaterThan(0);
    await updateHotspotRule(database.db, r.id, { ...r, active: false, at: now });
    await detectHotspots(database.db, now);
    expect((await hotspotsOf(r.id)).every((h) => !h.active && h.endedAt !== null)).toBe(true);
  });

  it('notifies every category’s default team for a rule over all categories', () => {
    expect(teamsForRule({ category: null }, null).sort()).toEqual(['boa-team', 'politie-basisteam']);
    expect(teamsForRule({ category: 'verdachte_situatie' }, 'WK034202')).toEqual(['politie-basisteam']);
  });
});

describe('hotspot detection schedule (BullMQ, real Redis)', () => {
  it('runs detection periodically from a job scheduler', async () => {
    const prefix = testRedisPrefix('hotspots');
    const producer = createRedisConnection({ url: testEnv.redisUrl, role: 'producer' });
    const consumer = createRedisConnection({ url: testEnv.redisUrl, role: 'worker' });
    const r = await rule({ minCount: 1, windowDays: 365, name: 'Alles', category: 'woonoverlast' });
    await melding(new Date(), SOESTERBERG, 'woonoverlast');
    const scheduler = await startHotspotScheduler({
      db: database.db,
      producer,
      consumer,
      prefix,
      now: () => new Date(),
      logger: silentLogger,
      everyMs: 200,
      onError: () => {},
    });
    try {
      await waitUntil(async () => (await hotspotsOf(r.id)).length === 1, {
        timeoutMs: 10_000,
        what: 'a scheduled detection',
      });
    } finally {
      await scheduler.close();
      producer.disconnect();
      consumer.disconnect();
      await cleanRedisPrefix(prefix);
    }
  });
});
