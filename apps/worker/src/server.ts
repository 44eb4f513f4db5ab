import { pino } from 'pino';
import { startWorkerServer } from './bootstrap.ts';
import { loadWorkerConfig } from './config.ts';

// Entry point of the standalone worker process (`pnpm --filter @buurtsignaal/worker start`).

const config = loadWorkerConfig();
const logger = pino({ name: 'buurtsignaal-worker', level: config.logLevel });

// Longest wait for running jobs on shutdown; orchestrators send SIGKILL after their own grace period.
const shutdownTimeoutMs = 25_000;

try {
  const server = await startWorkerServer(config, logger);
  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing running jobs');
    const timer = setTimeout(() => {
      logger.error('shutdown took too long; exiting (unfinished jobs are taken over as stalled)');
      process.exit(1);
    }, shutdownTimeoutMs);
    timer.unref();
    server.close().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err: err instanceof Error ? err.message : String(err) }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
} catch (err) {
  logger.fatal({ err: err instanceof Error ? err.message : String(err) }, 'worker refused to start');
  process.exit(1);
}
