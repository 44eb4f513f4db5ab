import { join, resolve } from 'node:path';
import { createDatabase, type DatabaseClient } from '../client.ts';
import { acquireDataDirLock } from '../data-dir-lock.ts';

/**
 * The database the command-line tools work on, from the same variables as the apps: DATABASE_URL, or
 * else the embedded PGlite under DATA_DIR — then holding the data dir's lock, because a second process
 * on a PGlite directory loses its writes silently.
 */
export async function openCliDatabase(env: Record<string, string | undefined> = process.env): Promise<{
  database: DatabaseClient;
  describe: string;
  close(): Promise<void>;
}> {
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  if (databaseUrl) {
    const database = await createDatabase({ databaseUrl, poolMax: 2 });
    return { database, describe: 'PostgreSQL (DATABASE_URL)', close: () => database.close() };
  }
  // pnpm runs package scripts in the package's folder; DATA_DIR is relative to where the user stands.
  const dataDir = resolve(env.INIT_CWD ?? process.cwd(), env.DATA_DIR?.trim() || '.data');
  const release = acquireDataDirLock(dataDir);
  const dir = join(dataDir, 'pglite');
  try {
    const database = await createDatabase({ pgliteDataDir: dir });
    return {
      database,
      describe: `PGlite in ${dir}`,
      async close() {
        await database.close();
        release();
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}
