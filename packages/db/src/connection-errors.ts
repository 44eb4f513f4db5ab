// Which database errors mean "the database cannot be reached right now" (a 503 and a retry, not a
// bug), and — for a write — whether the statement can have been carried out.

/**
 * - `not_sent`: the failure happened while connecting (refused, no route, pool or connect timeout,
 *   the server refusing new connections): no statement reached the server.
 * - `unknown`: an established connection was lost (reset, terminated, server shut down): a statement
 *   that was under way may or may not have been committed.
 */
export type ConnectionFailure = 'not_sent' | 'unknown';

// Node's socket errors while connecting: nothing was sent.
const connectErrnos = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
// Socket errors on an established connection.
const lostErrnos = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ECONNABORTED']);
// SQLSTATEs: 57P03 cannot_connect_now and 53300 too_many_connections come at connection start;
// class 08 (connection exception) and 57P01/57P02 (admin or crash shutdown) end a live connection.
const connectSqlStates = new Set(['57P03', '53300', '08001', '08004']);
const lostSqlStates = new Set(['57P01', '57P02', '08000', '08003', '08006', '08007']);

// node-postgres and pg-pool give these as plain Errors without a code.
const connectMessages = [
  /^timeout exceeded when trying to connect$/,
  /^Connection terminated due to connection timeout$/,
  /^Cannot use a pool after calling end on the pool$/,
];
const lostMessages = [
  /^Connection terminated unexpectedly$/,
  /^Connection terminated$/,
  /^Client has encountered a connection error and is not queryable$/,
  /^Client was closed and is not queryable$/,
];

function classifyOne(err: unknown): ConnectionFailure | null {
  if (typeof err !== 'object' || err === null) return null;
  const { code, message } = err as { code?: unknown; message?: unknown };
  if (typeof code === 'string') {
    if (connectErrnos.has(code) || connectSqlStates.has(code)) return 'not_sent';
    if (lostErrnos.has(code) || lostSqlStates.has(code)) return 'unknown';
  }
  if (typeof message === 'string') {
    if (connectMessages.some((m) => m.test(message))) return 'not_sent';
    if (lostMessages.some((m) => m.test(message))) return 'unknown';
  }
  // Several addresses tried (localhost → ::1 and 127.0.0.1): Node reports an AggregateError.
  if (err instanceof AggregateError) {
    const all = err.errors.map(classifyOne);
    if (all.length > 0 && all.every((c) => c === 'not_sent')) return 'not_sent';
    if (all.some((c) => c !== null)) return 'unknown';
  }
  return null;
}

/**
 * The connection failure behind `err` (drizzle wraps driver errors in DrizzleQueryError; the cause
 * chain is followed), or null when `err` is not one: a constraint, a syntax error, a bug.
 */
export function connectionFailureOf(err: unknown): ConnectionFailure | null {
  let current: unknown = err;
  for (let depth = 0; depth < 5 && current !== undefined && current !== null; depth++) {
    const found = classifyOne(current);
    if (found) return found;
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}

export const isDatabaseUnavailable = (err: unknown): boolean => connectionFailureOf(err) !== null;
