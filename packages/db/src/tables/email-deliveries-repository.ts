import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../client.ts';
import { emailDeliveries } from '../schema.ts';

/**
 * See the schema: 'sending' is an attempt under way, 'unknown' one whose worker died during it,
 * 'skipped' a notification deliberately not sent.
 */
export type EmailDeliveryStatus = 'sending' | 'sent' | 'retrying' | 'failed' | 'unknown' | 'skipped';

/**
 * A notification with one of these is done: sent, given up (permanent failure or retries exhausted), or
 * deliberately not sent. Anything else (none yet, sending, retrying, unknown) is not final, and the
 * worker's reconciliation sends it on again.
 */
export const FINAL_DELIVERY_STATUSES = ['sent', 'failed', 'skipped'] as const;

/** Why a notification was deliberately not sent (email_deliveries.error of a 'skipped' row). */
/** 'coalesced': a later change within the mail window told the melder (core's planStatusMail). */
export type SkipReason = 'no_recipient' | 'not_for_melder' | 'coalesced';

export interface EmailAttempt {
  meldingId: string;
  notificationKey: string;
  template: string;
  toAddress: string | null;
  attempt: number;
  status: EmailDeliveryStatus;
  smtpResponse?: string | null | undefined;
  error?: string | null | undefined;
  messageId?: string | null | undefined;
}

export async function hasSentEmail(db: DbOrTx, notificationKey: string): Promise<boolean> {
  const rows = await db
    .select({ id: emailDeliveries.id })
    .from(emailDeliveries)
    .where(and(eq(emailDeliveries.notificationKey, notificationKey), eq(emailDeliveries.status, 'sent')))
    .limit(1);
  return rows.length > 0;
}

export async function countEmailAttempts(db: DbOrTx, notificationKey: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(emailDeliveries)
    .where(eq(emailDeliveries.notificationKey, notificationKey));
  return Number(row?.n ?? 0);
}

export interface EmailSendRequest {
  meldingId: string;
  notificationKey: string;
  template: string;
  toAddress: string;
  messageId: string;
  /** How long this attempt holds the notification; longer than an SMTP conversation can take. */
  leaseMs: number;
}

export type EmailSendClaim =
  /**
   * This attempt may send; its 'sending' row is committed. `previousOutcomeUnknown`: an earlier attempt
   * was still 'sending' when its lease ran out (its worker died during it) and is now 'unknown'.
   */
  | { kind: 'claimed'; deliveryId: number; attempt: number; previousOutcomeUnknown: boolean }
  | { kind: 'already-sent' }
  /** Another attempt holds the lease (a worker is sending right now, or died less than a lease ago). */
  | { kind: 'in-flight'; retryInMs: number };

const OUTCOME_UNKNOWN =
  'outcome unknown: the worker stopped while this attempt was sending; sent again with the same Message-ID';

/**
 * Records, and commits, a 'sending' attempt before any SMTP traffic: afterwards a crash leaves a trace
 * instead of nothing. The lease is judged on the database's clock, so that workers on machines whose
 * clocks differ agree. Needs the database (not a transaction): it commits on its own.
 */
export async function claimEmailSend(db: Db, req: EmailSendRequest): Promise<EmailSendClaim> {
  return db.transaction(async (tx) => {
    const [open] = await tx
      .select({
        id: emailDeliveries.id,
        status: emailDeliveries.status,
        remainingMs: sql<number>`coalesce(extract(epoch from (${emailDeliveries.leaseUntil} - now())) * 1000, 0)::float8`,
      })
      .from(emailDeliveries)
      .where(
        and(
          eq(emailDeliveries.notificationKey, req.notificationKey),
          inArray(emailDeliveries.status, ['sending', 'sent']),
        ),
      )
      .for('update');
    if (open?.status === 'sent') return { kind: 'already-sent' };
    const remainingMs = Number(open?.remainingMs ?? 0);
    if (open && remainingMs > 0) return { kind: 'in-flight', retryInMs: Math.ceil(remainingMs) };
    if (open) {
      await tx
        .update(emailDeliveries)
        .set({ status: 'unknown', leaseUntil: null, error: OUTCOME_UNKNOWN })
        .where(eq(emailDeliveries.id, open.id));
    }
    const attempt = (await countEmailAttempts(tx, req.notificationKey)) + 1;
    const [row] = await tx
      .insert(emailDeliveries)
      .values({
        meldingId: req.meldingId,
        notificationKey: req.notificationKey,
        template: req.template,
        toAddress: req.toAddress,
        attempt,
        status: 'sending',
        leaseUntil: sql`now() + ${Math.max(1, Math.round(req.leaseMs))}::int * interval '1 millisecond'`,
        messageId: req.messageId,
      })
      .onConflictDoNothing()
      .returning({ id: emailDeliveries.id });
    // Another worker inserted its 'sending' row between our read and our insert: it holds the lease.
    if (!row) return { kind: 'in-flight', retryInMs: Math.max(1, Math.round(req.leaseMs)) };
    return { kind: 'claimed', deliveryId: Number(row.id), attempt, previousOutcomeUnknown: Boolean(open) };
  });
}

export interface EmailAttemptOutcome {
  status: 'sent' | 'retrying' | 'failed';
  smtpResponse?: string | null | undefined;
  error?: string | null | undefined;
}

/**
 * Records how a claimed attempt ended. Idempotent: a second call after a lost answer finds the row in
 * that state and returns true. Returns false when the row had been taken over meanwhile ('unknown':
 * its lease ran out while this worker was still busy).
 */
export async function finishEmailAttempt(
  db: DbOrTx,
  deliveryId: number,
  outcome: EmailAttemptOutcome,
): Promise<boolean> {
  const updated = await db
    .update(emailDeliveries)
    .set({
      status: outcome.status,
      leaseUntil: null,
      smtpResponse: outcome.smtpResponse?.slice(0, 1000) ?? null,
      error: outcome.error?.slice(0, 1000) ?? null,
    })
    .where(and(eq(emailDeliveries.id, deliveryId), eq(emailDeliveries.status, 'sending')))
    .returning({ id: emailDeliveries.id });
  if (updated.length > 0) return true;
  const [row] = await db
    .select({ status: emailDeliveries.status })
    .from(emailDeliveries)
    .where(eq(emailDeliveries.id, deliveryId));
  return row?.status === outcome.status;
}

/**
 * Records one delivery attempt. Returns false when a 'sent' row for this notification already exists
 * (the partial unique index): two workers raced and the mail went out twice; the first record stands.
 */
export async function recordEmailAttempt(db: DbOrTx, attempt: EmailAttempt): Promise<boolean> {
  const inserted = await db
    .insert(emailDeliveries)
    .values({
      meldingId: attempt.meldingId,
      notificationKey: attempt.notificationKey,
      template: attempt.template,
      toAddress: attempt.toAddress,
      attempt: attempt.attempt,
      status: attempt.status,
      smtpResponse: attempt.smtpResponse?.slice(0, 1000) ?? null,
      error: attempt.error?.slice(0, 1000) ?? null,
      messageId: attempt.messageId ?? null,
    })
    .onConflictDoNothing()
    .returning({ id: emailDeliveries.id });
  return inserted.length > 0;
}

/**
 * Records that this notification was deliberately not sent, so that reconciliation does not find it
 * again and again. At most one skip row per notification.
 */
export async function recordNotificationSkipped(
  db: DbOrTx,
  skip: { meldingId: string; notificationKey: string; template: string; reason: SkipReason },
): Promise<void> {
  await db.execute(sql`
    INSERT INTO email_deliveries (melding_id, notification_key, template, to_address, attempt, status, error)
    SELECT ${skip.meldingId}::uuid, ${skip.notificationKey}, ${skip.template}, NULL, 0, 'skipped', ${skip.reason}
    WHERE NOT EXISTS (
      SELECT 1 FROM email_deliveries
      WHERE notification_key = ${skip.notificationKey} AND status = 'skipped'
    )`);
}

export interface EmailDeliveryRow {
  id: number;
  notificationKey: string;
  template: string;
  attempt: number;
  status: string;
  smtpResponse: string | null;
  error: string | null;
  createdAt: Date;
}

/**
 * Every attempt for a melding, oldest first (for staff: "did the melder get our mail?"). Skips are no
 * attempts and are left out.
 */
export async function listEmailDeliveries(db: DbOrTx, meldingId: string): Promise<EmailDeliveryRow[]> {
  return db
    .select({
      id: emailDeliveries.id,
      notificationKey: emailDeliveries.notificationKey,
      template: emailDeliveries.template,
      attempt: emailDeliveries.attempt,
      status: emailDeliveries.status,
      smtpResponse: emailDeliveries.smtpResponse,
      error: emailDeliveries.error,
      createdAt: emailDeliveries.createdAt,
    })
    .from(emailDeliveries)
    .where(and(eq(emailDeliveries.meldingId, meldingId), ne(emailDeliveries.status, 'skipped')))
    .orderBy(asc(emailDeliveries.id));
}
