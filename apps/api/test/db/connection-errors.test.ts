import { connectionFailureOf, createDatabase } from '@buurtsignaal/db';
import { TcpProxy, testEnv, waitUntil } from '@buurtsignaal/testkit';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../support/test-app.ts';

// connectionFailureOf on errors that the real driver gives in each situation.
const target = new URL(testEnv.databaseAdminUrl);

const database = useTestDatabase();

const urlVia = (port: number) => {
  const url = new URL(database.url);
  url.port = String(port);
  return url.toString();
};

/** Waits until the server is running `query` in this test's database (it went through the proxy). */
async function statementRunning(query: string): Promise<void> {
  await waitUntil(
    async () => {
      const result = await database.client.db.execute(
        sql`SELECT count(*)::int AS n FROM pg_stat_activity
            WHERE datname = current_database() AND state = 'active' AND query = ${query}`,
      );
      return ((result as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0) > 0;
    },
    { what: `the statement ${query} to run` },
  );
}

async function errorOf(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (err) {
    return err;
  }
  throw new Error('expected a failure');
}

async function closedPort(): Promise<number> {
  const proxy = await TcpProxy.start(target.hostname, Number(target.port || 5432));
  await proxy.close();
  return proxy.port;
}

describe('connectionFailureOf', () => {
  it('not_sent: connection refused, also wrapped by drizzle', async () => {
    const port = await closedPort();
    const client = new pg.Client({ connectionString: urlVia(port) });
    client.on('error', () => {});
    expect(connectionFailureOf(await errorOf(() => client.connect()))).toBe('not_sent');
    const viaDrizzle = await createDatabase({ databaseUrl: urlVia(port), poolMax: 1 });
    try {
      const err = await errorOf(() => viaDrizzle.db.execute(sql`SELECT 1`));
      expect(connectionFailureOf(err)).toBe('not_sent');
    } finally {
      await viaDrizzle.close();
    }
  });

  it('not_sent: no connection free in the pool in time', async () => {
    const pool = new pg.Pool({ connectionString: database.url, max: 1, connectionTimeoutMillis: 100 });
    pool.on('error', () => {});
    const held = await pool.connect();
    try {
      expect(connectionFailureOf(await errorOf(() => pool.query('SELECT 1')))).toBe('not_sent');
    } finally {
      held.release();
      await pool.end();
    }
  });

  it('unknown: the connection is lost while a statement runs', async () => {
    const proxy = await TcpProxy.start(target.hostname, Number(target.port || 5432));
    const pool = new pg.Pool({ connectionString: urlVia(proxy.port), max: 1 });
    pool.on('error', () => {});
    try {
      const running = errorOf(() => pool.query('SELECT pg_sleep(5)'));
      await statementRunning('SELECT pg_sleep(5)');
      proxy.cutConnections();
      expect(connectionFailureOf(await running)).toBe('unknown');
      // While cut, the proxy accepts and closes: that reads as a lost connection too, so it is
      // answered as "unknown" although nothing was sent — the honest side to err on.
      expect(connectionFailureOf(await errorOf(() => pool.query('SELECT 1')))).toBe('unknown');
    } finally {
      await pool.end();
      await proxy.close();
    }
  });

  it('unknown: the server terminates the backend (57P01, admin shutdown)', async () => {
    const client = new pg.Client({ connectionString: database.url });
    client.on('error', () => {});
    await client.connect();
    const pid = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]?.pid;
    const running = errorOf(() => client.query('SELECT pg_sleep(5)'));
    await database.client.db.execute(sql`SELECT pg_terminate_backend(${pid}::int)`);
    const err = await running;
    expect((err as { code?: string }).code).toBe('57P01');
    expect(connectionFailureOf(err)).toBe('unknown');
  });

  it('null for errors that are not about the connection', async () => {
    expect(
      connectionFailureOf(await errorOf(() => database.client.db.execute(sql`SELECT nonsense(`))),
    ).toBeNull();
    expect(connectionFailureOf(await errorOf(() => database.client.db.execute(sql`SELECT 1/0`)))).toBeNull();
    expect(connectionFailureOf(new Error('disk full'))).toBeNull();
  });
});
