import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { startPgListener } from './pg-listener.ts';
import * as schema from './schema.ts';

export type Schema = typeof schema;
/** The database handle every repository takes: the same type on PostgreSQL and on PGlite. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** A repository function accepts the database or a running transaction. */
export type DbOrTx = Db | Tx;

export const migrationsFolder = fileURLToPath(new URL('../migrations', import.meta.url));

export interface DatabaseClient {
  readonly kind: 'postgres' | 'pglite';
  readonly db: Db;
  /**
   * Calls `onNotify` for every NOTIFY on `channel`; resolves to an unsubscribe function. On PostgreSQL
   * the LISTEN connection comes back after a drop and then calls `options.onReconnect` (NOTIFYs sent
   * meanwhile are lost: catch up there).
   */
  listen(
    channel: string,
    onNotify: (payload: string) => void,
    options?: ListenOptions,
  ): Promise<() => Promise<void>>;
  /** Applies the committed SQL migrations (idempotent; safe when several processes start at once). */
  migrate(): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** PostgreSQL connection string; when absent, an embedded PGlite database is used. */
  databaseUrl?: string | undefined;
  /** Directory of the embedded database; `undefined` keeps it in memory (tests). */
  pgliteDataDir?: string | undefined;
  /** Pool size for PostgreSQL. */
  poolMax?: number | undefined;
  /**
   * Told of every lost or failing PostgreSQL connection (pool clients, idle or checked out, and LISTEN
   * connections). For logging only: the query that was under way rejects by itself. pg's error texts
   * carry no personal data (they name no values), but callers redact anyway.
   */
  onConnectionError?: ((err: Error, source: ConnectionErrorSource) => void) | undefined;
}

export type ConnectionErrorSource = 'pool' | 'listener';

export interface ListenOptions {
  onReconnect?: (() => void) | undefined;
}

export async function createDatabase(options: DatabaseOptions): Promise<DatabaseClient> {
  return options.databaseUrl
    ? createPostgres(options.databaseUrl, options.poolMax ?? 10, options.onConnectionError)
    : createPglite(options.pgliteDataDir);
}

// Any value that is unique to this app: serialises concurrent migrators on one PostgreSQL database.
const MIGRATION_LOCK_ID = 4_242_001;

function createPostgres(
  connectionString: string,
  max: number,
  onConnectionError: DatabaseOptions['onConnectionError'],
): DatabaseClient {
  const pool = new pg.Pool({
    connectionString,
    max,
    // A database that does not answer at all (a black-holed network) fails the query instead of
    // hanging the job or request; keepalive notices a peer that vanished without a FIN/RST.
    connectionTimeoutMillis: 10_000,
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
  });
  const report = (err: Error, source: ConnectionErrorSource) => {
    try {
      onConnectionError?.(err, source);
    } catch {
      // a logger that throws must not turn a lost connection into a crash after all
    }
  };
  // pg-pool listens for errors on idle clients only. A client that is checked out (a transaction,
  // drizzle's own connect()) and loses its connection emits 'error' too: without a listener of its
  // own, Node throws it and the process dies ("Unhandled 'error' event … Connection terminated
  // unexpectedly"). This listener lives as long as the client; the statement under way rejects by
  // itself, and the pool drops the client on release because it is no longer queryable.
  pool.on('connect', (client) => {
    client.on('error', (err) => report(err, 'pool'));
  });
  // The idle case: pg-pool has already removed the client; the listener above has reported it.
  pool.on('error', () => {});
  const db = drizzleNodePg(pool, { schema }) as unknown as Db;
  return {
    kind: 'postgres',
    db,
    async listen(channel, onNotify, options) {
      const listener = await startPgListener({
        connectionString,
        channel,
        onNotify,
        onReconnect: options?.onReconnect,
        onError: (err) => report(err, 'listener'),
      });
      return () => listener.close();
    },
    async migrate() {
      const client = await pool.connect();
      try {
        await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
        await migrateNodePg(drizzleNodePg(client, { schema }), { migrationsFolder });
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]).catch(() => {});
        client.release();
      }
    },
    async ping() {
      await pool.query('SELECT 1');
    },
    async close() {
      await pool.end();
    },
  };
}

async function createPglite(dataDir: string | undefined): Promise<DatabaseClient> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const client = dataDir ? await PGlite.create(dataDir) : await PGlite.create();
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    async listen(channel, onNotify) {
      const unsubscribe = await client.listen(channel, onNotify);
      return async () => {
        await unsubscribe();
      };
    },
    async migrate() {
      await migratePglite(drizzlePglite(client, { schema }), { migrationsFolder });
    },
    async ping() {
      await client.query('SELECT 1');
    },
    async close() {
      await client.close();
    },
  };
}
