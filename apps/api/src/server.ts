import { createDatabase, seedReferenceData, seedStarterContent } from '@buurtsignaal/db';
import { createRedisConnection } from '@buurtsignaal/jobs';
import { pino } from 'pino';
import { buildApp } from './app.ts';
import { DEFAULT_HOST, loadApiConfig } from './config.ts';
import { startApiMaintenance } from './photos/orphan-sweep.ts';
import { createFilePhotoStore } from './photos/photo-store.ts';
import { registerWebApp } from './runtime/web-app.plugin.ts';
import { webDistDir } from './runtime/web-dist.ts';

// The standalone API process (production: several of these behind a load balancer, workers apart).

const config = loadApiConfig();
const log = pino({ name: 'buurtsignaal-api', level: config.logLevel });

if (!config.databaseUrl) {
  log.fatal('the standalone API needs DATABASE_URL; without it, run the embedded default: pnpm start');
  process.exit(1);
}
if (!config.statusLinkKey && process.env.NODE_ENV === 'production') {
  log.fatal(
    'STATUS_LINK_KEY is required in production (openssl rand -base64 32), the same for api and worker',
  );
  process.exit(1);
}

if (!config.staff.secretKey && !config.statusLinkKey && process.env.NODE_ENV === 'production') {
  log.fatal('STAFF_SECRET_KEY (or STATUS_LINK_KEY) is required in production: it seals the TOTP secrets');
  process.exit(1);
}

const database = await createDatabase({
  databaseUrl: config.databaseUrl,
  // The request under way answers 503 by itself; this only says why. pg's texts name no values.
  onConnectionError: (err, source) => log.warn({ source, err: err.message }, 'database connection error'),
});
await database.migrate();
await seedReferenceData(database.db);
await seedStarterContent(database.db);
const redis = config.redisUrl ? createRedisConnection({ url: config.redisUrl, role: 'producer' }) : undefined;
const photoStore = createFilePhotoStore(config.photosDir);
const app = await buildApp({ config, database, redis, photoStore, logger: true });
const maintenance = startApiMaintenance({
  store: photoStore,
  database,
  onError: (err) =>
    app.log.warn({ err: err instanceof Error ? err.message : String(err) }, 'maintenance failed'),
});
await registerWebApp(app, webDistDir);

let stopping = false;
const shutdown = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  app.log.info({ signal }, 'shutting down');
  // close() stops accepting connections and waits for requests in flight.
  maintenance.stop();
  await app.close();
  redis?.disconnect();
  await database.close();
  process.exit(0);
};
process.once('SIGTERM', () => void shutdown('SIGTERM'));
process.once('SIGINT', () => void shutdown('SIGINT'));

await app.listen({ port: config.port, host: config.host ?? DEFAULT_HOST.server });
