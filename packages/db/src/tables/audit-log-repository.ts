import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { auditLog } from '../schema.ts';

export type AuditResult = 'ok' | 'denied' | 'error';

/** One staff action. No personal data: user ids yes, e-mail addresses and names never. */
export interface AuditEntry {
  at: Date;
  actorUserId: string | null;
  action: string;
  result: AuditResult;
  meldingId?: string | null;
  /** The client address (request.ip). */
  source: string | null;
  details?: Record<string, unknown>;
}

export async function appendAudit(db: DbOrTx, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    at: entry.at,
    actorUserId: entry.actorUserId,
    action: entry.action,
    result: entry.result,
    meldingId: entry.meldingId ?? null,
    source: entry.source,
    details: entry.details ?? {},
  });
}

export interface AuditRow {
  id: number;
  at: Date;
  actorUserId: string | null;
  action: string;
  result: string;
  meldingId: string | null;
  source: string | null;
  details: Record<string, unknown>;
}

export async function listAuditForActor(db: DbOrTx, actorUserId: string): Promise<AuditRow[]> {
  return db.select().from(auditLog).where(eq(auditLog.actorUserId, actorUserId)).orderBy(asc(auditLog.id));
}

export async function listAuditForMelding(db: DbOrTx, meldingId: string): Promise<AuditRow[]> {
  return db.select().from(auditLog).where(eq(auditLog.meldingId, meldingId)).orderBy(asc(auditLog.id));
}
