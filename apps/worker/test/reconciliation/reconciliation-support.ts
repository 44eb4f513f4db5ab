import { testRedisPrefix, waitUntil } from '@buurtsignaal/testkit';
import type { QueueInspector } from '../support/helpers.ts';
import { useWorkerHarness, type WorkerHarness } from '../support/worker-harness.ts';

// The issue this answers: routing jobs that BullMQ failed ("job stalled more than allowable limit")
// while their outbox rows were marked relayed — the meldingen stayed gemeld for good. Reconciliation
// reads the database, not Redis, to find such work and send it on under new job ids.

// afterMs well above a mail's own send time here, even on a busy machine: a send in flight has no
// record yet, and reconciliation would send it beside its own job (as it would after five minutes).
export const fast = { everyMs: 150, afterMs: 1_500, maxAttempts: 2 };

/** A worker that reconciles quickly, with short retries, on this file's database and Redis prefix. */
export function useReconcilingWorker(name: string, options: { start?: boolean } = {}): WorkerHarness {
  return useWorkerHarness(testRedisPrefix(name), {
    ...options,
    retry: { routing: { attempts: 2, backoffMs: 20 }, notifications: { attempts: 2, backoffMs: 20 } },
    reconcile: fast,
  });
}

/** Waits for `passes` reconciliation runs that started after this call (no sleeping). */
export async function afterMorePasses(inspector: QueueInspector, passes: number): Promise<void> {
  const start = Date.now();
  const queue = inspector.queue('reconciliation' as 'routing');
  await waitUntil(
    async () => {
      const done = await queue.getJobs(['completed'], 0, passes + 5);
      return done.filter((j) => (j.processedOn ?? 0) > start).length >= passes;
    },
    { what: `${passes} more reconciliation passes` },
  );
}
