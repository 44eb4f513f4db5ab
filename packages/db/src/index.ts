// The root of @buurtsignaal/db: the client and the other plumbing. Writes go through one repository per
// table (tables/, imported as `@buurtsignaal/db/tables/<table>-repository`); the questions the apps ask
// of several tables are grouped by area (queries/, as `@buurtsignaal/db/queries/<area>/<question>`).
// The app sources import those subpaths; the root still re-exports them for the tests that import
// everything from here. sql-rows.ts (raw-SQL helpers) stays internal.
export * from './cli/cli-env.ts';
export * from './client.ts';
export * from './connection-errors.ts';
export * from './data-dir-lock.ts';
export * from './outbox-notifier.ts';
export * from './pg-listener.ts';
export * from './queries/handling/detail.ts';
export * from './queries/handling/queue.ts';
export * from './queries/handling/staff-melding.ts';
export * from './queries/hotspot-map/hotspot-map.ts';
export * from './queries/melder/notification-context.ts';
export * from './queries/melder/status-view.ts';
export * from './queries/melder/terugkoppeling.ts';
export * from './queries/reconciliation/due-work.ts';
export * from './queries/reconciliation/stuck-jobs.ts';
export * from './queries/reports/hotspots.ts';
export * from './queries/reports/notable.ts';
export * from './queries/reports/weekly.ts';
export * as schema from './schema.ts';
export * from './secret-box.ts';
export * from './seed.ts';
export * from './tables/assignments-repository.ts';
export * from './tables/attachments-repository.ts';
export * from './tables/audit-log-repository.ts';
export * from './tables/email-deliveries-repository.ts';
export * from './tables/hotspot-rules-repository.ts';
export * from './tables/hotspots-repository.ts';
export * from './tables/idempotency-keys-repository.ts';
export * from './tables/internal-notes-repository.ts';
export * from './tables/melder-feedback-repository.ts';
export * from './tables/meldingen-intake.ts';
export * from './tables/meldingen-repository.ts';
export * from './tables/outbox-repository.ts';
export * from './tables/staff-login-throttle-repository.ts';
export * from './tables/staff-sessions-repository.ts';
export * from './tables/staff-users-repository.ts';
export * from './tables/standard-texts-repository.ts';
export * from './tables/status-events-repository.ts';
export * from './tables/stuck-jobs-repository.ts';
