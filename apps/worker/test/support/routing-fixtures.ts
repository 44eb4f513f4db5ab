import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { type AnswerValue, h3Cells } from '@buurtsignaal/core';
import { type DbOrTx, schema, seedReferenceData } from '@buurtsignaal/db';
import { insertStaffUser } from '@buurtsignaal/db/tables/staff-users-repository';

// Meldingen as routing sees them (category, answers, place, time of reporting) and the staff who work
// the seeded shifts, for the routing and roster tests.

export const STEENHOFFSTRAAT = { lat: 52.1733, lng: 5.2917 };

export interface RoutingMeldingFixture {
  category: string;
  subcategory?: string | null;
  answers?: Record<string, AnswerValue>;
  reportedAt: Date;
  occurredAt?: Date | null;
  lat?: number;
  lng?: number;
}

let counter = 0;

/** A melding with its first status event (gemeld), as the intake stores it; no outbox row. */
export async function insertRoutingMelding(
  db: DbOrTx,
  f: RoutingMeldingFixture,
): Promise<{ meldingId: string; statusEventId: number }> {
  const meldingId = randomUUID();
  const lat = f.lat ?? STEENHOFFSTRAAT.lat;
  const lng = f.lng ?? STEENHOFFSTRAAT.lng;
  const cells = h3Cells(lat, lng);
  return db.transaction(async (tx) => {
    await tx.insert(schema.meldingen).values({
      id: meldingId,
      reference: `SOE-2026-R${String(++counter).padStart(4, '0')}${randomBytes(2).readUInt16BE(0)}`,
      category: f.category,
      subcategory: f.subcategory ?? null,
      answers: f.answers ?? {},
      description: 'Testmelding voor de routering.',
      lat,
      lng,
      h3R7: cells.r7,
      h3R8: cells.r8,
      h3R9: cells.r9,
      h3R10: cells.r10,
      occurredAt: f.occurredAt ?? null,
      statusTokenHash: createHash('sha256').update(randomBytes(16)).digest('hex'),
      createdAt: f.reportedAt,
      updatedAt: f.reportedAt,
    });
    const [event] = await tx
      .insert(schema.statusEvents)
      .values({ meldingId, fromStatus: null, toStatus: 'gemeld', actor: 'melder', createdAt: f.reportedAt })
      .returning({ id: schema.statusEvents.id });
    return { meldingId, statusEventId: Number(event?.id) };
  });
}

/** A boa and a police officer in their teams; the seed then puts them on the seeded shifts. */
export async function seedRosterStaff(db: DbOrTx): Promise<{ boaId: string; politieId: string }> {
  const boaId = randomUUID();
  const politieId = randomUUID();
  const base = { passwordHash: 'not-a-login' };
  await insertStaffUser(db, {
    ...base,
    id: boaId,
    email: `boa-${boaId}@soest.test`,
    name: 'Boa Test',
    role: 'boa',
    teamIds: ['boa-team'],
  });
  await insertStaffUser(db, {
    ...base,
    id: politieId,
    email: `politie-${politieId}@soest.test`,
    name: 'Politie Test',
    role: 'politie',
    teamIds: ['politie-basisteam'],
  });
  await seedReferenceData(db);
  return { boaId, politieId };
}
