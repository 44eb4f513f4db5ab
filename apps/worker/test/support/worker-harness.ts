import type { DatabaseClient, Db, SecretBox } from '@buurtsignaal/db';
import { createMailTransport, type Mailer } from '@buurtsignaal/mail';
import {
  cleanRedisPrefix,
  createTestDatabase,
  createTestPglite,
  SmtpSink,
  type TestDatabase,
  testEnv,
} from '@buurtsignaal/testkit';
import { afterAll, beforeAll } from 'vitest';
import { type RunningWorker, startWorker, type WorkerDeps } from '../../src/worker.ts';
import { mailFrom, publicBaseUrl, QueueInspector, silentLogger } from './helpers.ts';

function later<T>(what: string): { set(value: T | undefined): void; get(): T; peek(): T | undefined } {
  let held: T | undefined;
  return {
    set(value) {
      held = value;
    },
    get() {
      if (held === undefined) throw new Error(`${what} is only there once beforeAll has run`);
      return held;
    },
    peek: () => held,
  };
}

/** The file's own PostgreSQL database; its fields can be read once the file's beforeAll has run. */
export interface TestDatabaseHandle {
  readonly testDb: TestDatabase;
  readonly db: Db;
}

/** Registers beforeAll/afterAll that give this test file a fresh database and drop it afterwards. */
export function useTestDatabase(options: { poolMax?: number } = {}): TestDatabaseHandle {
  const testDb = later<TestDatabase>('the test database');
  beforeAll(async () => {
    testDb.set(await createTestDatabase(options));
  });
  afterAll(async () => {
    await testDb.peek()?.drop();
  });
  return {
    get testDb() {
      return testDb.get();
    },
    get db() {
      return testDb.get().client.db;
    },
  };
}

export interface WorkerHarnessOptions {
  /** 'pglite': the embedded database (one process, one connection) instead of PostgreSQL. */
  database?: 'postgres' | 'pglite';
  /** false: the test starts the worker itself with start(), after preparing what it needs. */
  start?: boolean;
  /** Another Redis than the shared one (e.g. an own redis-server the test stops); read in beforeAll. */
  redisUrl?: () => string;
  statusLinkBox?: SecretBox;
  retry?: WorkerDeps['retry'];
  reconcile?: WorkerDeps['reconcile'];
  sweepIntervalMs?: number;
  outboxRetryBackoff?: WorkerDeps['outboxRetryBackoff'];
  /** The worker's clock (routing, rosters, dispatch); default the real one. */
  now?: () => Date;
  /** Web Push keys of the dispatch; default none (officers are mailed). */
  push?: WorkerDeps['push'];
  /** Address lookups (read when the worker starts: a stand-in PDOK's URL is known by then). */
  geocoding?: () => WorkerDeps['geocoding'];
  /** Status mails within this window become one (default: none, every change its own mail). */
  mailCoalesceMs?: number;
  /** Dispatch settings (team watch, idle sweep); default the worker's. */
  dispatch?: WorkerDeps['dispatch'];
}

export interface WorkerHarness {
  /** This file's Redis key prefix. */
  readonly prefix: string;
  /** The PostgreSQL test database (not with `database: 'pglite'`). */
  readonly testDb: TestDatabase;
  readonly database: DatabaseClient;
  readonly db: Db;
  readonly sink: SmtpSink;
  readonly mailer: Mailer;
  readonly inspector: QueueInspector;
  /** The running worker (after start()). */
  readonly worker: RunningWorker;
  start(): Promise<RunningWorker>;
}

/**
 * Registers beforeAll/afterAll for a worker as it runs in production: on a database of this test file,
 * the shared Redis under the file's own `prefix` (cleaned afterwards), and a real SMTP server. The
 * worker is started in beforeAll unless `start: false`; everything is closed again in afterAll.
 */
export function useWorkerHarness(prefix: string, options: WorkerHarnessOptions = {}): WorkerHarness {
  const testDb = later<TestDatabase>('the test database (PostgreSQL only)');
  const database = later<DatabaseClient>('the database');
  const sink = later<SmtpSink>('the SMTP sink');
  const mailer = later<Mailer>('the mailer');
  const inspector = later<QueueInspector>('the queue inspector');
  const worker = later<RunningWorker>('the worker');

  async function start(): Promise<RunningWorker> {
    const started = await startWorker({
      database: database.get(),
      redisUrl: options.redisUrl?.() ?? testEnv.redisUrl,
      prefix,
      mailer: mailer.get(),
      mailFrom,
      publicBaseUrl,
      statusLinkBox: options.statusLinkBox,
      logger: silentLogger,
      sweepIntervalMs: options.sweepIntervalMs ?? 200,
      ...(options.retry ? { retry: options.retry } : {}),
      ...(options.reconcile ? { reconcile: options.reconcile } : {}),
      ...(options.outboxRetryBackoff ? { outboxRetryBackoff: options.outboxRetryBackoff } : {}),
      ...(options.now ? { now: options.now } : {}),
      ...(options.push ? { push: options.push } : {}),
      ...(options.geocoding ? { geocoding: options.geocoding() } : {}),
      ...(options.mailCoalesceMs !== undefined ? { mailCoalesceMs: options.mailCoalesceMs } : {}),
      ...(options.dispatch ? { dispatch: options.dispatch } : {}),
    });
    worker.set(started);
    return started;
  }

  beforeAll(async () => {
    if (options.database === 'pglite') {
      database.set(await createTestPglite());
    } else {
      testDb.set(await createTestDatabase());
      database.set(testDb.get().client);
    }
    sink.set(await SmtpSink.start());
    mailer.set(createMailTransport({ smtpUrl: sink.get().url }));
    if (options.start !== false) await start();
  });

  afterAll(async () => {
    await worker.peek()?.close();
    await inspector.peek()?.close();
    mailer.peek()?.close();
    await sink.peek()?.close();
    if (options.database === 'pglite') await database.peek()?.close();
    else await testDb.peek()?.drop();
    await cleanRedisPrefix(prefix);
  });

  return {
    prefix,
    get testDb() {
      return testDb.get();
    },
    get database() {
      return database.get();
    },
    get db() {
      return database.get().db;
    },
    get sink() {
      return sink.get();
    },
    get mailer() {
      return mailer.get();
    },
    get inspector() {
      // Made on first use: a test that stops its Redis and never looks at the queues needs none.
      if (!inspector.peek())
        inspector.set(new QueueInspector(options.redisUrl?.() ?? testEnv.redisUrl, prefix));
      return inspector.get();
    },
    get worker() {
      return worker.get();
    },
    start,
  };
}
