import type { DbOrTx } from '@buurtsignaal/db';
import { type AuditEntry, appendAudit } from '@buurtsignaal/db/tables/audit-log-repository';

/** An audit entry as callers write it; the clock supplies `at`. */
export type AuditInput = Omit<AuditEntry, 'at'>;
export type AuditWriter = (entry: AuditInput) => Promise<void>;

export const createAuditWriter =
  (db: DbOrTx, now: () => Date): AuditWriter =>
  (entry) =>
    appendAudit(db, { ...entry, at: now() });
