import { outboxTopics } from '@buurtsignaal/core';
import { type Query, type SQL, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../client.ts';

const dialect = new PgDialect();

/**
 * Runs `query` as a named prepared statement: node-postgres parses and plans it once per connection
 * instead of on every call. For this statement (five data-modifying CTEs) that is most of its cost:
 * measured ~580 µs unnamed vs ~200 µs named per melding. PGlite ignores the name. `name` must always
 * stand for the same SQL text. (`db.execute` has no name parameter; `_.session.prepareQuery` is the
 * public PgSession method that the query builders' `.prepare(name)` uses.)
 */
async function executeNamed<Row>(
  db: DbOrTx,
  name: string,
  query: Query,
  values: Record<string, unknown>,
): Promise<Row[]> {
  const result = await db._.session.prepareQuery(query, undefined, name, false).execute(values);
  // Both drivers answer `{ rows }` for a query without selected fields.
  return (result as { rows: Row[] }).rows;
}

export interface NewMelding {
  id: string;
  /** Reference is `<prefix>-<year>-<seq, 6+ digits>`; seq comes from melding_reference_seq. */
  referencePrefix: string;
  /** The year in Europe/Amsterdam at intake. */
  referenceYear: number;
  category: string;
  subcategory: string | null;
  answers: Record<string, unknown>;
  description: string;
  occurredAt: string | null;
  lat: number;
  lng: number;
  accuracy: number | null;
  addressText: string | null;
  /** Optional for callers that never have one (seeds, tests); null when absent. */
  locationDescription?: string | null;
  wijkCode: string | null;
  h3: { r7: string; r8: string; r9: string; r10: string };
  /** sha256 (hex) of the melder's status token. */
  statusTokenHash: string;
  createdAt: Date;
}

export interface NewMelder {
  id: string;
  email: string | null;
  phone: string | null;
  wantsFeedback: boolean;
  statusTokenSealed: string | null;
}

export interface NewAttachment {
  id: string;
  position: number;
  mime: string;
  size: number;
  width: number;
  height: number;
  sha256: string;
  storageKey: string;
}

export interface InsertMeldingInput {
  melding: NewMelding;
  /** Only when the melder gave contact data: an anonymous melding has no melders row. */
  melder?: NewMelder | undefined;
  attachments?: readonly NewAttachment[] | undefined;
  /** Completes a claimed idempotency key with this response; `reference` is merged into `body`. */
  idempotency?: { key: string; responseStatus: number; responseBody: Record<string, unknown> } | undefined;
}

export interface InsertedMelding {
  id: string;
  reference: string;
  statusEventId: number;
}

/**
 * Stores a new melding with everything that belongs to it: the melding, its melder (if any), its
 * attachments, the first status event (null → gemeld), the outbox row `melding.gemeld` and, with an
 * idempotency key, the key's final response — only while that key is still in flight (else it stores
 * nothing and throws IdempotencyKeyNotInFlightError).
 *
 * It is ONE statement (data-modifying CTEs): PostgreSQL runs a statement atomically, so this is one
 * transaction in one round trip, on PostgreSQL and PGlite alike. Foreign keys are checked at the end of
 * the statement, when the melding row exists. Call it with a running transaction to combine it with
 * other work.
 */
const p = (name: string) => sql.placeholder(name);

/**
 * The statement of insertMelding for one combination of optional parts, with placeholders: built and
 * compiled once per process, so a request only fills in its values.
 */
function buildInsertStatement(parts: { melder: boolean; attachments: boolean; idempotency: boolean }): Query {
  const ctes: SQL[] = [
    sql`r AS (
      SELECT ${p('referencePrefix')}::text || '-' || ${p('referenceYear')}::int::text || '-' || lpad(s.n::text, greatest(6, length(s.n::text)), '0') AS reference
      FROM (SELECT nextval('melding_reference_seq') AS n) s
    )`,
  ];
  if (parts.idempotency) {
    // The melding is stored only together with its key going from in_flight to done (the UPDATE locks
    // the row). A key that is no longer in flight — released by a request that gave up after losing
    // its connection, or completed by another request — stores nothing, so one key is one melding.
    ctes.push(sql`ik AS (
      UPDATE idempotency_keys
      SET state = 'done', response_status = ${p('responseStatus')}::int,
        response_body = ${p('responseBody')}::jsonb || jsonb_build_object('reference', r.reference),
        completed_at = now()
      FROM r
      WHERE key = ${p('idempotencyKey')}::text AND state = 'in_flight'
      RETURNING key
    )`);
  }
  ctes.push(
    sql`m AS (
      INSERT INTO meldingen (id, reference, category, subcategory, answers, description, occurred_at, lat, lng,
        accuracy, address_text, location_description, wijk_code, h3_r7, h3_r8, h3_r9, h3_r10, status, status_token_hash, created_at, updated_at)
      SELECT ${p('id')}::uuid, r.reference,
        ${p('category')}::text, ${p('subcategory')}::text, ${p('answers')}::jsonb, ${p('description')}::text,
        ${p('occurredAt')}::timestamptz, ${p('lat')}::double precision, ${p('lng')}::double precision, ${p('accuracy')}::real,
        ${p('addressText')}::text, ${p('locationDescription')}::text, ${p('wijkCode')}::text, ${p('h3R7')}::text, ${p('h3R8')}::text, ${p('h3R9')}::text, ${p('h3R10')}::text,
        'gemeld', ${p('statusTokenHash')}::text, ${p('createdAt')}::timestamptz, ${p('createdAt')}::timestamptz
      FROM r${parts.idempotency ? sql`, ik` : sql``}
      RETURNING id, reference
    )`,
    sql`se AS (
      INSERT INTO status_events (melding_id, from_status, to_status, actor, created_at)
      SELECT m.id, NULL, 'gemeld', 'melder', ${p('createdAt')}::timestamptz FROM m
      RETURNING id
    )`,
    sql`o AS (
      INSERT INTO outbox (topic, aggregate_id, payload)
      SELECT ${p('topic')}::text, m.id, jsonb_build_object('meldingId', m.id::text, 'statusEventId', se.id) FROM m, se
    )`,
  );
  if (parts.melder) {
    ctes.push(sql`md AS (
      INSERT INTO melders (id, melding_id, email, phone, wants_feedback, status_token_sealed, created_at)
      SELECT ${p('melderId')}::uuid, m.id, ${p('email')}::text, ${p('phone')}::text,
        ${p('wantsFeedback')}::boolean, ${p('statusTokenSealed')}::text, ${p('createdAt')}::timestamptz
      FROM m
    )`);
  }
  if (parts.attachments) {
    ctes.push(sql`a AS (
      INSERT INTO attachments (id, melding_id, position, mime, size, width, height, sha256, storage_key, created_at)
      SELECT x.id, m.id, x.position, x.mime, x.size, x.width, x.height, x.sha256, x.storage_key, ${p('createdAt')}::timestamptz
      FROM m, jsonb_to_recordset(${p('attachments')}::jsonb)
        AS x(id uuid, position smallint, mime text, size integer, width integer, height integer, sha256 text, storage_key text)
    )`);
  }
  return dialect.sqlToQuery(
    sql`WITH ${sql.join(ctes, sql`, `)} SELECT m.reference, se.id AS status_event_id FROM m, se`,
  );
}

/** A keyed insert found its idempotency key no longer in flight, and so stored nothing. */
export class IdempotencyKeyNotInFlightError extends Error {
  override name = 'IdempotencyKeyNotInFlightError';
  constructor(readonly key: string) {
    super('insertMelding: the idempotency key is no longer in flight; nothing was stored');
  }
}

const statements = new Map<string, Query>();

/**
 * Stores a new melding with everything that belongs to it: the melding, its melder (if any), its
 * attachments, the first status event (null → gemeld), the outbox row `melding.gemeld` and, with an
 * idempotency key, the key's final response — only while that key is still in flight (else it stores
 * nothing and throws IdempotencyKeyNotInFlightError).
 *
 * It is ONE statement (data-modifying CTEs): PostgreSQL runs a statement atomically, so this is one
 * transaction in one round trip, on PostgreSQL and PGlite alike. Foreign keys are checked at the end of
 * the statement, when the melding row exists. Call it with a running transaction to combine it with
 * other work. The caller wakes the outbox relays after the commit (createOutboxNotifier).
 */
export async function insertMelding(db: DbOrTx, input: InsertMeldingInput): Promise<InsertedMelding> {
  const { melding: m, melder, attachments = [], idempotency } = input;
  const parts = {
    melder: melder !== undefined,
    attachments: attachments.length > 0,
    idempotency: idempotency !== undefined,
  };
  // One statement text per combination of optional parts, so each gets its own prepared statement.
  const name = `bs_insert_melding_${parts.melder ? 'c' : ''}${parts.attachments ? 'p' : ''}${parts.idempotency ? 'i' : ''}`;
  let statement = statements.get(name);
  if (!statement) {
    statement = buildInsertStatement(parts);
    statements.set(name, statement);
  }
  const values: Record<string, unknown> = {
    topic: outboxTopics.meldingGemeld,
    id: m.id,
    referencePrefix: m.referencePrefix,
    referenceYear: m.referenceYear,
    category: m.category,
    subcategory: m.subcategory,
    answers: JSON.stringify(m.answers),
    description: m.description,
    occurredAt: m.occurredAt,
    lat: m.lat,
    lng: m.lng,
    accuracy: m.accuracy,
    addressText: m.addressText,
    locationDescription: m.locationDescription ?? null,
    wijkCode: m.wijkCode,
    h3R7: m.h3.r7,
    h3R8: m.h3.r8,
    h3R9: m.h3.r9,
    h3R10: m.h3.r10,
    statusTokenHash: m.statusTokenHash,
    createdAt: m.createdAt.toISOString(),
  };
  if (melder) {
    Object.assign(values, {
      melderId: melder.id,
      email: melder.email,
      phone: melder.phone,
      wantsFeedback: melder.wantsFeedback,
      statusTokenSealed: melder.statusTokenSealed,
    });
  }
  if (parts.attachments) values.attachments = JSON.stringify(attachments.map(toAttachmentRecord));
  if (idempotency) {
    Object.assign(values, {
      responseStatus: idempotency.responseStatus,
      responseBody: JSON.stringify(idempotency.responseBody),
      idempotencyKey: idempotency.key,
    });
  }
  const [row] = await executeNamed<{ reference: string; status_event_id: number | string }>(
    db,
    name,
    statement,
    values,
  );
  if (!row) {
    if (idempotency) throw new IdempotencyKeyNotInFlightError(idempotency.key);
    throw new Error('insertMelding: the statement returned no row');
  }
  // node-postgres returns int8 as a string, PGlite as a number.
  return { id: m.id, reference: row.reference, statusEventId: Number(row.status_event_id) };
}

const toAttachmentRecord = (a: NewAttachment) => ({
  id: a.id,
  position: a.position,
  mime: a.mime,
  size: a.size,
  width: a.width,
  height: a.height,
  sha256: a.sha256,
  storage_key: a.storageKey,
});
