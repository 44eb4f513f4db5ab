import { outboxTopics } from '@buurtsignaal/core';
import { and, asc, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { outbox } from '../schema.ts';

export interface PendingOutboxRow {
  id: number;
  topic: string;
  aggregateId: string;
  payload: Record<string, unknown>;
  attempts: number;
}

export interface NewOutboxRow {
  topic: string;
  aggregateId: string;
  /** Ids only: no personal data in the outbox (see OutboxPayloads in @buurtsignaal/core). */
  payload: Record<string, unknown>;
}

/** The only insert into the outbox; resolves to the row's id. The caller wakes the relays after the commit. */
export async function insertOutboxRow(tx: DbOrTx, row: NewOutboxRow): Promise<number> {
  const [inserted] = await tx.insert(outbox).values(row).returning({ id: outbox.id });
  return Number(inserted?.id);
}

/** Only ids in the payload: the worker reads the rest (see OutboxPayloads in @buurtsignaal/core). */
export async function insertStatusChangedOutbox(
  tx: DbOrTx,
  meldingId: string,
  statusEventId: number,
): Promise<void> {
  await insertOutboxRow(tx, {
    topic: outboxTopics.statusChanged,
    aggregateId: meldingId,
    payload: { meldingId, statusEventId },
  });
}

/**
 * Locks up to `limit` rows that are due, oldest first. Call inside a transaction: the lock holds until
 * it ends, and SKIP LOCKED lets another relay take the next rows meanwhile. (PGlite has one connection,
 * so there SKIP LOCKED never needs to skip.) "Due" uses the database clock, the same clock that set
 * `available_at` at intake.
 */
export async function claimPendingOutbox(tx: DbOrTx, limit: number): Promise<PendingOutboxRow[]> {
  return tx
    .select({
      id: outbox.id,
      topic: outbox.topic,
      aggregateId: outbox.aggregateId,
      payload: outbox.payload,
      attempts: outbox.attempts,
    })
    .from(outbox)
    .where(and(isNull(outbox.relayedAt), lte(outbox.availableAt, sql`now()`)))
    .orderBy(asc(outbox.id))
    .limit(limit)
    .for('update', { skipLocked: true });
}

export async function markOutboxRelayed(tx: DbOrTx, ids: readonly number[], relayedAt: Date): Promise<void> {
  if (ids.length === 0) return;
  await tx
    .update(outbox)
    .set({ relayedAt, lastError: null })
    .where(inArray(outbox.id, [...ids]));
}

/**
 * Leaves the row pending and due again after `retryInMs` (database clock), counting the attempt and
 * keeping the error for whoever looks at a stuck outbox.
 */
export async function markOutboxRetry(
  tx: DbOrTx,
  row: { id: number; attempts: number },
  error: string,
  retryInMs: number,
): Promise<void> {
  const delay = `${Math.max(0, Math.round(retryInMs))} milliseconds`;
  await tx
    .update(outbox)
    .set({
      attempts: row.attempts + 1,
      lastError: error.slice(0, 1000),
      availableAt: sql`now() + ${delay}::interval`,
    })
    .where(eq(outbox.id, row.id));
}

export interface OutboxState {
  id: number;
  topic: string;
  relayedAt: Date | null;
  attempts: number;
  lastError: string | null;
}

/** For operators and tests: where every row of an aggregate stands. */
export async function listOutboxForAggregate(db: DbOrTx, aggregateId: string): Promise<OutboxState[]> {
  return db
    .select({
      id: outbox.id,
      topic: outbox.topic,
      relayedAt: outbox.relayedAt,
      attempts: outbox.attempts,
      lastError: outbox.lastError,
    })
    .from(outbox)
    .where(eq(outbox.aggregateId, aggregateId))
    .orderBy(asc(outbox.id));
}

export async function countPendingOutbox(db: DbOrTx): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(outbox)
    .where(isNull(outbox.relayedAt));
  return Number(row?.n ?? 0);
}

/**
 * Milliseconds until the next pending row that is backing off becomes due (database clock), or
 * undefined when no pending row waits for its backoff. The relay wakes itself then.
 */
export async function msUntilNextOutboxDue(db: DbOrTx): Promise<number | undefined> {
  const [row] = await db
    .select({
      ms: sql<
        number | string | null
      >`(extract(epoch from (min(${outbox.availableAt}) - now())) * 1000)::float8`,
    })
    .from(outbox)
    .where(and(isNull(outbox.relayedAt), sql`${outbox.availableAt} > now()`));
  if (row?.ms === null || row?.ms === undefined) return undefined;
  return Math.max(0, Math.ceil(Number(row.ms)));
}
