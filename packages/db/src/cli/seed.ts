import { DataDirLockedError } from '../data-dir-lock.ts';
import { seedReferenceData, seedStarterContent } from '../seed.ts';
import { generateShiftInstancesAhead } from '../tables/shift-instances-generation.ts';
import { openCliDatabase } from './cli-env.ts';

// pnpm db:seed — migrates, then inserts Soest's reference data (teams, rosters, routing rules) and the
// starter content (standard texts, a hotspot rule), and
// generates the shift instances of the coming six weeks; safe to run again.
try {
  const { database, describe, close } = await openCliDatabase();
  try {
    await database.migrate();
    await seedReferenceData(database.db);
    await seedStarterContent(database.db);
    const generated = await generateShiftInstancesAhead(database.db, { now: new Date() });
    const added = generated.reduce((n, r) => n + r.added, 0);
    console.log(`reference data seeded in ${describe} (${added} shift instances added)`);
  } finally {
    await close();
  }
} catch (err) {
  console.error(err instanceof DataDirLockedError ? err.message : err);
  process.exit(1);
}
