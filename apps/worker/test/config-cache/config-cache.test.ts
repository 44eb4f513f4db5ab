import { randomUUID } from 'node:crypto';
import { wallClockInstant } from '@buurtsignaal/core';
import type { DatabaseClient } from '@buurtsignaal/db';
import { createDatabase } from '@buurtsignaal/db';
import { createConfigCache } from '@buurtsignaal/db/queries/config/config-cache';
import { recordFailedLogin } from '@buurtsignaal/db/tables/staff-users-repository';
import { updateTeamSettings } from '@buurtsignaal/db/tables/teams-repository';
import { createTestDatabase, createTestPglite, type TestDatabase } from '@buurtsignaal/testkit';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedRosterStaff } from '../support/routing-fixtures.ts';

// The configuration cache of packages/db (queries/config/config-cache.ts) that routing, dispatch and
// the pick-up sentence read through: served from memory while config_version (migration 0021) stands
// still, never stale once a change has committed, never holding a change that may still roll back.

const at = wallClockInstant('2026-06-02', '12:00');
const teamName = async (c: DatabaseClient, cache: ReturnType<typeof createConfigCache>) =>
  (await (await cache.view(c.db)).team('boa-team'))?.name;

async function addShift(c: DatabaseClient, memberId: string) {
  const id = randomUUID();
  await c.db.execute(sql`INSERT INTO shift_instances (id, team_id, label, source_kind, local_date,
      local_start, local_end, starts_at, ends_at, member_ids, lead_id, override_ids, generated_at)
    VALUES (${id}, 'boa-team', 'extra', 'extra', '2026-06-02', '11:00', '13:00',
      ${new Date(at.getTime() - 3_600_000).toISOString()}::timestamptz,
      ${new Date(at.getTime() + 3_600_000).toISOString()}::timestamptz,
      ${JSON.stringify([memberId])}::jsonb, NULL, '[]'::jsonb, now())`);
  return id;
}

describe.each([
  ['PostgreSQL', 'postgres'],
  ['PGlite', 'pglite'],
] as const)('configuration cache on %s', (_label, kind) => {
  let client: DatabaseClient;
  let other: DatabaseClient | undefined;
  let testDb: TestDatabase | undefined;
  let boaId: string;

  beforeAll(async () => {
    if (kind === 'postgres') {
      testDb = await createTestDatabase();
      client = await createDatabase({ databaseUrl: testDb.url, poolMax: 3 });
      other = await createDatabase({ databaseUrl: testDb.url, poolMax: 2 });
    } else {
      client = await createTestPglite();
    }
    ({ boaId } = await seedRosterStaff(client.db));
  });
  afterAll(async () => {
    await other?.close();
    await client?.close();
    await testDb?.drop();
  });

  it('serves the same parts from memory while nothing changed, and one small query per view', async () => {
    const cache = createConfigCache();
    const first = await cache.view(client.db);
    const teams = await first.teams();
    const second = await cache.view(client.db);
    expect(await second.teams()).toBe(teams);
    expect(cache.loads).toBe(1);
  });

  it('sees every committed change at the next view: teams, staff, shifts, areas', async () => {
    const cache = createConfigCache();
    expect(await teamName(client, cache)).toBe('Boa-team Soest');
    await updateTeamSettings(client.db, 'boa-team', { name: 'Boa-team Zuid', at });
    expect(await teamName(client, cache)).toBe('Boa-team Zuid');
    await updateTeamSettings(client.db, 'boa-team', { name: 'Boa-team Soest', at });

    const view = await cache.view(client.db);
    expect((await view.activeStaff()).get(boaId)?.role).toBe('boa');
    expect(await view.shiftInstances({ teamIds: ['boa-team'], from: at, until: at })).toEqual([]);
    const shiftId = await addShift(client, boaId);
    await client.db.execute(sql`UPDATE staff_users SET role = 'coordinator' WHERE id = ${boaId}`);
    const after = await cache.view(client.db);
    expect(
      (await after.shiftInstances({ teamIds: ['boa-team'], from: at, until: at })).map((s) => s.id),
    ).toEqual([shiftId]);
    expect(await after.coordinatorIds()).toContain(boaId);
    await client.db.execute(sql`UPDATE staff_users SET disabled_at = now() WHERE id = ${boaId}`);
    expect((await (await cache.view(client.db)).activeStaff()).has(boaId)).toBe(false);
    await client.db.execute(sql`UPDATE staff_users SET disabled_at = NULL, role = 'boa' WHERE id = ${boaId}`);
    await client.db.execute(sql`DELETE FROM shift_instances WHERE id = ${shiftId}`);
    expect(
      await (await cache.view(client.db)).shiftInstances({ teamIds: ['boa-team'], from: at, until: at }),
    ).toEqual([]);
    const codes = await (await cache.view(client.db)).areaNames();
    expect(codes.has('TEST01')).toBe(false);
    await client.db.execute(sql`INSERT INTO areas (code, kind, naam, gemeente_code, min_lat, max_lat, min_lng,
        max_lng, geometry, imported_at)
      VALUES ('TEST01', 'wijk', 'Testwijk', 'GM0342', 52, 53, 5, 6, '{"type":"Polygon","coordinates":[]}'::jsonb, now())`);
    expect((await (await cache.view(client.db)).areaNames()).get('TEST01')).toBe('Testwijk');
    await client.db.execute(sql`DELETE FROM areas WHERE code = 'TEST01'`);
  });

  it('a failed login (staff_users, but not what the cache holds) keeps the version', async () => {
    const cache = createConfigCache();
    await (await cache.view(client.db)).activeStaff();
    await recordFailedLogin(client.db, boaId, at);
    await (await cache.view(client.db)).activeStaff();
    expect(cache.loads).toBe(1);
  });

  it('inside a transaction that changed configuration: fresh, and nothing of it kept after a rollback', async () => {
    const cache = createConfigCache();
    expect(await teamName(client, cache)).toBe('Boa-team Soest');
    await client.db
      .transaction(async (tx) => {
        await updateTeamSettings(tx, 'boa-team', { name: 'Nooit gecommit', at });
        expect((await (await cache.view(tx)).team('boa-team'))?.name).toBe('Nooit gecommit');
        tx.rollback();
      })
      .catch(() => {});
    expect(await teamName(client, cache)).toBe('Boa-team Soest');
    // And another writer's commit after that rollback still reloads (the version is never reused).
    await updateTeamSettings(client.db, 'boa-team', { name: 'Boa-team Soest', at });
    expect(await teamName(client, cache)).toBe('Boa-team Soest');
  });

  it.runIf(kind === 'postgres')(
    'an uncommitted change elsewhere is not seen, and is seen at the first view after its commit',
    async () => {
      const cache = createConfigCache();
      const writer = other as DatabaseClient;
      let release: () => void = () => {};
      const held = new Promise<void>((r) => {
        release = r;
      });
      let changed: () => void = () => {};
      const isChanged = new Promise<void>((r) => {
        changed = r;
      });
      const tx = writer.db.transaction(async (t) => {
        await updateTeamSettings(t, 'boa-team', { name: 'Boa-team Noord', at });
        changed();
        await held;
      });
      await isChanged;
      expect(await teamName(client, cache)).toBe('Boa-team Soest');
      release();
      await tx;
      expect(await teamName(client, cache)).toBe('Boa-team Noord');
      await updateTeamSettings(client.db, 'boa-team', { name: 'Boa-team Soest', at });
    },
  );
});
