import { h3Cells } from '@buurtsignaal/core';
import { wallClockInstant } from '@buurtsignaal/core/time';
import { type DbOrTx, schema } from '@buurtsignaal/db';

// Synthetic meldingen with known peaks for the roster advice: inserted as routing would have left them
// (team set), at Amsterdam wall-clock times, by residents or by staff.

export const kjoeps = { lat: 52.1199, lng: 5.2936 };
export const farAway = { lat: 52.1905, lng: 5.2732 };
export const staffSpot = { lat: 52.165, lng: 5.3 };
export const smallSpot = { lat: 52.1801, lng: 5.3123 };

let n = 0;

export async function insertMelding(
  db: DbOrTx,
  at: { date: string; time: string },
  place: { lat: number; lng: number },
  over: {
    origin?: 'resident' | 'staff';
    category?: string;
    subcategory?: string | null;
    teamId?: string;
  } = {},
): Promise<void> {
  n++;
  const cells = h3Cells(place.lat, place.lng);
  const when = wallClockInstant(at.date, at.time);
  await db.insert(schema.meldingen).values({
    id: crypto.randomUUID(),
    reference: `ADV-${process.pid}-${n}`,
    category: over.category ?? 'jeugdoverlast',
    subcategory: over.subcategory === undefined ? 'hangen' : over.subcategory,
    description: 'synthetisch',
    lat: place.lat,
    lng: place.lng,
    h3R7: cells.r7,
    h3R8: cells.r8,
    h3R9: cells.r9,
    h3R10: cells.r10,
    status: 'afgehandeld',
    teamId: over.teamId ?? 'boa-team',
    statusTokenHash: `adv-${process.pid}-${n}-${crypto.randomUUID()}`,
    origin: over.origin ?? 'resident',
    occurredAt: when,
    createdAt: when,
  });
}

export const plusDays = (date: string, days: number): string => {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/** Mondays of 2026-W42 … 2026-W49: the eight history weeks of 2026-W50. */
export const historyMondays = Array.from({ length: 8 }, (_, i) => plusDays('2026-10-12', i * 7));

/**
 * Kjoeps: Wednesday and Friday 21:30, 22:45 and 23:30 every history week (48 meldingen, a peak
 * 21:00–24:00). A place far away: Wednesday 21:30 and 22:15, W46–W50 (the comparison). Staff findings:
 * many, never advice. A small spot: 4 meldingen, under REPORT_MIN_COUNT.
 */
export async function seedPeaks(db: DbOrTx): Promise<void> {
  for (const [i, monday] of historyMondays.entries()) {
    for (const day of [2, 4])
      for (const time of ['21:30', '22:45', '23:30'])
        await insertMelding(db, { date: plusDays(monday, day), time }, kjoeps);
    for (const time of ['10:00', '10:30', '11:00'])
      await insertMelding(db, { date: plusDays(monday, 1), time }, staffSpot, { origin: 'staff' });
    if (i >= 4)
      for (const time of ['21:30', '22:15'])
        await insertMelding(db, { date: plusDays(monday, 2), time }, farAway);
    if (i >= 4) await insertMelding(db, { date: plusDays(monday, 5), time: '14:30' }, smallSpot);
  }
  // W50: the comparison keeps its two; Kjoeps is quiet while visited.
  for (const time of ['21:30', '22:15']) await insertMelding(db, { date: '2026-12-09', time }, farAway);
}
