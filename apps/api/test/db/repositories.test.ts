// The db package cannot depend on testkit (testkit depends on db), so its repositories are tested here.
import { randomUUID } from 'node:crypto';
import { findMelderStatusView } from '@buurtsignaal/db/queries/melder/status-view';
import * as schema from '@buurtsignaal/db/schema';
import {
  claimIdempotencyKey,
  findIdempotencyKey,
  releaseIdempotencyKey,
} from '@buurtsignaal/db/tables/idempotency-keys-repository';
import {
  IdempotencyKeyNotInFlightError,
  insertMelding,
  type NewMelding,
} from '@buurtsignaal/db/tables/meldingen-intake';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../support/test-app.ts';

const database = useTestDatabase();

const melding = (overrides: Partial<NewMelding> = {}): NewMelding => ({
  id: randomUUID(),
  referencePrefix: 'SOE',
  referenceYear: 2026,
  category: 'woonoverlast',
  subcategory: null,
  answers: { hoe_vaak: 'dagelijks' },
  description: 'Elke nacht harde muziek uit de woning naast ons.',
  occurredAt: null,
  lat: 52.17,
  lng: 5.3,
  accuracy: null,
  addressText: 'Steenhoffstraat 1, Soest',
  wijkCode: null,
  h3: { r7: 'r7', r8: 'r8', r9: 'r9', r10: 'r10' },
  statusTokenHash: randomUUID(),
  createdAt: new Date('2026-03-01T10:00:00Z'),
  ...overrides,
});

describe('insertMelding', () => {
  it('writes melding, melder, attachments, status event, outbox row and the idempotency response at once', async () => {
    const db = database.client.db;
    await claimIdempotencyKey(db, 'intake:repo-1', 'hash-1', 60_000);
    const m = melding();
    const attachmentId = randomUUID();
    const inserted = await insertMelding(db, {
      melding: m,
      melder: {
        id: randomUUID(),
        email: 'a@example.nl',
        phone: null,
        wantsFeedback: true,
        statusTokenSealed: 'v1.x.y.z',
      },
      attachments: [
        {
          id: attachmentId,
          position: 0,
          mime: 'image/jpeg',
          size: 10,
          width: 2,
          height: 1,
          sha256: 'ab',
          storageKey: '2026/03/x.jpg',
        },
      ],
      idempotency: {
        key: 'intake:repo-1',
        responseStatus: 201,
        responseBody: { id: m.id, status: 'gemeld' },
      },
    });
    expect(inserted.reference).toMatch(/^SOE-2026-\d{6}$/);
    expect(typeof inserted.statusEventId).toBe('number');

    const [row] = await db.select().from(schema.meldingen).where(eq(schema.meldingen.id, m.id));
    expect(row).toMatchObject({
      reference: inserted.reference,
      addressText: 'Steenhoffstraat 1, Soest',
      status: 'gemeld',
    });
    const [melder] = await db.select().from(schema.melders).where(eq(schema.melders.meldingId, m.id));
    expect(melder).toMatchObject({
      email: 'a@example.nl',
      wantsFeedback: true,
      statusTokenSealed: 'v1.x.y.z',
    });
    const [attachment] = await db
      .select()
      .from(schema.attachments)
      .where(eq(schema.attachments.meldingId, m.id));
    expect(attachment).toMatchObject({ id: attachmentId, storageKey: '2026/03/x.jpg', width: 2 });
    const [outbox] = await db.select().from(schema.outbox).where(eq(schema.outbox.aggregateId, m.id));
    expect(outbox?.payload).toEqual({ meldingId: m.id, statusEventId: inserted.statusEventId });
    expect(await findIdempotencyKey(db, 'intake:repo-1')).toMatchObject({
      state: 'done',
      responseStatus: 201,
      responseBody: { id: m.id, status: 'gemeld', reference: inserted.reference },
    });
  });

  it('numbers past 999999 get more digits instead of being cut off', async () => {
    const db = database.client.db;
    await db.execute(sql`SELECT setval('melding_reference_seq', 999999)`);
    const first = await insertMelding(db, { melding: melding({ referenceYear: 2027 }) });
    expect(first.reference).toBe('SOE-2027-1000000');
  });

  it('writes nothing when any part fails (one statement, one transaction)', async () => {
    const db = database.client.db;
    const before = await db.$count(schema.meldingen);
    const m = melding();
    // Two attachments at the same position violate a unique index after the melding row was written.
    const attachment = {
      mime: 'image/jpeg',
      size: 1,
      width: 1,
      height: 1,
      sha256: 'x',
      storageKey: 'k.jpg',
      position: 0,
    };
    await expect(
      insertMelding(db, {
        melding: m,
        attachments: [
          { ...attachment, id: randomUUID() },
          { ...attachment, id: randomUUID() },
        ],
      }),
    ).rejects.toThrow();
    expect(await db.$count(schema.meldingen)).toBe(before);
    expect(await db.$count(schema.statusEvents, eq(schema.statusEvents.meldingId, m.id))).toBe(0);
    expect(await db.$count(schema.outbox, eq(schema.outbox.aggregateId, m.id))).toBe(0);
  });
});

describe('insertMelding with an idempotency key that is no longer in flight', () => {
  const keyed = (key: string) => ({
    melding: melding(),
    idempotency: { key, responseStatus: 201, responseBody: { status: 'gemeld' } },
  });

  it('stores nothing when the key was released (its request gave up) or never claimed', async () => {
    const db = database.client.db;
    await claimIdempotencyKey(db, 'intake:released', 'h', 60_000);
    await releaseIdempotencyKey(db, 'intake:released', 'h');
    const before = await db.$count(schema.meldingen);
    const released = keyed('intake:released');
    await expect(insertMelding(db, released)).rejects.toBeInstanceOf(IdempotencyKeyNotInFlightError);
    await expect(insertMelding(db, keyed('intake:never'))).rejects.toBeInstanceOf(
      IdempotencyKeyNotInFlightError,
    );
    expect(await db.$count(schema.meldingen)).toBe(before);
    expect(await db.$count(schema.outbox, eq(schema.outbox.aggregateId, released.melding.id))).toBe(0);
  });

  it('stores one melding per key: a second insert with a done key stores nothing', async () => {
    const db = database.client.db;
    await claimIdempotencyKey(db, 'intake:twice', 'h', 60_000);
    const first = await insertMelding(db, keyed('intake:twice'));
    await expect(insertMelding(db, keyed('intake:twice'))).rejects.toBeInstanceOf(
      IdempotencyKeyNotInFlightError,
    );
    expect(await findIdempotencyKey(db, 'intake:twice')).toMatchObject({
      state: 'done',
      responseBody: { reference: first.reference },
    });
  });
});

describe('idempotency keys', () => {
  it('claims once, reports the holder, releases only an in_flight row with the same hash', async () => {
    const db = database.client.db;
    expect(await claimIdempotencyKey(db, 'k', 'h', 60_000)).toEqual({ claimed: true, tookOver: false });
    const second = await claimIdempotencyKey(db, 'k', 'h', 60_000);
    expect(second).toMatchObject({ claimed: false, existing: { state: 'in_flight', requestHash: 'h' } });
    await releaseIdempotencyKey(db, 'k', 'other-hash');
    expect(await findIdempotencyKey(db, 'k')).not.toBeNull();
    await releaseIdempotencyKey(db, 'k', 'h');
    expect(await findIdempotencyKey(db, 'k')).toBeNull();
  });

  it('takes over a stale in_flight row with the same hash only', async () => {
    const db = database.client.db;
    await claimIdempotencyKey(db, 'stale', 'h', 60_000);
    await db.execute(
      sql`UPDATE idempotency_keys SET created_at = now() - interval '2 minutes' WHERE key = 'stale'`,
    );
    expect(await claimIdempotencyKey(db, 'stale', 'other', 60_000)).toMatchObject({ claimed: false });
    expect(await claimIdempotencyKey(db, 'stale', 'h', 60_000)).toEqual({ claimed: true, tookOver: true });
  });
});

describe('findMelderStatusView', () => {
  it('finds by token hash and never selects internal notes', async () => {
    const db = database.client.db;
    const m = melding();
    await insertMelding(db, { melding: m });
    await db
      .insert(schema.statusEvents)
      .values({ meldingId: m.id, toStatus: 'ingedeeld', actor: 'systeem', internalNote: 'intern' });
    const view = await findMelderStatusView(db, m.statusTokenHash);
    expect(view?.timeline.map((e) => e.status)).toEqual(['ingedeeld', 'gemeld']);
    expect(JSON.stringify(view)).not.toContain('intern');
    expect(await findMelderStatusView(db, 'unknown')).toBeNull();
  });
});
