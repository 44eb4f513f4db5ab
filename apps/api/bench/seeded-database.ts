// The benchmarks' seeded PostgreSQL database: BENCH_COUNT meldingen (pnpm db:seed:meldingen) on the
// current schema, made once and kept as a template named after the migrations and the count, so that
// a second run only copies it. Drop the `<prefix>_*` databases to seed again.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createDatabase } from '@buurtsignaal/db';
import { databaseUrlFor, ensureTemplate, testEnv } from '@buurtsignaal/testkit';
import { type SQL, sql } from 'drizzle-orm';

const seedCli = fileURLToPath(new URL('../../../packages/db/src/cli/seed-meldingen.ts', import.meta.url));

/** Runs statements on the admin database (CREATE/DROP/ALTER DATABASE). Names are ours: [a-z0-9_]. */
export async function admin(...statements: SQL[]): Promise<unknown[]> {
  const client = await createDatabase({ databaseUrl: testEnv.databaseAdminUrl, poolMax: 1 });
  try {
    const out: unknown[] = [];
    for (const statement of statements) out.push(await client.db.execute(statement));
    return out;
  } finally {
    await client.close();
  }
}

async function exists(name: string): Promise<boolean> {
  const [result] = await admin(sql`SELECT 1 FROM pg_database WHERE datname = ${name}`);
  return (result as { rows: unknown[] }).rows.length > 0;
}

/** The seeded database for this schema and count, made once (seeded under a temporary name, then renamed). */
export async function seededTemplate(prefix: string, count: number): Promise<string> {
  const template = await ensureTemplate();
  const name = `${prefix}_${template.slice('bs_template_'.length)}_${count}`;
  if (await exists(name)) {
    console.log(`reusing seeded database ${name}`);
    return name;
  }
  const partial = `${name}_partial`;
  await admin(
    sql.raw(`DROP DATABASE IF EXISTS ${partial} WITH (FORCE)`),
    sql.raw(`CREATE DATABASE ${partial} TEMPLATE ${template}`),
  );
  console.log(`seeding ${count} meldingen (pnpm db:seed:meldingen) …`);
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', seedCli, '--count', String(count)],
    { env: { ...process.env, DATABASE_URL: databaseUrlFor(partial) }, maxBuffer: 16 * 1024 * 1024 },
  );
  console.log(stdout.trim().split('\n').slice(-1)[0]);
  await admin(sql.raw(`ALTER DATABASE ${partial} RENAME TO ${name}`));
  return name;
}
