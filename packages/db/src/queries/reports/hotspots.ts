import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../client.ts';
import { type CellResolution, cellColumn, rows, toDate, ts } from '../../sql-rows.ts';

// The weekly overview's view of the hotspot tables (written by the hotspot detection): which hotspots
// were active in a period, and when their meldingen happen.

export interface ActiveHotspotRow {
  id: string;
  cell: string;
  resolution: number;
  wijkCode: string | null;
  category: string | null;
  subcategory: string | null;
  windowDays: number;
  since: Date;
  lastCount: number;
}

/** Hotspots that were active at some moment of [from, to): started before `to`, not ended before `from`. */
export async function listHotspotsActiveIn(
  db: DbOrTx,
  params: { from: Date; to: Date; limit: number },
): Promise<ActiveHotspotRow[]> {
  const result = await rows<{
    id: string;
    cell: string;
    resolution: number;
    wijk_code: string | null;
    category: string | null;
    subcategory: string | null;
    window_days: number;
    since: Date | string;
    last_count: number;
  }>(
    db,
    sql`SELECT h.id, h.cell, h.resolution, h.wijk_code, r.category, r.subcategory, r.window_days, h.since,
               h.last_count
          FROM hotspots h JOIN hotspot_rules r ON r.id = h.rule_id
         WHERE h.since < ${ts(params.to)} AND (h.ended_at IS NULL OR h.ended_at >= ${ts(params.from)})
         ORDER BY h.last_count DESC, h.since, h.cell
         LIMIT ${params.limit}`,
  );
  return result.map((r) => ({
    id: r.id,
    cell: r.cell,
    resolution: Number(r.resolution),
    wijkCode: r.wijk_code,
    category: r.category,
    subcategory: r.subcategory,
    windowDays: Number(r.window_days),
    since: toDate(r.since),
    lastCount: Number(r.last_count),
  }));
}

/**
 * weekdayHour[d][h]: meldingen in the cell (matching the rule's category/subcategory, not geannuleerd)
 * that happened in [from, to), on ISO weekday d+1 and hour h, Europe/Amsterdam.
 */
export async function hotspotTimeProfile(
  db: DbOrTx,
  hotspot: Pick<ActiveHotspotRow, 'cell' | 'resolution' | 'category' | 'subcategory'>,
  period: { from: Date; to: Date },
): Promise<number[][]> {
  const column = cellColumn[hotspot.resolution as CellResolution];
  const matrix = Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => 0));
  if (!column) return matrix;
  const where: SQL[] = [
    sql`${column} = ${hotspot.cell}`,
    sql`happened_at >= ${ts(period.from)}`,
    sql`happened_at < ${ts(period.to)}`,
    sql`status <> 'geannuleerd'`,
  ];
  if (hotspot.category !== null) where.push(sql`category = ${hotspot.category}`);
  if (hotspot.subcategory !== null) where.push(sql`subcategory = ${hotspot.subcategory}`);
  const local = sql`(happened_at AT TIME ZONE 'Europe/Amsterdam')`;
  const result = await rows<{ dow: number; hour: number; count: number }>(
    db,
    sql`SELECT extract(isodow FROM ${local})::int AS dow, extract(hour FROM ${local})::int AS hour,
               count(*)::int AS count
          FROM meldingen WHERE ${sql.join(where, sql` AND `)} GROUP BY 1, 2`,
  );
  for (const r of result) {
    const row = matrix[r.dow - 1];
    if (row) row[r.hour] = r.count;
  }
  return matrix;
}
