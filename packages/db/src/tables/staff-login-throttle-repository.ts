import { and, eq, gte, lt, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { staffLoginThrottle } from '../schema.ts';
import { ts } from '../sql-rows.ts';

// Failed staff logins per (account, source), for progressive delays. The policy (how many attempts are
// free, how the wait grows) comes from the caller; apps/api/src/staff/login-throttle.ts explains it.

export interface DelayPolicy {
  /** Attempts without a wait. */
  free: number;
  /** The first wait; each further failure doubles it. */
  baseMs: number;
  maxMs: number;
}

/** The wait after `failures` counted attempts, in ms (SQL, so that the check and the count are one statement). */
const delayMsSql = (failures: SQL | unknown, p: DelayPolicy): SQL =>
  sql`(case when ${failures} < ${p.free} then 0
    else least(${p.baseMs}::float8 * power(2, least(${failures} - ${p.free}, 30)), ${p.maxMs}) end)`;

/** Same as delayMsSql, in TypeScript. */
export const delayMsAfter = (failures: number, p: DelayPolicy): number =>
  failures < p.free ? 0 : Math.min(p.baseMs * 2 ** Math.min(failures - p.free, 30), p.maxMs);

export type ReserveResult = { ok: true; failures: number } | { ok: false; retryAt: Date };

/**
 * Counts an attempt for (account, source) unless that pair still has to wait; a successful login then
 * deletes the row again (clearLoginAttempts). Counting before the password is checked, in one statement,
 * means that parallel attempts cannot slip through together. Rows older than `forgetBefore` start again.
 */
export async function reserveLoginAttempt(
  db: DbOrTx,
  input: { accountKey: string; sourceKey: string; now: Date; forgetBefore: Date; policy: DelayPolicy },
): Promise<ReserveResult> {
  const { accountKey, sourceKey, now, forgetBefore, policy } = input;
  const t = staffLoginThrottle;
  const rows = await db
    .insert(t)
    .values({ accountKey, sourceKey, failures: 1, lastFailureAt: now })
    .onConflictDoUpdate({
      target: [t.accountKey, t.sourceKey],
      set: {
        failures: sql`case when ${t.lastFailureAt} < ${ts(forgetBefore)} then 1 else ${t.failures} + 1 end`,
        lastFailureAt: now,
      },
      setWhere: sql`${t.lastFailureAt} < ${ts(forgetBefore)} or ${t.lastFailureAt}
        + ${delayMsSql(t.failures, policy)} * interval '1 millisecond' <= ${ts(now)}`,
    })
    .returning({ failures: t.failures });
  const row = rows[0];
  if (row) return { ok: true, failures: row.failures };
  const [state] = await db
    .select()
    .from(t)
    .where(and(eq(t.accountKey, accountKey), eq(t.sourceKey, sourceKey)));
  if (!state) return { ok: true, failures: 0 };
  return {
    ok: false,
    retryAt: new Date(state.lastFailureAt.getTime() + delayMsAfter(state.failures, policy)),
  };
}

/**
 * The failures on an account from all sources except known devices (`device:…`), within the window:
 * for the account-wide delay against guessing from many addresses.
 */
export async function accountLoginFailures(
  db: DbOrTx,
  accountKey: string,
  forgetBefore: Date,
): Promise<{ failures: number; lastFailureAt: Date | null }> {
  const t = staffLoginThrottle;
  const [row] = await db
    .select({
      failures: sql<number>`coalesce(sum(${t.failures}), 0)::int`,
      last: sql<string | Date | null>`max(${t.lastFailureAt})`,
    })
    .from(t)
    .where(
      and(
        eq(t.accountKey, accountKey),
        gte(t.lastFailureAt, forgetBefore),
        sql`${t.sourceKey} not like 'device:%'`,
      ),
    );
  const last = row?.last ?? null;
  return {
    failures: Number(row?.failures ?? 0),
    lastFailureAt: last === null ? null : last instanceof Date ? last : new Date(last),
  };
}

/** After a successful login: that source starts again. */
export async function clearLoginAttempts(db: DbOrTx, accountKey: string, sourceKey: string): Promise<void> {
  const t = staffLoginThrottle;
  await db.delete(t).where(and(eq(t.accountKey, accountKey), eq(t.sourceKey, sourceKey)));
}

/** Deletes rows nobody has to wait for any more. */
export async function pruneLoginAttempts(db: DbOrTx, before: Date): Promise<void> {
  await db.delete(staffLoginThrottle).where(lt(staffLoginThrottle.lastFailureAt, before));
}
