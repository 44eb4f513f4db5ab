import { DataDirLockedError } from '../data-dir-lock.ts';
import { openCliDatabase } from './cli-env.ts';

// pnpm db:migrate — applies the committed SQL migrations (idempotent).
try {
  const { database, describe, close } = await openCliDatabase();
  try {
    await database.migrate();
    console.log(`migrations applied to ${describe}`);
  } finally {
    await close();
  }
} catch (err) {
  console.error(err instanceof DataDirLockedError ? err.message : err);
  process.exit(1);
}
