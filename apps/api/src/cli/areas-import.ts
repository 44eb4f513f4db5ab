import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { areaImportQuerySchema } from '@buurtsignaal/core/contract';
import { DataDirLockedError, openCliDatabase } from '@buurtsignaal/db';
import { importCbsAreas } from '../areas/areas-service.ts';
import { loadApiConfig } from '../config.ts';
import { isApiError } from '../errors.ts';
import { areaTexts } from '../texts/index.ts';

// pnpm areas:import FILE --gemeente GM0342
// Imports the wijken and buurten of one gemeente from a CBS Wijk- en Buurtkaart (GeoJSON) into the
// database of DATABASE_URL / DATA_DIR — the same importer as POST /api/v1/staff/admin/areas.

/** Runs the command on `argv`; resolves to the exit code. Exported for the test. */
export async function runAreasImport(
  argv: readonly string[],
  env: Record<string, string | undefined>,
  out: { log: (s: string) => void; error: (s: string) => void } = console,
): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: { gemeente: { type: 'string' } },
    allowPositionals: true,
  });
  const gemeente = areaImportQuerySchema.safeParse({ gemeente: values.gemeente });
  const [file] = positionals;
  if (!file || positionals.length > 1 || !gemeente.success) {
    out.error(areaTexts.cliUsage);
    return 2;
  }
  // pnpm runs the script at the repository root; the file is relative to where the user stands.
  const path = resolve(env.INIT_CWD ?? process.cwd(), file);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    out.error(areaTexts.cliUnreadable(path));
    return 1;
  }
  const config = loadApiConfig(env);
  const cli = await openCliDatabase({
    DATABASE_URL: config.databaseUrl,
    DATA_DIR: config.dataDir,
    INIT_CWD: env.INIT_CWD,
  });
  try {
    await cli.database.migrate();
    const report = await importCbsAreas(cli.database.db, {
      text,
      gemeenteCode: gemeente.data.gemeente,
      at: new Date(),
    });
    out.log(areaTexts.cliDone(report, cli.describe));
    for (const p of report.problems) out.log(areaTexts.cliProblem(p.index, p.code, p.message));
    return 0;
  } catch (err) {
    if (isApiError(err) || err instanceof DataDirLockedError) {
      out.error(err.message);
      return 1;
    }
    throw err;
  } finally {
    await cli.close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    process.exitCode = await runAreasImport(process.argv.slice(2), process.env);
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  }
}
