import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from './client.ts';

// The helpers the raw-SQL repositories and queries share (once, here).

/**
 * Runs a raw query and returns its rows. Both drivers (node-postgres, PGlite) answer `{ rows }` for a
 * raw query; `Row` is what the caller's SELECT or RETURNING names (the driver does not check it).
 */
export async function rows<Row>(db: DbOrTx, query: SQL): Promise<Row[]> {
  const result: unknown = await db.execute(query);
  if (typeof result !== 'object' || result === null || !('rows' in result) || !Array.isArray(result.rows)) {
    throw new Error('rows: the driver answered without rows');
  }
  return result.rows;
}

/** A Date as a timestamptz parameter. */
export const ts = (d: Date): SQL => sql`${d.toISOString()}::timestamptz`;

/** Raw timestamps come back as Date (node-postgres, PGlite) or, in some setups, as text. */
export const toDate = (v: Date | string): Date => (v instanceof Date ? v : new Date(v));

/** Stored cell resolutions (meldingen.h3_r7 … h3_r10). */
export type CellResolution = 7 | 8 | 9 | 10;

/** The meldingen column of each stored H3 resolution. */
export const cellColumn: Record<CellResolution, SQL> = {
  7: sql.raw('h3_r7'),
  8: sql.raw('h3_r8'),
  9: sql.raw('h3_r9'),
  10: sql.raw('h3_r10'),
};
