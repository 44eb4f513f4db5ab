import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { h3Cells } from '@buurtsignaal/core';
import type { DbOrTx } from '@buurtsignaal/db';
import * as schema from '@buurtsignaal/db/schema';
import { beforeAll } from 'vitest';
import { type HandlingWorld, useHandlingWorld } from './handling-helpers.ts';
import { as, createUser, login } from './staff-helpers.ts';

export interface HotspotMelding {
  lat: number;
  lng: number;
  category?: string;
  subcategory?: string | null;
  /** ISO; null: the melder gave no time (happened_at falls back to createdAt). */
  occurredAt?: string | null;
  createdAt?: string;
  status?: string;
  teamId?: string | null;
}

let counter = 0;

/** A melding as the intake stores it (cells computed with the intake's h3Cells), inserted directly. */
export async function insertHotspotMelding(
  db: DbOrTx,
  m: HotspotMelding,
): Promise<{ id: string; reference: string }> {
  const id = randomUUID();
  const reference = `SOE-2026-9${String(++counter).padStart(5, '0')}`;
  const cells = h3Cells(m.lat, m.lng);
  const category = m.category ?? 'jeugdoverlast';
  await db.insert(schema.meldingen).values({
    id,
    reference,
    category,
    subcategory:
      m.subcategory === undefined ? (category === 'jeugdoverlast' ? 'hangen' : null) : m.subcategory,
    description: 'Testmelding voor de hotspotkaart.',
    occurredAt:
      m.occurredAt === undefined
        ? new Date('2026-03-26T10:00:00Z')
        : m.occurredAt === null
          ? null
          : new Date(m.occurredAt),
    lat: m.lat,
    lng: m.lng,
    h3R7: cells.r7,
    h3R8: cells.r8,
    h3R9: cells.r9,
    h3R10: cells.r10,
    status: m.status ?? 'ingedeeld',
    teamId:
      m.teamId === undefined
        ? category === 'verdachte_situatie'
          ? 'politie-basisteam'
          : 'boa-team'
        : m.teamId,
    statusTokenHash: createHash('sha256').update(randomBytes(16)).digest('hex'),
    ...(m.createdAt ? { createdAt: new Date(m.createdAt) } : {}),
  });
  return { id, reference };
}

// The hand-computed set shared by the hotspot tests.
export const A = { lat: 52.1733, lng: 5.2917 }; // Soest-Centrum
export const B = { lat: 52.176, lng: 5.296 }; // ~400 m north-east
export const C = { lat: 52.117, lng: 5.285 }; // Soesterberg

// The hand-computed set. March 2026: DST starts Sunday 29 March at 02:00 local (01:00Z).
export const march: HotspotMelding[] = [
  // 1: Thursday 11:00 CET (created on a Tuesday: the weekday must come from occurred_at)
  { ...A, occurredAt: '2026-03-26T10:00:00Z', createdAt: '2026-03-31T08:00:00Z' },
  // 2: no occurred_at: Friday 23:30 CET from created_at
  { ...A, occurredAt: null, createdAt: '2026-03-27T22:30:00Z' },
  // 3: Saturday 21:30 CET
  { ...A, occurredAt: '2026-03-28T20:30:00Z' },
  // 4: Sunday 01:30 CET (before the switch)
  { ...A, occurredAt: '2026-03-29T00:30:00Z' },
  // 5: Sunday 03:30 CEST (after the switch; a fixed +01:00 would say 02:30)
  { ...A, occurredAt: '2026-03-29T01:30:00Z' },
  // 6: Monday 21:00 CEST, afgehandeld (not "open")
  { ...A, occurredAt: '2026-03-30T19:00:00Z', status: 'afgehandeld' },
  // 7: geannuleerd: never counted
  { ...A, occurredAt: '2026-03-30T19:10:00Z', status: 'geannuleerd' },
  // 8: woonoverlast, Friday 20:00 CET
  { ...A, category: 'woonoverlast', subcategory: 'geluid', occurredAt: '2026-03-27T19:00:00Z' },
  // 9, 10: B, Saturday 22:00 CET
  { ...B, occurredAt: '2026-03-28T21:00:00Z' },
  { ...B, occurredAt: '2026-03-28T21:05:00Z' },
  // 11: C, verdachte situatie (politie)
  { ...C, category: 'verdachte_situatie', subcategory: 'persoon', occurredAt: '2026-03-28T21:00:00Z' },
  // 12: exactly at `to` (excluded), 13: one minute before `from` (excluded)
  { ...A, occurredAt: '2026-04-05T22:00:00Z' },
  { ...A, occurredAt: '2026-03-22T22:59:00Z' },
];
// October 2026: DST ends Sunday 25 October, 03:00 CEST → 02:00 CET: 02:30 happens twice.
export const october: HotspotMelding[] = [
  { ...A, occurredAt: '2026-10-25T00:30:00Z' },
  { ...A, occurredAt: '2026-10-25T01:30:00Z' },
];

export const MARCH = `from=${encodeURIComponent('2026-03-23T00:00:00+01:00')}&to=${encodeURIComponent('2026-04-06T00:00:00+02:00')}`;
export const OCTOBER = `from=${encodeURIComponent('2026-10-19T00:00:00+02:00')}&to=${encodeURIComponent('2026-10-26T00:00:00+01:00')}`;
export const SOEST = 'bbox=5.20,52.07,5.40,52.23';

/**
 * The handling world with the March and October meldingen inserted and a boa without a team logged in
 * (`asNoTeamBoa()`, once beforeAll has run): the map's and the cell profile's common ground.
 */
export function useHotspotWorld(): { w: HandlingWorld; asNoTeamBoa(): ReturnType<typeof as> } {
  const w = useHandlingWorld();
  let noTeamBoa: ReturnType<typeof as> | undefined;
  beforeAll(async () => {
    for (const m of [...march, ...october]) await insertHotspotMelding(w.db, m);
    const loose = await createUser(w.db, 'boa-zonder-team@soest.nl', 'boa', []);
    noTeamBoa = as(w.t.app, await login(w.t.app, loose.email));
  });
  return {
    w,
    asNoTeamBoa() {
      if (!noTeamBoa) throw new Error('the hotspot world is only there once beforeAll has run');
      return noTeamBoa;
    },
  };
}
