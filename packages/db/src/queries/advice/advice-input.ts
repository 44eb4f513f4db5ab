// What the roster advice reads of the meldingen: per H3 cell (r9), category, subcategory and Amsterdam
// hour of a day, how many residents reported — aggregated in the database, so that a team's eight weeks
// of a million-melding history cross the wire as a few thousand rows. No description, contact or address.
import type { AdviceMelding } from '@buurtsignaal/core/advice';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../client.ts';
import { rows, toDate, ts } from '../../sql-rows.ts';

export interface AdviceInputQuery {
  teamId: string;
  from: Date;
  to: Date;
  /** Only these categories (the evaluation asks for one); all when absent. */
  category?: string;
}

/**
 * The team's resident meldingen in [from, to), one row per cell, category, subcategory and local
 * hour (the earliest happened_at of the row stands for all of them). Cancelled meldingen (duplicates,
 * mistakes) and meldingen made by staff are left out.
 */
export async function adviceInput(db: DbOrTx, q: AdviceInputQuery): Promise<AdviceMelding[]> {
  const hour = sql`date_trunc('hour', happened_at AT TIME ZONE 'Europe/Amsterdam')`;
  const result = await rows<{
    cell: string;
    category: string;
    subcategory: string | null;
    at: Date | string;
    slot: number;
    count: number;
  }>(
    db,
    sql`SELECT h3_r9 AS cell, category, subcategory, min(happened_at) AS at, count(*)::int AS count,
               ((extract(isodow FROM ${hour})::int - 1) * 24 + extract(hour FROM ${hour})::int) AS slot
          FROM meldingen
         WHERE team_id = ${q.teamId}
           AND happened_at >= ${ts(q.from)} AND happened_at < ${ts(q.to)}
           AND origin = 'resident' AND status <> 'geannuleerd'
           ${q.category ? sql`AND category = ${q.category}` : sql``}
         GROUP BY h3_r9, category, subcategory, ${hour}`,
  );
  return result.map((r) => ({
    cell: r.cell,
    category: r.category,
    subcategory: r.subcategory,
    happenedAt: toDate(r.at),
    origin: 'resident',
    count: r.count,
    slot: r.slot,
  }));
}
