import { DataDirLockedError } from '../data-dir-lock.ts';
import { seedReferenceData } from '../seed.ts';
import { openCliDatabase } from './cli-env.ts';

// pnpm db:seed — migrates, then inserts Soest's reference data (teams); safe to run again.
try {
  const { database, describe, close } = await openCliDatabase();
  try {
    await database.migrate();
    await seedReferenceData(database.db);
    console.log(`reference data seeded in ${describe}`);
  } finally {
    await close();
  }
} catch (err) {
  console.error(err instanceof DataDirLockedError ? err.message : err);
  process.exit(1);
}
