import type { Db } from '@buurtsignaal/db';
import { listTeams } from '@buurtsignaal/db/tables/teams-repository';
import type { RosterJob } from '@buurtsignaal/jobs';
import type { Worker } from 'bullmq';
import type { Logger } from 'pino';
import { errorText } from '../log-safety.ts';

// One dispatch worker per team's roster queue, in every worker process. A team made after this process
// started (a coordinator adds one) gets its worker at the next look at the teams, without a restart:
// its roster jobs wait in its queue until then, nothing is lost. A timer of this process, not a BullMQ
// scheduler: every process needs its own workers, where a scheduler gives one run to one process.

/** How often the teams are looked at again; default 30 s. */
export const DEFAULT_TEAM_WATCH_EVERY_MS = 30_000;

export interface DispatchWorkerPool {
  /** Team ids with a worker, in the order they got one. */
  teamIds(): string[];
  isRunning(): boolean;
  /** Looks at the teams now and starts a worker for each new one; returns the ids started. */
  sync(): Promise<string[]>;
  close(force?: boolean): Promise<void>;
}

export async function startDispatchWorkerPool(opts: {
  db: Db;
  logger: Logger;
  everyMs: number;
  createFor: (teamId: string) => Worker<RosterJob>;
}): Promise<DispatchWorkerPool> {
  const workers = new Map<string, Worker<RosterJob>>();
  let closed = false;
  let running: Promise<string[]> | undefined;
  const syncOnce = async (): Promise<string[]> => {
    const started: string[] = [];
    for (const t of await listTeams(opts.db)) {
      if (closed || workers.has(t.id)) continue;
      workers.set(t.id, opts.createFor(t.id));
      started.push(t.id);
    }
    return started;
  };
  // One look at a time: a slow database must not start two workers for one team.
  const sync = (): Promise<string[]> => {
    running ??= syncOnce().finally(() => {
      running = undefined;
    });
    return running;
  };
  // At start-up a failure is the caller's (the worker refuses to start without its dispatchers).
  await sync();
  const timer = setInterval(() => {
    void sync().then(
      (ids) => {
        if (ids.length > 0) opts.logger.info({ teams: ids }, 'dispatch workers started for new teams');
      },
      (err: unknown) => opts.logger.warn({ err: errorText(err) }, 'dispatch: could not read the teams'),
    );
  }, opts.everyMs);
  timer.unref();
  return {
    teamIds: () => [...workers.keys()],
    isRunning: () => [...workers.values()].every((w) => w.isRunning()),
    sync,
    async close(force = false) {
      closed = true;
      clearInterval(timer);
      await running?.catch(() => []);
      await Promise.all([...workers.values()].map((w) => w.close(force)));
    },
  };
}
