import { wallClockInstant } from '@buurtsignaal/core';
import { createDatabase, type DatabaseClient, seedReferenceData } from '@buurtsignaal/db';
import { generateShiftInstancesAhead } from '@buurtsignaal/db/tables/shift-instances-generation';
import { createMailTransport, type Mailer } from '@buurtsignaal/mail';
import { cleanRedisPrefix, SmtpSink, testEnv, testRedisPrefix } from '@buurtsignaal/testkit';
import { type RunningWorker, startWorker } from '@buurtsignaal/worker';
import { pino } from 'pino';
import { afterAll, beforeAll } from 'vitest';
import { buildTestApp, type TestApp, type TestAppOptions } from './helpers.ts';
import { createUser, login, type StaffSession, type TestUser } from './staff-helpers.ts';
import { useTestDatabase } from './test-app.ts';

/** A Tuesday evening in June: Soest's seeded boa shift runs (the worker's clock). */
export const EVENING = wallClockInstant('2026-06-02', '20:00');

/** One API instance, listening on a real port. */
export interface Instance {
  t: TestApp;
  /** A database client of its own (its own pool and LISTEN connection). */
  database: DatabaseClient;
  baseUrl: string;
}

export interface StaffEventsWorld {
  /** Where melders post and officers act. */
  a: Instance;
  /** Where the consoles connect. */
  b: Instance;
  boa: TestUser & { session: StaffSession };
  politie: TestUser & { session: StaffSession };
  /** Starts the worker (routing, dispatch) with the evening clock; closed with the world. */
  startWorker(): Promise<RunningWorker>;
}

async function instance(url: string, options: TestAppOptions): Promise<Instance> {
  const database = await createDatabase({ databaseUrl: url, poolMax: 4 });
  const t = await buildTestApp(database, options);
  const address = await t.app.listen({ port: 0, host: '127.0.0.1' });

  return { t, database, baseUrl: address };
}

/**
 * Two API instances on one test database (each with its own pool and its own LISTEN connection, as two
 * processes would have), a boa (on the seeded evening shift) and a police officer, both logged in.
 * The hubs' safety poll is off (one minute): what reaches a console came through NOTIFY or a reconnect.
 */
export function useStaffEventsWorld(options: TestAppOptions = {}): StaffEventsWorld {
  const data = useTestDatabase();
  const prefix = testRedisPrefix('api-staff-events');
  let world: Omit<StaffEventsWorld, 'startWorker'> | undefined;
  let worker: RunningWorker | undefined;
  let sink: SmtpSink | undefined;
  let mailer: Mailer | undefined;
  let workerDb: DatabaseClient | undefined;
  const opened: Instance[] = [];
  beforeAll(async () => {
    const appOptions: TestAppOptions = {
      ...options,
      staffEvents: { heartbeatMs: 60_000, pollMs: 60_000, ...options.staffEvents },
    };
    const a = await instance(data.url, appOptions);
    opened.push(a);
    const b = await instance(data.url, appOptions);
    opened.push(b);
    const boa = await createUser(data.db, 'boa@soest.test', 'boa', ['boa-team']);
    const politie = await createUser(data.db, 'politie@soest.test', 'politie', ['politie-basisteam']);
    await seedReferenceData(data.db);
    await generateShiftInstancesAhead(data.db, { now: wallClockInstant('2026-06-01', '00:00') });
    world = {
      a,
      b,
      boa: { ...boa, session: await login(a.t.app, boa.email) },
      politie: { ...politie, session: await login(a.t.app, politie.email) },
    };
  }, 60_000);
  afterAll(async () => {
    await worker?.close();
    await workerDb?.close();
    mailer?.close();
    await sink?.close();
    for (const i of opened) {
      await i.t.close();
      await i.database.close();
    }
    await cleanRedisPrefix(prefix);
  });
  const get = () => {
    if (!world) throw new Error('the staff events world is only there once beforeAll has run');
    return world;
  };
  return {
    get a() {
      return get().a;
    },
    get b() {
      return get().b;
    },
    get boa() {
      return get().boa;
    },
    get politie() {
      return get().politie;
    },
    async startWorker() {
      sink = await SmtpSink.start();
      mailer = createMailTransport({ smtpUrl: sink.url });
      workerDb = await createDatabase({ databaseUrl: data.url });
      worker = await startWorker({
        database: workerDb,
        redisUrl: testEnv.redisUrl,
        prefix,
        mailer,
        mailFrom: 'Gemeente Soest <noreply@soest.test>',
        publicBaseUrl: 'https://buurtsignaal.test',
        logger: pino({ level: 'silent' }),
        now: () => EVENING,
        sweepIntervalMs: 60_000,
      });
      return worker;
    },
  };
}
