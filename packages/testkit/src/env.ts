/**
 * Where the test services are. Defaults are the local services of the CI machine; override with
 * TEST_DATABASE_ADMIN_URL (a database the tests may CREATE/DROP databases from) and TEST_REDIS_URL.
 */
export const testEnv = {
  databaseAdminUrl: process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  redisUrl: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
};

export function databaseUrlFor(name: string): string {
  const url = new URL(testEnv.databaseAdminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
