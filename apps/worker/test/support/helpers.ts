import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { type DbOrTx, notifyOutbox, type SecretBox } from '@buurtsignaal/db';
import * as schema from '@buurtsignaal/db/schema';
import { type QueueName, rosterQueueName } from '@buurtsignaal/jobs';
import { Queue } from 'bullmq';
import { asc, eq } from 'drizzle-orm';
import { Redis } from 'ioredis';
import pg from 'pg';
import { pino } from 'pino';

export const silentLogger = pino({ level: 'silent' });
export const mailFrom = 'Gemeente Soest – Buurtsignaal <noreply@buurtsignaal.local>';
export const publicBaseUrl = 'https://buurtsignaal.test';

export interface MeldingFixture {
  category?: string;
  subcategory?: string | null;
  addressText?: string | null;
  /** undefined: an anonymous melding (no melders row). */
  melder?: { email: string | null; wantsFeedback: boolean };
  /** Seals a status token for the melder (as the API does when STATUS_LINK_KEY is set). */
  statusLinkBox?: SecretBox;
  /** false: no outbox row (to add one later with insertOutbox). */
  withOutbox?: boolean;
}

export interface InsertedFixture {
  meldingId: string;
  reference: string;
  statusEventId: number;
  statusToken: string;
  outboxId: number | undefined;
}

let counter = 0;

/**
 * What the API's intake stores, in one transaction: melding, melder, first status event and the outbox
 * row. Written here with drizzle so that the worker's tests do not depend on the API.
 */
export async function insertMelding(db: DbOrTx, fixture: MeldingFixture = {}): Promise<InsertedFixture> {
  const meldingId = randomUUID();
  const reference = `SOE-2026-${String(++counter).padStart(3, '0')}${randomBytes(2).readUInt16BE(0) % 1000}`;
  const statusToken = randomBytes(24).toString('base64url');
  const inserted = await db.transaction(async (tx) => {
    await tx.insert(schema.meldingen).values({
      id: meldingId,
      reference,
      category: fixture.category ?? 'jeugdoverlast',
      subcategory: fixture.subcategory === undefined ? 'hangen' : fixture.subcategory,
      description: 'Groep jongeren bij het speeltuintje, harde muziek.',
      lat: 52.1733,
      lng: 5.2917,
      addressText:
        fixture.addressText === undefined ? 'Steenhoffstraat 46a, 3764 BM Soest' : fixture.addressText,
      h3R7: '871969189ffffff',
      h3R8: '8819691891fffff',
      h3R9: '8919691890bffff',
      h3R10: '8a19691890a7fff',
      statusTokenHash: createHash('sha256').update(statusToken).digest('hex'),
    });
    if (fixture.melder) {
      await tx.insert(schema.melders).values({
        id: randomUUID(),
        meldingId,
        email: fixture.melder.email,
        wantsFeedback: fixture.melder.wantsFeedback,
        statusTokenSealed: fixture.statusLinkBox?.seal(statusToken, meldingId) ?? null,
      });
    }
    const [event] = await tx
      .insert(schema.statusEvents)
      .values({ meldingId, fromStatus: null, toStatus: 'gemeld', actor: 'melder' })
      .returning({ id: schema.statusEvents.id });
    const statusEventId = Number(event?.id);
    let outboxId: number | undefined;
    if (fixture.withOutbox !== false) outboxId = await insertOutbox(tx, meldingId, statusEventId);
    return { meldingId, reference, statusEventId, statusToken, outboxId };
  });
  // As every writer of outbox rows does: wake the relays once the transaction has committed.
  if (inserted.outboxId !== undefined) await notifyOutbox(db);
  return inserted;
}

export async function insertOutbox(db: DbOrTx, meldingId: string, statusEventId: number): Promise<number> {
  const [row] = await db
    .insert(schema.outbox)
    .values({ topic: 'melding.gemeld', aggregateId: meldingId, payload: { meldingId, statusEventId } })
    .returning({ id: schema.outbox.id });
  return Number(row?.id);
}

export async function meldingRow(db: DbOrTx, meldingId: string) {
  const [row] = await db.select().from(schema.meldingen).where(eq(schema.meldingen.id, meldingId));
  return row;
}

export async function statusEventsOf(db: DbOrTx, meldingId: string) {
  return db
    .select()
    .from(schema.statusEvents)
    .where(eq(schema.statusEvents.meldingId, meldingId))
    .orderBy(asc(schema.statusEvents.id));
}

export async function outboxOf(db: DbOrTx, meldingId: string) {
  return db.select().from(schema.outbox).where(eq(schema.outbox.aggregateId, meldingId));
}

/** Read-only access to the test's queues, to look at jobs the worker added. */
export class QueueInspector {
  private readonly redis: Redis;
  private readonly queues = new Map<string, Queue>();

  constructor(
    url: string,
    private readonly prefix: string,
  ) {
    this.redis = new Redis(url, { maxRetriesPerRequest: null });
    this.redis.on('error', () => {});
  }

  queue(name: QueueName | `roster-${string}`): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: this.redis, prefix: this.prefix });
      queue.on('error', () => {});
      this.queues.set(name, queue);
    }
    return queue;
  }

  /** True when none of these queues holds a job that waits, runs or is delayed. */
  async drained(names: readonly QueueName[]): Promise<boolean> {
    for (const name of names) {
      const counts = await this.queue(name).getJobCounts('wait', 'active', 'delayed', 'prioritized');
      if (Object.values(counts).some((n) => n > 0)) return false;
    }
    return true;
  }

  roster(teamId: string): Queue {
    return this.queue(rosterQueueName(teamId) as `roster-${string}`);
  }

  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    this.redis.disconnect();
  }
}

export interface StatusChangeFixture {
  from: string | null;
  to: string;
  publicMessage?: string | null;
  internalNote?: string | null;
  actor?: string;
  /** The melding named in the outbox payload; default the event's own (another one: a corrupt job). */
  outboxMeldingId?: string;
}

/**
 * What the staff API will store for one status change, in one transaction: the melding's new status,
 * the append-only status event and the `melding.status_changed` outbox row.
 */
export async function insertStatusChange(
  db: DbOrTx,
  meldingId: string,
  change: StatusChangeFixture,
): Promise<{ statusEventId: number; outboxId: number }> {
  const inserted = await db.transaction(async (tx) => {
    await tx
      .update(schema.meldingen)
      .set({ status: change.to, updatedAt: new Date() })
      .where(eq(schema.meldingen.id, meldingId));
    const [event] = await tx
      .insert(schema.statusEvents)
      .values({
        meldingId,
        fromStatus: change.from,
        toStatus: change.to,
        actor: change.actor ?? 'staff:test-officer',
        internalNote: change.internalNote ?? null,
        publicMessage: change.publicMessage ?? null,
      })
      .returning({ id: schema.statusEvents.id });
    const statusEventId = Number(event?.id);
    const outboxMeldingId = change.outboxMeldingId ?? meldingId;
    const [row] = await tx
      .insert(schema.outbox)
      .values({
        topic: 'melding.status_changed',
        aggregateId: outboxMeldingId,
        payload: { meldingId: outboxMeldingId, statusEventId },
      })
      .returning({ id: schema.outbox.id });
    return { statusEventId, outboxId: Number(row?.id) };
  });
  await notifyOutbox(db);
  return inserted;
}

/**
 * Holds a row lock on these meldingen (FOR NO KEY UPDATE, in a transaction of its own) until release():
 * a routing job for one of them (FOR UPDATE) waits on the lock, active in BullMQ, for as long as the test
 * wants; foreign-key checks of other writes (KEY SHARE) pass.
 */
export async function holdMeldingLocks(
  databaseUrl: string,
  meldingIds: string[],
): Promise<() => Promise<void>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  client.on('error', () => {});
  await client.connect();
  await client.query('BEGIN');
  await client.query('SELECT id FROM meldingen WHERE id = ANY($1::uuid[]) FOR NO KEY UPDATE', [meldingIds]);
  let released = false;
  return async () => {
    if (released) return;
    released = true;
    await client.query('COMMIT');
    await client.end();
  };
}

export async function assignmentsOf(db: DbOrTx, meldingId: string) {
  return db.select().from(schema.assignments).where(eq(schema.assignments.meldingId, meldingId));
}
