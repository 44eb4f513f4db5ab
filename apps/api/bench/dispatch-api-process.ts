// `pnpm bench:dispatch`'s API process: the real app (buildApp through the tests' buildTestApp) on a
// real port, on the bench database.
import { createDatabase } from '@buurtsignaal/db';
import { buildTestApp } from '../test/support/helpers.ts';
import { childOptions, serve } from './bench-process.ts';

const { databaseUrl } = childOptions<{ databaseUrl: string }>();
const database = await createDatabase({ databaseUrl, poolMax: 10 });
const api = await buildTestApp(database, {
  env: { INTAKE_RATE_LIMIT_MAX: '1000000' },
});
const baseUrl = await api.app.listen({ port: 0, host: '127.0.0.1' });
serve({ baseUrl }, async () => {
  await api.close();
  await database.close();
});
