import type { FastifyServerOptions } from 'fastify';
import type { ApiConfig } from './config.ts';

// Personal data of melders (e-mail, phone, description, contact) and their status tokens must never
// reach the logs (AVG; and a melder may have chosen to stay anonymous). Fastify does not log bodies;
// this guards everything else that could carry them.

const redactPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'headers.cookie',
  'headers["x-csrf-token"]',
  'body',
  'req.body',
  '*.email',
  '*.phone',
  '*.description',
  '*.contact',
  // Staff credentials: passwords, TOTP codes and secrets, session and CSRF tokens.
  'password',
  '*.password',
  'totp',
  '*.totp',
  '*.code',
  '*.secret',
  '*.csrfToken',
  '*.token',
];

/** The status token in a URL is the melder's credential: keep it out of access logs. */
export const redactUrl = (url: string): string => url.replace(/\/(status|m)\/[^/?#]+/g, '/$1/[token]');

interface LoggableError {
  name?: string;
  message?: string;
  stack?: string;
  code?: string;
  query?: unknown;
  params?: unknown;
  cause?: unknown;
  constraint?: string;
  table?: string;
}

/**
 * Errors without the values in them: drizzle's DrizzleQueryError puts every query parameter (e-mail,
 * description, …) in its message, and PostgreSQL's `detail` can quote values. Keep the query text,
 * the error codes and the stack frames.
 */
export interface SafeError {
  [key: string]: unknown;
  type: string;
  message: string;
  stack: string;
}

export function safeError(err: unknown, depth = 0): SafeError {
  if (typeof err !== 'object' || err === null) return { type: typeof err, message: String(err), stack: '' };
  const e = err as LoggableError;
  const hasParams = 'params' in e && typeof e.query === 'string';
  const frames = (e.stack ?? '').split('\n').filter((line) => line.trimStart().startsWith('at '));
  const out: SafeError = {
    type: e.name ?? 'Error',
    message: hasParams ? `Failed query: ${e.query as string}` : (e.message ?? ''),
    stack: frames.join('\n'),
  };
  if (e.code !== undefined) out.code = e.code;
  if (e.constraint !== undefined) out.constraint = e.constraint;
  if (e.table !== undefined) out.table = e.table;
  if (e.cause !== undefined && depth < 3) out.cause = safeError(e.cause, depth + 1);
  return out;
}

export function buildLoggerOptions(
  level: ApiConfig['logLevel'],
  logger: boolean | Record<string, unknown> | undefined,
): NonNullable<FastifyServerOptions['logger']> {
  if (logger === false) return false;
  const overrides = typeof logger === 'object' ? logger : {};
  return {
    level,
    redact: { paths: redactPaths, censor: '[redacted]' },
    serializers: {
      // No client address either: it identifies a melder who chose to stay anonymous.
      req: (req: { method: string; url: string }) => ({ method: req.method, url: redactUrl(req.url) }),
      err: (err: unknown) => safeError(err),
    },
    ...overrides,
  };
}
