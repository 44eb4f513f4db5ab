import type { Db } from '@buurtsignaal/db';
import {
  findGeocodeTarget,
  findMeldingAddress,
  type LookupOutcome,
  storeMeldingAddress,
} from '@buurtsignaal/db/tables/melding-addresses-repository';
import { type ConsumerOptions, createWorker, type GeocodingJob } from '@buurtsignaal/jobs';
import type { Job, Worker } from 'bullmq';
import type { Logger } from 'pino';
import { errorText } from '../log-safety.ts';
import { PdokRefused, pdokReverse } from './pdok-reverse.ts';

export interface GeocodingSettings {
  /** PDOK Locatieserver v3.1 base, without a trailing slash. */
  pdokBaseUrl: string;
  /** One request's time limit; default 5 s. */
  timeoutMs?: number;
  /** An address further from the point than this is not "the" address of the melding: 'none'. */
  maxDistanceM?: number;
}

export const DEFAULT_MAX_DISTANCE_M = 100;

export interface GeocodingDeps extends GeocodingSettings {
  db: Db;
  now: () => Date;
  logger: Logger;
}

export type GeocodingOutcome = 'found' | 'none' | 'failed' | 'not-needed' | 'already-done' | 'gone';

/**
 * One lookup of a melding's address. Only for a point without an address (GPS or the map); a wijk-only
 * melding's point is the wijk's centre and gets none. PDOK down throws, and BullMQ tries again with
 * backoff; the last attempt (or a refusal) stores 'failed' ("adres onbekend"), which a later
 * successful lookup may still replace.
 */
export async function lookUpAddress(
  deps: GeocodingDeps,
  job: GeocodingJob,
  attempt: { number: number; isLast: boolean },
): Promise<GeocodingOutcome> {
  const target = await findGeocodeTarget(deps.db, job.meldingId);
  if (!target) return 'gone';
  if (target.hasAddressText || target.hasLocationDescription) return 'not-needed';
  const existing = await findMeldingAddress(deps.db, job.meldingId);
  if (existing && existing.status !== 'failed') return 'already-done';

  let outcome: LookupOutcome;
  try {
    const found = await pdokReverse(
      { baseUrl: deps.pdokBaseUrl, timeoutMs: deps.timeoutMs ?? 5_000 },
      target.lat,
      target.lng,
    );
    const maxDistance = deps.maxDistanceM ?? DEFAULT_MAX_DISTANCE_M;
    outcome =
      found && (found.distanceM === null || found.distanceM <= maxDistance)
        ? { status: 'found', address: found }
        : { status: 'none' };
  } catch (err) {
    if (!attempt.isLast && !(err instanceof PdokRefused)) throw err;
    deps.logger.warn(
      { meldingId: job.meldingId, attempt: attempt.number, err: errorText(err) },
      'address lookup gave up: adres onbekend',
    );
    outcome = { status: 'failed' };
  }
  await storeMeldingAddress(deps.db, job.meldingId, outcome, attempt.number, deps.now());
  return outcome.status;
}

export function createGeocodingProcessor(
  deps: GeocodingDeps,
): (job: Job<GeocodingJob>) => Promise<GeocodingOutcome> {
  return (job) => {
    const number = job.attemptsMade + 1;
    return lookUpAddress(deps, job.data, { number, isLast: number >= (job.opts.attempts ?? 1) });
  };
}

/** The worker of the geocoding queue, with its error and failure logging. */
export function startGeocodingWorker(
  deps: GeocodingDeps,
  consumerOptions: ConsumerOptions,
  onRedisError: (role: string) => (err: Error) => void,
): Worker<GeocodingJob> {
  const worker = createWorker('geocoding', createGeocodingProcessor(deps), consumerOptions);
  worker.on('error', onRedisError('worker geocoding'));
  // A lookup that gives up stores "adres onbekend" and completes: a failure here is the database's.
  worker.on('failed', (job, err) =>
    deps.logger.warn({ queue: 'geocoding', jobId: job?.id, err: errorText(err) }, 'job failed'),
  );
  return worker;
}
