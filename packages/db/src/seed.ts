import { defaultTeams } from '@buurtsignaal/core';
import type { DbOrTx } from './client.ts';
import { teams } from './schema.ts';

/** Reference data every installation needs (Soest's teams); safe to run on every start. */
export async function seedReferenceData(db: DbOrTx): Promise<void> {
  await db
    .insert(teams)
    .values(defaultTeams.map((t) => ({ id: t.id, name: t.name })))
    .onConflictDoNothing();
}
