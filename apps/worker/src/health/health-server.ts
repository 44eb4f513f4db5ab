import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';

export type CheckState = 'ok' | 'error';

export interface WorkerHealthReport {
  status: 'ok' | 'unavailable';
  checks: { database: CheckState; redis: CheckState; workers: CheckState };
}

export interface HealthProbes {
  /** The database answers a query. */
  database(): Promise<unknown>;
  /** Redis answers a PING. */
  redis(): Promise<boolean>;
  /** The job workers are running (not closed, not stopped after an error). */
  workersRunning(): boolean;
}

const PROBE_TIMEOUT_MS = 2_000;

async function probe(run: () => Promise<unknown>): Promise<CheckState> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), PROBE_TIMEOUT_MS);
  });
  try {
    return (await Promise.race([run(), timeout])) === false ? 'error' : 'ok';
  } catch {
    return 'error';
  } finally {
    clearTimeout(timer);
  }
}

export async function checkWorkerHealth(probes: HealthProbes): Promise<WorkerHealthReport> {
  const [database, redis] = await Promise.all([probe(probes.database), probe(probes.redis)]);
  const workers: CheckState = probes.workersRunning() ? 'ok' : 'error';
  const ok = database === 'ok' && redis === 'ok' && workers === 'ok';
  return { status: ok ? 'ok' : 'unavailable', checks: { database, redis, workers } };
}

export interface HealthServer {
  port: number;
  close(): Promise<void>;
}

/**
 * The worker has no HTTP API; this small server lets an orchestrator (docker compose, Kubernetes) ask
 * whether it can do its work:
 * - GET /health/live: 200 while the process answers and its job workers run (503 once they stopped);
 * - GET /health/ready: 200 when, besides, the database and Redis answer; else 503 with what failed.
 * No personal data, no configuration in the answers.
 */
export async function startHealthServer(options: {
  host: string;
  port: number;
  probes: HealthProbes;
  logger: Logger;
}): Promise<HealthServer> {
  const { probes, logger } = options;
  const server: Server = createServer((req, res) => {
    const send = (status: number, body: unknown) =>
      res
        .writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
        .end(JSON.stringify(body));
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, { status: 'method_not_allowed' });
    if (path === '/health/live') {
      const running = probes.workersRunning();
      return send(running ? 200 : 503, { status: running ? 'ok' : 'unavailable' });
    }
    if (path === '/health/ready') {
      checkWorkerHealth(probes).then(
        (report) => send(report.status === 'ok' ? 200 : 503, report),
        () => send(503, { status: 'unavailable' }),
      );
      return;
    }
    return send(404, { status: 'not_found' });
  });
  server.on('error', (err) => logger.warn({ err: err.message }, 'health server error'));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  logger.info({ host: options.host, port }, 'health endpoint listening');
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
