import type { DatabaseClient } from '@buurtsignaal/db';
import { findAttachmentKeys } from '@buurtsignaal/db/tables/attachments-repository';
import { deleteCompletedIdempotencyKeys } from '@buurtsignaal/db/tables/idempotency-keys-repository';
import type { PhotoStore } from './photo-store.ts';

export interface SweepResult {
  checked: number;
  deleted: number;
}

/**
 * No photo without its melding: files are written before the melding's transaction commits and removed
 * when it fails, but a crash in between leaves a file behind. This finds files that no attachment row
 * refers to and deletes them — only when older than `graceMs`, so that a request still in flight keeps
 * its files.
 */
export async function sweepOrphanPhotos(
  store: PhotoStore,
  database: DatabaseClient,
  { now, graceMs = 60 * 60_000, batchSize = 500 }: { now: Date; graceMs?: number; batchSize?: number },
): Promise<SweepResult> {
  const cutoff = new Date(now.getTime() - graceMs);
  let checked = 0;
  let deleted = 0;
  let batch: string[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const known = await findAttachmentKeys(database.db, batch);
    for (const key of batch) {
      if (!known.has(key)) {
        await store.delete(key);
        deleted++;
      }
    }
    batch = [];
  };
  for await (const { key, modifiedAt } of store.list(cutoff)) {
    checked++;
    if (modifiedAt >= cutoff) continue;
    batch.push(key);
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  return { checked, deleted };
}

export interface Maintenance {
  runOnce(): Promise<void>;
  stop(): void;
}

/**
 * The API's own housekeeping, at start and then periodically: orphaned photo files and idempotency keys
 * older than a day (a client retries within minutes, not days). Safe on several API instances at once.
 */
export function startApiMaintenance(opts: {
  store: PhotoStore;
  database: DatabaseClient;
  now?: () => Date;
  intervalMs?: number;
  onError?: (err: unknown) => void;
}): Maintenance {
  const now = opts.now ?? (() => new Date());
  let running: Promise<void> | undefined;
  const runOnce = async () => {
    if (running) return running;
    running = (async () => {
      try {
        await sweepOrphanPhotos(opts.store, opts.database, { now: now() });
        await deleteCompletedIdempotencyKeys(opts.database.db, new Date(now().getTime() - 24 * 60 * 60_000));
      } catch (err) {
        opts.onError?.(err);
      }
    })().finally(() => {
      running = undefined;
    });
    return running;
  };
  void runOnce();
  const timer = setInterval(() => void runOnce(), opts.intervalMs ?? 60 * 60_000);
  timer.unref();
  return {
    runOnce,
    stop: () => clearInterval(timer),
  };
}
