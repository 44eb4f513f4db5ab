import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createDatabase, type DatabaseClient, migrationsFolder, seedReferenceData } from '@buurtsignaal/db';
import pg from 'pg';
import { databaseUrlFor, testEnv } from './env.ts';

// What the template holds: the migrations and the seeded reference data (teams, rosters, rules: the
// db seed, built from core's category, roster and rule data).
const seedSources = [
  join(migrationsFolder, '..', 'src'),
  dirname(createRequire(import.meta.url).resolve('@buurtsignaal/core')),
];

function sourceFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .sort()
    .map((f) => join(dir, f));
}

/**
 * The template's name changes with the migrations and with the sources of the seed (db and core), so
 * that neither a changed schema nor changed seed data reuses a stale template. The template lives in the
 * shared PostgreSQL, so it outlives a checkout: a fresh clone with other seed data must not find it.
 */
export function templateName(): string {
  const hash = createHash('sha256');
  for (const file of readdirSync(migrationsFolder).sort()) {
    if (file.endsWith('.sql')) hash.update(file).update(readFileSync(join(migrationsFolder, file)));
  }
  for (const dir of seedSources) {
    for (const file of sourceFiles(dir)) hash.update(readFileSync(file));
  }
  return `bs_template_${hash.digest('hex').slice(0, 12)}`;
}

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: testEnv.databaseAdminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates (once per schema version) a migrated and seeded template database. */
export async function ensureTemplate(): Promise<string> {
  const name = templateName();
  await withAdmin(async (admin) => {
    await admin.query('SELECT pg_advisory_lock(4242002)');
    try {
      const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (exists.rowCount) return;
      await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
      const client = await createDatabase({ databaseUrl: databaseUrlFor(name), poolMax: 1 });
      try {
        await client.migrate();
        await seedReferenceData(client.db);
      } finally {
        await client.close();
      }
    } finally {
      await admin.query('SELECT pg_advisory_unlock(4242002)');
    }
  });
  return name;
}

export interface TestDatabase {
  readonly url: string;
  readonly name: string;
  readonly client: DatabaseClient;
  drop(): Promise<void>;
}

/** A fresh PostgreSQL database for one test file, copied from the migrated template. */
export async function createTestDatabase(options: { poolMax?: number } = {}): Promise<TestDatabase> {
  const template = await ensureTemplate();
  const name = `bs_test_${randomBytes(6).toString('hex')}`;
  await withAdmin(async (admin) => {
    // CREATE DATABASE … TEMPLATE fails while another session copies the same template: retry briefly.
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(
          `CREATE DATABASE ${pg.escapeIdentifier(name)} TEMPLATE ${pg.escapeIdentifier(template)}`,
        );
        return;
      } catch (err) {
        if (attempt >= 20) throw err;
        await new Promise((r) => setTimeout(r, 100 + attempt * 50));
      }
    }
  });
  const url = databaseUrlFor(name);
  const client = await createDatabase({ databaseUrl: url, poolMax: options.poolMax ?? 5 });
  return {
    url,
    name,
    client,
    async drop() {
      await client.close().catch(() => {});
      await withAdmin((admin) =>
        admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`),
      );
    },
  };
}

/** An in-memory PGlite database, migrated and seeded: the embedded path. */
export async function createTestPglite(): Promise<DatabaseClient> {
  const client = await createDatabase({});
  await client.migrate();
  await seedReferenceData(client.db);
  return client;
}
