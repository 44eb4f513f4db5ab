// Where a melding's time goes on its way to the officer (`pnpm bench:dispatch`): the moments the
// database holds for each step, as offsets from the submit, p50 / p99 over the measured meldingen.
import type { Db } from '@buurtsignaal/db';
import { Queue } from 'bullmq';
import { sql } from 'drizzle-orm';
import { Redis } from 'ioredis';
import { quantile, type Submitted } from './dispatch-support.ts';

const stages = [
  ['stored (meldingen.created_at)', 'stored'],
  ['outbox relayed (first row)', 'relayed'],
  ['routed (assignments.created_at)', 'routed'],
  ['dispatch notices recorded', 'noticed'],
  ['push sent (notice sent_at)', 'push_sent'],
  ['dispatched event row', 'dispatched'],
] as const;

export async function traceStages(db: Db, submitted: Submitted[]): Promise<string[]> {
  const rows = (await db.execute(sql`
    SELECT m.id,
      extract(epoch FROM m.created_at) * 1000 AS stored,
      (SELECT extract(epoch FROM min(o.relayed_at)) * 1000 FROM outbox o WHERE o.aggregate_id = m.id) AS relayed,
      (SELECT extract(epoch FROM min(a.created_at)) * 1000 FROM assignments a WHERE a.melding_id = m.id) AS routed,
      (SELECT extract(epoch FROM min(n.created_at)) * 1000 FROM dispatch_notices n WHERE n.melding_id = m.id) AS noticed,
      (SELECT extract(epoch FROM min(n.sent_at)) * 1000 FROM dispatch_notices n
        WHERE n.melding_id = m.id AND n.channel = 'push') AS push_sent,
      (SELECT extract(epoch FROM min(e.created_at)) * 1000 FROM staff_events e
        WHERE e.melding_id = m.id AND e.kind = 'melding.dispatched') AS dispatched
    FROM meldingen m`)) as unknown as { rows: Record<string, string | null>[] };
  const byId = new Map(rows.rows.map((r) => [r.id as string, r]));
  const lines: string[] = [];
  for (const [label, column] of stages) {
    const offsets: number[] = [];
    for (const s of submitted) {
      const v = s.id ? byId.get(s.id)?.[column] : null;
      if (v != null) offsets.push(Number(v) - (performance.timeOrigin + s.at));
    }
    lines.push(
      `  ${label.padEnd(34)} p50 ${quantile(offsets, 0.5).toFixed(0)} ms, p99 ${quantile(offsets, 0.99).toFixed(0)} ms (n ${offsets.length})`,
    );
  }
  return lines;
}

/** Wait (added → taken) and run (taken → finished) of the completed jobs of each queue, from BullMQ. */
export async function traceQueues(redisUrl: string, prefix: string, names: string[]): Promise<string[]> {
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  const lines: string[] = [];
  try {
    for (const name of names) {
      const queue = new Queue(name, { connection, prefix });
      const jobs = await queue.getJobs(['completed'], 0, -1);
      const wait = jobs.map((j) => (j.processedOn ?? 0) - j.timestamp - (j.opts.delay ?? 0));
      const run = jobs.map((j) => (j.finishedOn ?? 0) - (j.processedOn ?? 0));
      const attempts = jobs.reduce((n, j) => n + j.attemptsStarted, 0);
      const p = (xs: number[], q: number) => quantile(xs, q).toFixed(0);
      lines.push(
        `  queue ${name.padEnd(16)} ${jobs.length} completed, ${attempts} runs; wait p50 ${p(wait, 0.5)} ms p99 ${p(wait, 0.99)} ms; run p50 ${p(run, 0.5)} ms p99 ${p(run, 0.99)} ms`,
      );
      await queue.close();
    }
  } finally {
    connection.disconnect();
  }
  return lines;
}
