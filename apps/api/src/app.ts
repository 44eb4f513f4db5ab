import type { DatabaseClient, SecretBox } from '@buurtsignaal/db';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { ApiConfig } from './config.ts';
import { MAX_PHOTOS } from './intake/photos.ts';
import { buildLoggerOptions } from './logging.ts';
import type { PhotoStore } from './photos/photo-store.ts';
import cachePolicy from './plugins/cache-policy.ts';
import cookie from './plugins/cookie.ts';
import errorHandler from './plugins/error-handler.ts';
import multipart, { multipartLimits } from './plugins/multipart.ts';
import rateLimit from './plugins/rate-limit.ts';
import securityHeaders from './plugins/security-headers.ts';
import swagger from './plugins/swagger.ts';
import calendarFeedRoutes from './routes/calendar/calendar-feed.routes.ts';
import categoriesRoutes from './routes/categories/categories.routes.ts';
import configRoutes from './routes/config/config.routes.ts';
import healthRoutes from './routes/health/health.routes.ts';
import intakeRoutes from './routes/meldingen/intake.routes.ts';
import staffRoutes from './routes/staff/staff.routes.ts';
import statusRoutes from './routes/status/status.routes.ts';
import { createServices } from './services.ts';
import type { SseConnectionOptions } from './staff-events/sse-connection.ts';

export interface AppDeps {
  config: ApiConfig;
  database: DatabaseClient;
  /** A 'producer' connection (createRedisConnection); only /health/ready uses it. */
  redis?: Redis | undefined;
  photoStore: PhotoStore;
  /** The clock; tests pass a fixed one. */
  now?: (() => Date) | undefined;
  /** false (tests), true, or pino options merged over the defaults below. */
  logger?: boolean | Record<string, unknown> | undefined;
  /** Seals status tokens for the worker's e-mails; defaults to one from config.statusLinkKey. */
  secretBox?: SecretBox | undefined;
  /** Called after each melding commits (its outbox row is then visible), e.g. to wake a relay. */
  onMeldingStored?: ((event: { meldingId: string; statusEventId: number }) => void) | undefined;
  /** Seals TOTP secrets and derives CSRF tokens; defaults from config (see resolveStaffKey). */
  staffKey?: Buffer | undefined;
  /** The live console's stream (GET /api/v1/staff/events); tests shorten the heartbeat. */
  staffEvents?: Partial<SseConnectionOptions & { pollMs: number }> | undefined;
}

const staffEventDefaults: SseConnectionOptions = {
  heartbeatMs: 15_000,
  maxBufferedBytes: 1024 * 1024,
  maxConnectionMs: 15 * 60_000,
};

/** JSON bodies only: photos come as multipart, which has its own limits. */
const JSON_BODY_LIMIT = 256 * 1024;

// A hop count means "trust the n nearest proxies"; Fastify's types take that as a function.
const trustProxyOption = (value: ApiConfig['trustProxy']) =>
  typeof value === 'number' ? (_address: string, hop: number) => hop < value : value;

/**
 * The API as a Fastify instance that is ready to `inject()` or `listen()` — it never listens itself
 * (server.ts and apps/embedded do). Infrastructure comes in through `deps`.
 */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, database, photoStore } = deps;
  // Zod's own messages (for checks without a Dutch text in core) in Dutch as well.
  z.config(z.locales.nl());

  const app = Fastify({
    logger: buildLoggerOptions(config.logLevel, deps.logger),
    trustProxy: trustProxyOption(config.trustProxy),
    requestTimeout: config.requestTimeoutMs,
    bodyLimit: JSON_BODY_LIMIT,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // The API speaks JSON and multipart only; any other body is a 415, not a string that fails validation.
  app.removeContentTypeParser('text/plain');

  // First, so that its onRequest hook runs before any other can refuse the request: errors get them too.
  await app.register(securityHeaders, {
    publicBaseUrl: config.publicBaseUrl,
    mapTileUrl: config.mapTileUrl,
    pdokLocatieserverUrl: config.pdokLocatieserverUrl,
  });
  await app.register(cachePolicy);
  await app.register(errorHandler, { limits: { fileSize: multipartLimits.fileSize, files: MAX_PHOTOS } });
  await app.register(swagger);
  await app.register(rateLimit);
  await app.register(cookie);
  await app.register(multipart);

  const now = deps.now ?? (() => new Date());
  const services = createServices({
    config,
    database,
    photoStore,
    now,
    log: app.log,
    secretBox: deps.secretBox,
    staffKey: deps.staffKey,
    onMeldingStored: deps.onMeldingStored,
    staffEventsPollMs: deps.staffEvents?.pollMs,
  });
  app.addHook('onClose', () => services.outboxNotifier.idle());
  app.addHook('onClose', async () => {
    await services.staffEventsNotifier.idle();
    await services.staffEventHub.close();
  });

  await app.register(healthRoutes, { database, redis: deps.redis });
  await app.register(categoriesRoutes);
  await app.register(configRoutes, { config });
  await app.register(intakeRoutes, { service: services.intake, rateLimit: config.intakeRateLimit });
  await app.register(statusRoutes, {
    service: services.status,
    actions: services.melderActions,
    rateLimit: config.intakeRateLimit,
    lookupRateLimit: config.statusLookupRateLimit,
  });
  await app.register(calendarFeedRoutes, { calendar: services.calendar });
  const { pollMs: _pollMs, ...connection } = deps.staffEvents ?? {};
  await app.register(staffRoutes, {
    prefix: '/api/v1/staff',
    config,
    now,
    photoStore,
    services,
    staffEvents: { ...staffEventDefaults, ...connection },
  });

  // The zod type provider only changes route typing; callers get a plain instance.
  return app as unknown as FastifyInstance;
}
