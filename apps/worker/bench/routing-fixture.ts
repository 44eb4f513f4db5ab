// The data of `pnpm bench:routing`: 10 teams with rosters, 100 areas (a 10 × 10 grid of wijken over
// Soest), 200 active rules of which none matches the bench melding (so every one is tried and the
// category default decides), and 2,000 earlier meldingen around the place for the repeat counts.
import { createHash, randomUUID } from 'node:crypto';
import { h3Cells, type RoutingRule, type ShiftPattern, wallClockInstant } from '@buurtsignaal/core';
import { type Db, schema } from '@buurtsignaal/db';
import { upsertAreas } from '@buurtsignaal/db/tables/areas-repository';
import { insertRoutingRule } from '@buurtsignaal/db/tables/routing-rules-repository';
import { generateShiftInstancesAhead } from '@buurtsignaal/db/tables/shift-instances-generation';
import { insertShiftPattern } from '@buurtsignaal/db/tables/shift-patterns-repository';
import { insertStaffUser } from '@buurtsignaal/db/tables/staff-users-repository';
import { sql } from 'drizzle-orm';

export const PLACE = { lat: 52.1733, lng: 5.2917 };
export const BENCH_NOW = wallClockInstant('2026-06-02', '16:00'); // a Tuesday
const GRID = { minLat: 52.1, minLng: 5.2, step: 0.02 };

const areaCode = (i: number) => `WK0342${String(i).padStart(2, '0')}`;
const teamId = (i: number) => (i === 0 ? 'boa-team' : i === 1 ? 'politie-basisteam' : `bench-team-${i}`);

async function teamsWithRosters(db: Db): Promise<void> {
  const at = new Date();
  await db.execute(sql`UPDATE routing_rules SET active = false`);
  for (let i = 0; i < 10; i++) {
    const id = teamId(i);
    await db
      .insert(schema.teams)
      .values({ id, name: `Bench team ${i}`, kind: 'other', coverage: { kind: 'always' } })
      .onConflictDoNothing();
    const members = [randomUUID(), randomUUID()];
    for (const [n, member] of members.entries())
      await insertStaffUser(db, {
        id: member,
        email: `bench-${i}-${n}@soest.test`,
        name: `Bench ${i}.${n}`,
        role: 'boa',
        passwordHash: 'x',
        teamIds: [id],
      });
    const shifts: [string, string][] = [
      ['07:00', '15:00'],
      ['15:00', '23:00'],
      ['23:00', '07:00'],
    ];
    for (const [n, [start, end]] of shifts.entries()) {
      const p: ShiftPattern = {
        id: `bench-${i}-${n}`,
        teamId: id,
        label: `Dienst ${n}`,
        weekdays: [1, 2, 3, 4, 5, 6, 7],
        start,
        end,
        validFrom: '2026-01-01',
        validUntil: null,
        memberIds: members,
        leadId: members[0] ?? null,
      };
      await insertShiftPattern(db, { ...p, createdBy: null, at });
    }
  }
  await generateShiftInstancesAhead(db, { now: wallClockInstant('2026-05-30', '00:00') });
}

async function gridAreas(db: Db): Promise<void> {
  const areas = [];
  for (let i = 0; i < 100; i++) {
    const lat = GRID.minLat + Math.floor(i / 10) * GRID.step;
    const lng = GRID.minLng + (i % 10) * GRID.step;
    const ring = [
      [lng, lat],
      [lng + GRID.step, lat],
      [lng + GRID.step, lat + GRID.step],
      [lng, lat + GRID.step],
      [lng, lat],
    ];
    areas.push({
      code: areaCode(i),
      naam: `Wijk ${i}`,
      kind: 'wijk' as const,
      gemeenteCode: 'GM0342',
      geometry: { type: 'Polygon' as const, coordinates: [ring] },
    });
  }
  await upsertAreas(db, areas, new Date());
}

/** Four kinds of rule, all tried for a jeugdoverlast (not nu gaande) at PLACE on Tuesday 16:00, none holds. */
function rule(i: number): RoutingRule {
  const base = {
    id: `bench-${String(i).padStart(3, '0')}`,
    name: `Regel ${i}`,
    version: 1,
    position: i,
    active: true,
  };
  const outcome = { teamId: teamId(i % 10), priority: 'hoog' as const, note: null };
  switch (i % 4) {
    case 0: // another wijk (the place lies in wijk 34)
      return {
        ...base,
        outcome,
        conditions: {
          categories: ['jeugdoverlast'],
          areaCodes: [areaCode((i * 7) % 100 === 34 ? 0 : (i * 7) % 100)],
        },
      };
    case 1: // the weekend
      return {
        ...base,
        outcome,
        conditions: {
          categories: ['jeugdoverlast'],
          time: { weekdays: [6, 7], start: '20:00', end: '02:00', on: 'happened_at' },
        },
      };
    case 2: // nu gaande
      return {
        ...base,
        outcome,
        conditions: { categories: ['jeugdoverlast'], answers: [{ questionId: 'nu_gaande', equals: true }] },
      };
    default: // many at the place, and a team not on duty
      return {
        ...base,
        outcome,
        conditions: {
          categories: ['jeugdoverlast'],
          repeat: { minCount: 50, radiusMetres: [25, 50, 100][i % 3] ?? 25, days: [30, 60][i % 2] ?? 30 },
          teamOnDuty: { teamId: teamId(i % 10), onDuty: false },
        },
      };
  }
}

async function earlierMeldingen(db: Db, count: number): Promise<void> {
  const rows = [];
  for (let i = 0; i < count; i++) {
    const lat = PLACE.lat + ((i % 40) - 20) * 0.0001;
    const lng = PLACE.lng + ((Math.floor(i / 40) % 40) - 20) * 0.0001;
    const cells = h3Cells(lat, lng);
    rows.push({
      id: randomUUID(),
      reference: `SOE-2026-B${i}`,
      category: i % 3 === 0 ? 'woonoverlast' : 'jeugdoverlast',
      description: 'Bench',
      lat,
      lng,
      h3R7: cells.r7,
      h3R8: cells.r8,
      h3R9: cells.r9,
      h3R10: cells.r10,
      statusTokenHash: createHash('sha256').update(`bench-${i}`).digest('hex'),
      status: 'afgehandeld',
      createdAt: new Date(BENCH_NOW.getTime() - (i % 90) * 86_400_000),
    });
  }
  for (let i = 0; i < rows.length; i += 500) await db.insert(schema.meldingen).values(rows.slice(i, i + 500));
}

/** The full data set: 200 rules, 100 areas, 10 teams' rosters. */
export async function loadRulesFixture(db: Db): Promise<void> {
  await teamsWithRosters(db);
  await gridAreas(db);
  const at = new Date();
  for (let i = 0; i < 200; i++)
    await db.transaction((tx) => insertRoutingRule(tx, rule(i), { createdBy: null, at }));
  await earlierMeldingen(db, 2000);
  await db.execute(sql`ANALYZE`);
}

/** The default path's data: the same meldingen, every rule inactive (the category default decides). */
export async function loadDefaultFixture(db: Db): Promise<void> {
  await db.execute(sql`UPDATE routing_rules SET active = false`);
  await earlierMeldingen(db, 2000);
  await db.execute(sql`ANALYZE`);
}
