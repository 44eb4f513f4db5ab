import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { emailDeliveries } from '../schema.ts';

export type EmailDeliveryStatus = 'sent' | 'retrying' | 'failed';

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

/** Every attempt for a melding, oldest first (for staff: "did the melder get our mail?"). */
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
    .where(eq(emailDeliveries.meldingId, meldingId))
    .orderBy(asc(emailDeliveries.id));
}
