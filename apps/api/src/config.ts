import { join, resolve } from 'node:path';
import { defaultHarmWeights, type HarmWeights, harmWeightsSchema } from '@buurtsignaal/core/advice';
import { z } from 'zod';

// The only module of the API that reads the environment (CONVENTIONS.md): everything else receives an
// ApiConfig, so tests and the embedded runner can build one without touching process.env.

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/** `true`/`false`, a hop count, or a comma-separated list of addresses/CIDRs (Fastify's trustProxy). */
const trustProxySchema = z
  .string()
  .default('false')
  .transform((raw, ctx): boolean | number | string[] => {
    const value = raw.trim().toLowerCase();
    if (value === '' || value === 'false') return false;
    if (value === 'true') return true;
    if (/^\d+$/.test(value)) return Number(value);
    const list = raw
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (list.length === 0) {
      ctx.addIssue({
        code: 'custom',
        message: 'TRUST_PROXY: true, false, a hop count or a list of addresses',
      });
      return z.NEVER;
    }
    return list;
  });

const statusLinkKeySchema = optionalString.refine(
  (v) => v === undefined || Buffer.from(v, 'base64').length === 32,
  'STATUS_LINK_KEY must be 32 bytes, base64 (openssl rand -base64 32)',
);

const staffSecretKeySchema = optionalString.refine(
  (v) => v === undefined || Buffer.from(v, 'base64').length === 32,
  'STAFF_SECRET_KEY must be 32 bytes, base64 (openssl rand -base64 32)',
);

/** Unset: Secure, except when the public address is plain http on this machine (the embedded default). */
const isLocalHttp = (url: string): boolean => {
  const { protocol, hostname } = new URL(url);
  return protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(hostname);
};

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  // Unset: each entry point picks its own default (DEFAULT_HOST), so the embedded default stays local.
  HOST: optionalString,
  DATABASE_URL: optionalString,
  DATA_DIR: z.string().min(1).default('.data'),
  REDIS_URL: optionalString,
  // Unset: this very server (http://localhost:<PORT>), which is right for the embedded default.
  PUBLIC_BASE_URL: optionalString.pipe(z.url().optional()),
  REFERENCE_PREFIX: z
    .string()
    .regex(/^[A-Z]{2,8}$/, 'REFERENCE_PREFIX must be 2-8 capital letters')
    .default('SOE'),
  TRUST_PROXY: trustProxySchema,
  INTAKE_RATE_LIMIT_MAX: positiveInt(10),
  INTAKE_RATE_LIMIT_WINDOW_MS: positiveInt(60_000),
  MAX_PHOTO_PIXELS: positiveInt(50_000_000),
  REQUEST_TIMEOUT_MS: positiveInt(30_000),
  STATUS_LINK_KEY: statusLinkKeySchema,
  PDOK_LOCATIESERVER_URL: z
    .url()
    .default('https://api.pdok.nl/bzk/locatieserver/search/v3_1')
    .transform((u) => u.replace(/\/+$/, '')),
  MAP_TILE_URL: z
    .string()
    .min(1)
    .default('https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png'),
  MAP_ATTRIBUTION: z.string().default('Kaartgegevens &copy; <a href="https://www.kadaster.nl">Kadaster</a>'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  STAFF_COOKIE_SECURE: optionalString.pipe(z.stringbool().optional()),
  STAFF_SESSION_IDLE_MINUTES: positiveInt(30),
  STAFF_SESSION_MAX_HOURS: positiveInt(12),
  STAFF_LOGIN_RATE_LIMIT_MAX: positiveInt(10),
  STAFF_LOGIN_RATE_LIMIT_WINDOW_MS: positiveInt(60_000),
  STAFF_LOGIN_FREE_FAILURES: positiveInt(3),
  STAFF_LOGIN_ACCOUNT_FREE_FAILURES: positiveInt(10),
  STAFF_LOGIN_MAX_DELAY_SECONDS: positiveInt(900),
  STATUS_LOOKUP_RATE_LIMIT_MAX: positiveInt(60),
  STATUS_LOOKUP_RATE_LIMIT_WINDOW_MS: positiveInt(60_000),
  STAFF_SECRET_KEY: staffSecretKeySchema,
  STAFF_DEMO_ACCOUNTS: optionalString.pipe(z.stringbool().optional()),
  MELDER_ANSWER_DAYS: positiveInt(14),
  MELDER_FEEDBACK_DAYS: positiveInt(14),
  REPORT_MIN_COUNT: positiveInt(5),
  // Roster advice: how many weeks of resident meldingen count (4–8), and the harm weights as JSON
  // ({"categories": {"jeugdoverlast": 1}, "subcategories": {"jeugdoverlast/intimidatie": 2}}); unset:
  // core's defaults (defaultHarmWeights).
  ADVICE_HISTORY_WEEKS: z.coerce.number().int().min(4).max(8).default(8),
  ADVICE_HARM_WEIGHTS: optionalString.transform((raw, ctx): HarmWeights | undefined => {
    if (raw === undefined) return undefined;
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'ADVICE_HARM_WEIGHTS must be JSON' });
      return z.NEVER;
    }
    const weights = harmWeightsSchema.safeParse(parsed);
    if (weights.success) return weights.data;
    ctx.addIssue({
      code: 'custom',
      message: `ADVICE_HARM_WEIGHTS: ${weights.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`,
    });
    return z.NEVER;
  }),
  // Web Push: the browser subscribes with the public key; the worker signs with the private one.
  VAPID_PUBLIC_KEY: optionalString.refine(
    (v) => v === undefined || (/^[A-Za-z0-9_-]+$/.test(v) && Buffer.from(v, 'base64url').length === 65),
    'VAPID_PUBLIC_KEY must be 65 bytes, base64url (npx web-push generate-vapid-keys)',
  ),
});

/**
 * Where the API listens when HOST is not set. The standalone server (containers, behind a load
 * balancer) listens on every interface; the embedded default (`pnpm start` on someone's laptop, with
 * demo accounts and the dev mailbox) only on this machine.
 */
export const DEFAULT_HOST = { server: '0.0.0.0', embedded: '127.0.0.1' } as const;

export interface ApiConfig {
  port: number;
  /** HOST as set; undefined means the entry point's DEFAULT_HOST. */
  host: string | undefined;
  databaseUrl: string | undefined;
  dataDir: string;
  /** Where the file photo store keeps its files: `${dataDir}/photos`. */
  photosDir: string;
  redisUrl: string | undefined;
  /** Without a trailing slash; status links are `${publicBaseUrl}/m/<token>`. */
  publicBaseUrl: string;
  referencePrefix: string;
  trustProxy: boolean | number | string[];
  intakeRateLimit: { max: number; windowMs: number };
  /** GET /api/v1/status/:token per client address: guessing tokens is slowed down. */
  statusLookupRateLimit: { max: number; windowMs: number };
  maxPhotoPixels: number;
  requestTimeoutMs: number;
  /** base64 of 32 bytes; seals the status token so that the worker can put the link in e-mails. */
  statusLinkKey: string | undefined;
  logLevel: z.output<typeof envSchema>['LOG_LEVEL'];
  /** Reached by the resident's browser, not by the server (GET /api/v1/config tells the web app). */
  pdokLocatieserverUrl: string;
  mapTileUrl: string;
  mapAttribution: string;
  staff: StaffConfig;
  melder: MelderConfig;
  reports: ReportsConfig;
  advice: AdviceConfig;
  push: PushConfig;
}

/** Web Push to the officers' devices (the worker sends; the API hands out the key and stores devices). */
export interface PushConfig {
  /** base64url; undefined: push is off (the embedded default generates a pair under DATA_DIR). */
  vapidPublicKey: string | undefined;
}

/** The weekly overview (reports/). */
export interface ReportsConfig {
  /** k: in CSV exports, counts (of a category, a wijk) below k are written as "< k". */
  minCount: number;
}

/** The roster advice's knobs (advice/roster-advice-service.ts). */
export interface AdviceConfig {
  historyWeeks: number;
  harmWeights: HarmWeights;
}

/** How long the melder may act through the status link (status/melder-actions-service.ts). */
export interface MelderConfig {
  /** Days after the question (reactie_gevraagd) in which the melder may answer it online. */
  answerDays: number;
  /** Days after the closing (afgehandeld) in which "Is uw melding opgelost?" may be answered. */
  feedbackDays: number;
}

export interface StaffConfig {
  /**
   * Origins (scheme://host[:port]) a staff write may come from: the origin of PUBLIC_BASE_URL, and when
   * that is unset also this server under 127.0.0.1 and [::1] (the embedded default is opened either way).
   */
  allowedOrigins: string[];
  /** The Secure flag of the session cookie. */
  cookieSecure: boolean;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  loginRateLimit: { max: number; windowMs: number };
  /**
   * Progressive delays after failed logins (staff/login-throttle.ts): `freeFailures` per account and
   * source, `accountFreeFailures` per account from all sources but its known devices; after those the
   * wait doubles from 1 s up to `maxDelaySeconds`. Nothing locks an account.
   */
  loginThrottle: { freeFailures: number; accountFreeFailures: number; maxDelaySeconds: number };
  /**
   * base64 of 32 bytes: seals TOTP secrets and derives CSRF tokens. Unset: derived from STATUS_LINK_KEY
   * (see staff/staff-keys.ts).
   */
  secretKey: string | undefined;
  /**
   * apps/embedded only: seed the demo accounts. Default: on with the embedded PGlite, off with DATABASE_URL
   * (a real database gets real accounts via user:create). server.ts never seeds them.
   */
  demoAccounts: boolean;
}

/**
 * A relative DATA_DIR is relative to where the user started the command: pnpm runs package scripts in
 * the package's folder but says where it was invoked in INIT_CWD.
 */
export function resolveDataDir(dataDir: string, env: Record<string, string | undefined>): string {
  return resolve(env.INIT_CWD ?? process.cwd(), dataDir);
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadApiConfig(env: Record<string, string | undefined> = process.env): ApiConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message}`);
    throw new ConfigError(`invalid API configuration:\n  ${problems.join('\n  ')}`);
  }
  const e = parsed.data;
  const publicBaseUrl = (e.PUBLIC_BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '');
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: resolveDataDir(e.DATA_DIR, env),
    photosDir: join(resolveDataDir(e.DATA_DIR, env), 'photos'),
    redisUrl: e.REDIS_URL,
    publicBaseUrl,
    referencePrefix: e.REFERENCE_PREFIX,
    trustProxy: e.TRUST_PROXY,
    intakeRateLimit: { max: e.INTAKE_RATE_LIMIT_MAX, windowMs: e.INTAKE_RATE_LIMIT_WINDOW_MS },
    statusLookupRateLimit: {
      max: e.STATUS_LOOKUP_RATE_LIMIT_MAX,
      windowMs: e.STATUS_LOOKUP_RATE_LIMIT_WINDOW_MS,
    },
    maxPhotoPixels: e.MAX_PHOTO_PIXELS,
    requestTimeoutMs: e.REQUEST_TIMEOUT_MS,
    statusLinkKey: e.STATUS_LINK_KEY,
    logLevel: e.LOG_LEVEL,
    pdokLocatieserverUrl: e.PDOK_LOCATIESERVER_URL,
    mapTileUrl: e.MAP_TILE_URL,
    mapAttribution: e.MAP_ATTRIBUTION,
    staff: {
      allowedOrigins: e.PUBLIC_BASE_URL
        ? [new URL(publicBaseUrl).origin]
        : ['localhost', '127.0.0.1', '[::1]'].map((h) => `http://${h}:${e.PORT}`),
      cookieSecure: e.STAFF_COOKIE_SECURE ?? !isLocalHttp(publicBaseUrl),
      sessionIdleMinutes: e.STAFF_SESSION_IDLE_MINUTES,
      sessionMaxHours: e.STAFF_SESSION_MAX_HOURS,
      loginRateLimit: { max: e.STAFF_LOGIN_RATE_LIMIT_MAX, windowMs: e.STAFF_LOGIN_RATE_LIMIT_WINDOW_MS },
      loginThrottle: {
        freeFailures: e.STAFF_LOGIN_FREE_FAILURES,
        accountFreeFailures: e.STAFF_LOGIN_ACCOUNT_FREE_FAILURES,
        maxDelaySeconds: e.STAFF_LOGIN_MAX_DELAY_SECONDS,
      },
      secretKey: e.STAFF_SECRET_KEY,
      demoAccounts: e.STAFF_DEMO_ACCOUNTS ?? e.DATABASE_URL === undefined,
    },
    melder: { answerDays: e.MELDER_ANSWER_DAYS, feedbackDays: e.MELDER_FEEDBACK_DAYS },
    reports: { minCount: e.REPORT_MIN_COUNT },
    advice: {
      historyWeeks: e.ADVICE_HISTORY_WEEKS,
      harmWeights: e.ADVICE_HARM_WEIGHTS ?? defaultHarmWeights,
    },
    push: { vapidPublicKey: e.VAPID_PUBLIC_KEY },
  };
}

/** The initial password for `user:create`, when given through the environment instead of the TTY. */
export function newPasswordFromEnv(
  env: Record<string, string | undefined> = process.env,
): string | undefined {
  return env.BS_NEW_PASSWORD || undefined;
}
