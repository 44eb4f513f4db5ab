// The root of @buurtsignaal/db: the client and the other plumbing, nothing else. Writes go through one
// repository per table (`@buurtsignaal/db/tables/<table>-repository`); the questions the apps ask of
// several tables are grouped by area (`@buurtsignaal/db/queries/<area>/<question>`); the tables
// themselves are `@buurtsignaal/db/schema`. sql-rows.ts (raw-SQL helpers) stays internal.
export * from './cli/cli-env.ts';
export * from './client.ts';
export * from './connection-errors.ts';
export * from './data-dir-lock.ts';
export * from './demo-seed.ts';
export * from './outbox-notifier.ts';
export * from './pg-listener.ts';
export * as schema from './schema.ts';
export * from './secret-box.ts';
export * from './seed.ts';
