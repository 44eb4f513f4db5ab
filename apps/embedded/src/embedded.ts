import { join, resolve } from 'node:path';
import {
  buildApp,
  createFilePhotoStore,
  DEFAULT_HOST,
  demoAccountLines,
  deriveStaffKey,
  loadApiConfig,
  loadOrCreateStatusLinkKey,
  loadOrCreateVapidKeys,
  type PrivateRedis,
  RedisUnavailableError,
  registerDevMailbox,
  registerWebApp,
  seedDemoAccounts,
  startApiMaintenance,
  startPrivateRedis,
  webDistDir,
} from '@buurtsignaal/api';
import {
  acquireDataDirLock,
  createDatabase,
  type DatabaseClient,
  DataDirLockedError,
  SecretBox,
  seedDemoMeldingen,
  seedReferenceData,
  seedStarterContent,
} from '@buurtsignaal/db';
import { createRedisConnection } from '@buurtsignaal/jobs';
import { createMailTransport } from '@buurtsignaal/mail';
import { checkRedis, loadWorkerConfig, type RunningWorker, startWorker } from '@buurtsignaal/worker';
import { pino } from 'pino';

// The embedded default (`pnpm start`): api + worker + web app in ONE process, because PGlite belongs to
// exactly one process. This app is the only place that puts the api and the worker together: neither
// imports the other. Everything that is not configured is provided locally under DATA_DIR.

const apiConfig = loadApiConfig();
const workerConfig = loadWorkerConfig();
const log = pino({ name: 'buurtsignaal', level: apiConfig.logLevel });
const dataDir = resolve(apiConfig.dataDir);
const cleanups: (() => Promise<void> | void)[] = [];
// The worker's own close is bounded at about 20 s (running jobs finish); every other step is quick.
const CLEANUP_STEP_MS = 20_000;

/**
 * DEMO_SEED=1 (off by default): at the first start, a few thousand demo meldingen (DEMO_SEED_COUNT,
 * default 3000) so that a newcomer sees hotspots and the weekly overview at once; marked as demo data.
 */
function demoSeedCount(env: NodeJS.ProcessEnv): number | undefined {
  if (!/^(1|true|ja|yes)$/i.test(env.DEMO_SEED?.trim() ?? '')) return undefined;
  const count = Number(env.DEMO_SEED_COUNT?.trim() || 3000);
  if (!Number.isSafeInteger(count) || count < 1 || count > 1_000_000)
    throw new Error(`DEMO_SEED_COUNT must be a whole number from 1 to 1000000, got ${env.DEMO_SEED_COUNT}`);
  return count;
}

/**
 * Runs the clean-ups in reverse order, each bounded: one that hangs (a connection to a Redis that a
 * group-wide SIGTERM already stopped) must not keep the rest — the data-dir lock above all — from
 * running.
 */
async function cleanup(): Promise<void> {
  for (const fn of cleanups.reverse()) {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), CLEANUP_STEP_MS);
    });
    const outcome = await Promise.race([Promise.resolve(fn()).catch(() => {}), late]);
    clearTimeout(timer);
    if (outcome === 'late')
      log.warn({ afterMs: CLEANUP_STEP_MS }, 'a shutdown step did not finish; going on');
  }
  cleanups.length = 0;
}

/** VAPID's subject (a contact for the push service): the sender address of the mails. */
function vapidSubjectFrom(mailFrom: string): string {
  const address = /<([^>]+)>/.exec(mailFrom)?.[1] ?? mailFrom.trim();
  return `mailto:${address.includes('@') ? address : 'noreply@buurtsignaal.local'}`;
}

async function start(): Promise<void> {
  if (!apiConfig.databaseUrl) {
    cleanups.push(acquireDataDirLock(dataDir));
  }

  let redisUrl = apiConfig.redisUrl;
  let privateRedis: PrivateRedis | undefined;
  if (!redisUrl) {
    privateRedis = await startPrivateRedis(dataDir);
    cleanups.push(() => privateRedis?.stop());
    redisUrl = privateRedis.url;
  }
  await checkRedis(redisUrl);

  const database: DatabaseClient = await createDatabase({
    databaseUrl: apiConfig.databaseUrl,
    pgliteDataDir: join(dataDir, 'pglite'),
  });
  cleanups.push(() => database.close());
  await database.migrate();
  await seedReferenceData(database.db);
  await seedStarterContent(database.db);
  const demoCount = demoSeedCount(process.env);
  const demoSeeded = demoCount === undefined ? 0 : await seedDemoMeldingen(database, demoCount);
  if (demoSeeded > 0) log.info({ count: demoSeeded }, 'demo meldingen seeded (DEMO_SEED)');

  const statusLinkKey = apiConfig.statusLinkKey ?? loadOrCreateStatusLinkKey(dataDir);
  const secretBox = SecretBox.fromBase64(statusLinkKey);
  const staffKey = apiConfig.staff.secretKey
    ? Buffer.from(apiConfig.staff.secretKey, 'base64')
    : deriveStaffKey(statusLinkKey);
  const push = workerConfig.vapid ?? {
    ...loadOrCreateVapidKeys(dataDir),
    subject: vapidSubjectFrom(workerConfig.mailFrom),
  };
  const demoAccounts = apiConfig.staff.demoAccounts ? await seedDemoAccounts(database.db, staffKey) : [];
  const mailboxDir = join(dataDir, 'mailbox');
  const mailer = createMailTransport({ smtpUrl: workerConfig.smtpUrl, devMailboxDir: mailboxDir });
  cleanups.push(() => mailer.close());

  const worker: RunningWorker = await startWorker({
    database,
    redisUrl,
    prefix: workerConfig.redisKeyPrefix,
    mailer,
    mailFrom: workerConfig.mailFrom,
    publicBaseUrl: apiConfig.publicBaseUrl,
    statusLinkBox: secretBox,
    logger: log.child({ component: 'worker' }),
    sweepIntervalMs: workerConfig.outboxSweepIntervalMs,
    concurrency: workerConfig.concurrency,
    mailSendLeaseMs: workerConfig.mailSendLeaseMs,
    jobLocks: workerConfig.jobLocks,
    reconcile: workerConfig.reconcile,
    staffEventsRetentionMs: workerConfig.staffEventsRetentionMs,
    pickupMinutes: workerConfig.pickupMinutes,
    push,
    grouping: workerConfig.grouping,
    geocoding: workerConfig.geocoding,
    mailCoalesceMs: workerConfig.mailCoalesceMs,
  });
  cleanups.push(() => worker.close());

  const redis = createRedisConnection({ url: redisUrl, role: 'producer' });
  cleanups.push(() => redis.disconnect());
  const photoStore = createFilePhotoStore(resolve(apiConfig.photosDir));
  const app = await buildApp({
    // The browser subscribes with the public key of the pair the worker signs with.
    config: { ...apiConfig, push: { vapidPublicKey: push.publicKey } },
    database,
    redis,
    photoStore,
    secretBox,
    staffKey,
    logger: true,
  });
  const maintenance = startApiMaintenance({
    store: photoStore,
    database,
    onError: (err) =>
      log.warn({ err: err instanceof Error ? err.message : String(err) }, 'maintenance failed'),
  });
  cleanups.push(() => maintenance.stop());
  if (!workerConfig.smtpUrl) await registerDevMailbox(app, mailboxDir);
  const hasWeb = await registerWebApp(app, webDistDir);
  cleanups.push(() => app.close());
  // Only this machine unless HOST says otherwise: demo accounts and the dev mailbox live here.
  await app.listen({ port: apiConfig.port, host: apiConfig.host ?? DEFAULT_HOST.embedded });

  const base = `http://localhost:${apiConfig.port}`;
  process.stdout.write(
    [
      '',
      `Buurtsignaal draait op ${base}`,
      hasWeb
        ? `  meldformulier   ${base}/`
        : '  (web app niet gebouwd: pnpm --filter @buurtsignaal/web build)',
      `  API-documentatie ${base}/api/docs`,
      workerConfig.smtpUrl
        ? `  e-mail via      ${new URL(workerConfig.smtpUrl).host}`
        : `  ontwikkel-mailbox ${base}/dev/mailbox`,
      `  database        ${apiConfig.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${join(dataDir, 'pglite')}`}`,
      `  redis           ${privateRedis ? `eigen redis-server (${redisUrl})` : 'REDIS_URL'}`,
      ...(demoSeeded > 0 ? [`  demodata        ${demoSeeded} demomeldingen gezaaid (DEMO_SEED)`] : []),
      ...(demoAccounts.length > 0 ? demoAccountLines(demoAccounts) : []),
      '',
    ].join('\n'),
  );
}

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, 'shutting down');
  await cleanup();
  process.exit(0);
}
process.once('SIGTERM', () => void shutdown('SIGTERM'));
process.once('SIGINT', () => void shutdown('SIGINT'));

try {
  await start();
} catch (err) {
  if (err instanceof DataDirLockedError || err instanceof RedisUnavailableError) {
    // Plain text on stderr: a person at a terminal reads this and knows what to do.
    process.stderr.write(`\n${err.message}\n\n`);
  } else {
    log.fatal({ err: err instanceof Error ? err.message : String(err) }, 'Buurtsignaal could not start');
  }
  await cleanup();
  process.exit(1);
}
