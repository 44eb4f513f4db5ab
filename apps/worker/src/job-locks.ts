// BullMQ's lock and stalled-job checks of the routing and notification workers.

export interface JobLockSettings {
  /** A running job's lock; renewed every half of it. A worker that dies loses its jobs' locks after this. */
  lockDurationMs: number;
  /** How often a worker looks for jobs whose lock expired (a dead worker's) and takes them over. */
  stalledIntervalMs: number;
  /** Take-overs before BullMQ fails a job ("stalled more than allowable limit"); reconciliation sends it on. */
  maxStalledCount: number;
}

export const jobLockDefaults: JobLockSettings = {
  lockDurationMs: 30_000,
  // BullMQ's default is 30 s; a dead worker's jobs are taken over sooner.
  stalledIntervalMs: 10_000,
  maxStalledCount: 1,
};
