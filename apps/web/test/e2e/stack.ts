import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp, createFilePhotoStore, loadApiConfig, registerWebApp, webDistDir } from '@buurtsignaal/api';
import { SecretBox } from '@buurtsignaal/db';
import { createMailTransport } from '@buurtsignaal/mail';
import {
  cleanRedisPrefix,
  createTestDatabase,
  freePort,
  SmtpSink,
  type TestDatabase,
  testEnv,
  testRedisPrefix,
} from '@buurtsignaal/testkit';
import { type RunningWorker, startWorker } from '@buurtsignaal/worker';
import { pino } from 'pino';
import { type FakeExternals, startFakeExternals } from './fake-externals.ts';

/**
 * The whole platform as a resident's browser meets it: the API serving the built web app on a real
 * port, the worker, PostgreSQL and Redis, a real SMTP server, and the fake PDOK and tile servers.
 */
export interface E2eStack {
  baseUrl: string;
  database: TestDatabase;
  sink: SmtpSink;
  externals: FakeExternals;
  app: Awaited<ReturnType<typeof buildApp>>;
  photosDir: string;
  close(): Promise<void>;
}

export interface E2eStackOptions {
  /** A hook on the app before it listens. */
  beforeListen?: (app: E2eStack['app']) => void;
  /** The clock of the API and the worker (routing, rosters, the melder's "morgen vanaf 07:00"). */
  now?: () => Date;
  /**
   * The worker's clock only (routing, rosters, dispatch), over `now`: the API keeps the real one, so the
   * browser keeps its session cookie (its expiry comes from the API's clock).
   */
  workerNow?: () => Date;
  /** More of the API's environment (e.g. VAPID_PUBLIC_KEY). */
  apiEnv?: Record<string, string>;
}

export async function startE2eStack(options: E2eStackOptions = {}): Promise<E2eStack> {
  const database = await createTestDatabase();
  const sink = await SmtpSink.start();
  const externals = await startFakeExternals();
  const dataDir = mkdtempSync(join(tmpdir(), 'bs-e2e-'));
  const prefix = testRedisPrefix('e2e-web');
  const key = SecretBox.generateKey();
  // Status links in the API's answers and in the mails point at this server, so its port comes first.
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const config = loadApiConfig({
    DATA_DIR: dataDir,
    STATUS_LINK_KEY: key,
    LOG_LEVEL: 'silent',
    INTAKE_RATE_LIMIT_MAX: '1000',
    STATUS_LOOKUP_RATE_LIMIT_MAX: '1000',
    PDOK_LOCATIESERVER_URL: externals.pdokUrl,
    MAP_TILE_URL: externals.tileUrl,
    PUBLIC_BASE_URL: baseUrl,
    ...options.apiEnv,
  });
  const app = await buildApp({
    config,
    database: database.client,
    photoStore: createFilePhotoStore(config.photosDir),
    secretBox: SecretBox.fromBase64(key),
    logger: false,
    ...(options.now ? { now: options.now } : {}),
  });
  if (!(await registerWebApp(app, webDistDir))) throw new Error(`the web app is not built: ${webDistDir}`);
  options.beforeListen?.(app);
  await app.listen({ port, host: '127.0.0.1' });

  const mailer = createMailTransport({ smtpUrl: sink.url });
  const worker: RunningWorker = await startWorker({
    database: database.client,
    redisUrl: testEnv.redisUrl,
    prefix,
    mailer,
    mailFrom: 'Gemeente Soest <noreply@soest.test>',
    publicBaseUrl: baseUrl,
    statusLinkBox: SecretBox.fromBase64(key),
    logger: pino({ level: 'silent' }),
    sweepIntervalMs: 500,
    ...((options.workerNow ?? options.now) ? { now: options.workerNow ?? options.now } : {}),
    // The address near a GPS point, from the stand-in PDOK (as the API's PDOK_LOCATIESERVER_URL).
    geocoding: { pdokBaseUrl: externals.pdokUrl, timeoutMs: 2_000, retry: { attempts: 5, backoffMs: 200 } },
  });

  return {
    baseUrl,
    database,
    sink,
    externals,
    app,
    photosDir: config.photosDir,
    async close() {
      await worker.close();
      mailer.close();
      await app.close();
      await externals.close();
      await sink.close();
      await cleanRedisPrefix(prefix);
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
