import { hotspotWindow } from '@buurtsignaal/core';
import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../client.ts';
import { type CellResolution, cellColumn, rows } from '../../sql-rows.ts';

export type { CellResolution };

/** Weekday and hour are taken in this zone (DST-correct in SQL). */
const LOCAL = sql.raw(`'Europe/Amsterdam'`);
const localHappenedAt = sql`(happened_at AT TIME ZONE ${LOCAL})`;

export interface HotspotFilter {
  category?: string | undefined;
  subcategory?: string | undefined;
  /** happened_at >= from */
  from: Date;
  /** happened_at < to */
  to: Date;
  /** 1 = monday … 7 = sunday (ISO), Europe/Amsterdam. */
  weekday?: number | undefined;
  /** 0..23, Europe/Amsterdam. */
  hour?: number | undefined;
  /** Only these statuses; undefined: every status except geannuleerd. */
  statuses?: readonly string[] | undefined;
}

const textArray = (values: readonly string[]) => sql`${sql.param([...values])}::text[]`;

/** The WHERE conditions of a filter, shared by every hotspot query (and the benchmark's floor). */
export function hotspotConditions(filter: HotspotFilter): SQL {
  const where: SQL[] = [
    sql`happened_at >= ${filter.from.toISOString()}::timestamptz`,
    sql`happened_at < ${filter.to.toISOString()}::timestamptz`,
  ];
  if (filter.category !== undefined) where.push(sql`category = ${filter.category}`);
  if (filter.subcategory !== undefined) where.push(sql`subcategory = ${filter.subcategory}`);
  where.push(
    filter.statuses === undefined
      ? sql`status <> 'geannuleerd'`
      : sql`status = ANY(${textArray(filter.statuses)})`,
  );
  if (filter.weekday !== undefined) {
    where.push(sql`extract(isodow from ${localHappenedAt}) = ${filter.weekday}`);
  }
  if (filter.hour !== undefined) where.push(sql`extract(hour from ${localHappenedAt}) = ${filter.hour}`);
  return sql.join(where, sql` AND `);
}

export interface CellCount {
  cell: string;
  count: number;
}

/** Meldingen per cell of `res`, for the given cells only (the viewport). */
export async function countByCell(
  db: DbOrTx,
  res: CellResolution,
  cells: readonly string[],
  filter: HotspotFilter,
): Promise<CellCount[]> {
  if (cells.length === 0) return [];
  const column = cellColumn[res];
  return rows<CellCount>(
    db,
    sql`SELECT ${column} AS cell, count(*)::int AS count FROM meldingen
        WHERE ${column} = ANY(${textArray(cells)}) AND ${hotspotConditions(filter)}
        GROUP BY 1`,
  );
}

export interface MeldingPointRow {
  id: string;
  reference: string;
  lat: number;
  lng: number;
  category: string;
  subcategory: string | null;
  status: string;
  teamId: string | null;
  happenedAt: Date;
}

export interface PointScope {
  /** Only meldingen of these teams; undefined: every melding. */
  teamIds?: readonly string[] | undefined;
  limit: number;
}

const pointColumns = sql`id, reference, lat, lng, category, subcategory, status, team_id AS "teamId",
  happened_at AS "happenedAt"`;

function scopeCondition(scope: PointScope): SQL {
  return scope.teamIds === undefined ? sql`TRUE` : sql`team_id = ANY(${textArray(scope.teamIds)})`;
}

const asPoint = (r: MeldingPointRow): MeldingPointRow => ({
  ...r,
  lat: Number(r.lat),
  lng: Number(r.lng),
  happenedAt: new Date(r.happenedAt),
});

/** Individual meldingen where `place` holds and the filter and scope allow, newest first. */
async function listPointsWhere(
  db: DbOrTx,
  place: SQL,
  filter: HotspotFilter,
  scope: PointScope,
): Promise<MeldingPointRow[]> {
  const found = await rows<MeldingPointRow>(
    db,
    sql`SELECT ${pointColumns} FROM meldingen
        WHERE ${place} AND ${hotspotConditions(filter)} AND ${scopeCondition(scope)}
        ORDER BY happened_at DESC, id LIMIT ${scope.limit}`,
  );
  return found.map(asPoint);
}

/** Individual meldingen inside a box, newest first (at most scope.limit). */
export async function listPointsInBox(
  db: DbOrTx,
  box: { minLng: number; minLat: number; maxLng: number; maxLat: number },
  filter: HotspotFilter,
  scope: PointScope,
): Promise<MeldingPointRow[]> {
  const inBox = sql`lat BETWEEN ${box.minLat} AND ${box.maxLat} AND lng BETWEEN ${box.minLng} AND ${box.maxLng}`;
  return listPointsWhere(db, inBox, filter, scope);
}

/** Individual meldingen in one cell, newest first (at most scope.limit). */
export async function listPointsInCell(
  db: DbOrTx,
  res: CellResolution,
  cell: string,
  filter: HotspotFilter,
  scope: PointScope,
): Promise<MeldingPointRow[]> {
  return listPointsWhere(db, sql`${cellColumn[res]} = ${cell}`, filter, scope);
}

export interface CellProfileCounts {
  byCategory: { category: string; count: number }[];
  /** Non-zero cells of the weekday × hour matrix (weekday 1..7, hour 0..23, Europe/Amsterdam). */
  matrix: { weekday: number; hour: number; count: number }[];
  /** Every ISO week of the period (Europe/Amsterdam), zeros included, oldest first. */
  trend: { week: string; start: string; count: number }[];
}

/** The numbers of one cell's profile. byCategory ignores the category/subcategory filter. */
export async function cellProfileCounts(
  db: DbOrTx,
  res: CellResolution,
  cell: string,
  filter: HotspotFilter,
): Promise<CellProfileCounts> {
  const inCell = sql`${cellColumn[res]} = ${cell}`;
  const all = hotspotConditions(filter);
  const anyCategory = hotspotConditions({ ...filter, category: undefined, subcategory: undefined });
  const byCategory = await rows<{ category: string; count: number }>(
    db,
    sql`SELECT category, count(*)::int AS count FROM meldingen WHERE ${inCell} AND ${anyCategory}
        GROUP BY 1 ORDER BY 2 DESC, 1`,
  );
  const matrix = await rows<{ weekday: number; hour: number; count: number }>(
    db,
    sql`SELECT extract(isodow from ${localHappenedAt})::int AS weekday,
               extract(hour from ${localHappenedAt})::int AS hour, count(*)::int AS count
        FROM meldingen WHERE ${inCell} AND ${all} GROUP BY 1, 2`,
  );
  const from = sql`(${filter.from.toISOString()}::timestamptz AT TIME ZONE ${LOCAL})`;
  const lastInstant = sql`((${filter.to.toISOString()}::timestamptz - interval '1 microsecond') AT TIME ZONE ${LOCAL})`;
  const trend = await rows<{ week: string; start: string; count: number }>(
    db,
    sql`WITH weeks AS (
          SELECT generate_series(date_trunc('week', ${from}), date_trunc('week', ${lastInstant}),
                                 interval '1 week') AS start
        ), counts AS (
          SELECT date_trunc('week', ${localHappenedAt}) AS start, count(*)::int AS n
          FROM meldingen WHERE ${inCell} AND ${all} GROUP BY 1
        )
        SELECT to_char(w.start, 'IYYY-"W"IW') AS week, to_char(w.start, 'YYYY-MM-DD') AS start,
               coalesce(c.n, 0)::int AS count
        FROM weeks w LEFT JOIN counts c ON c.start = w.start ORDER BY w.start`,
  );
  return { byCategory, matrix, trend };
}

/**
 * The cells of the rule's resolution with at least minCount meldingen (of its category and
 * subcategory, geannuleerd not counted) that happened in the windowDays before `now`.
 */
export async function countByCellForRule(
  db: DbOrTx,
  rule: {
    category: string | null;
    subcategory: string | null;
    resolution: number;
    minCount: number;
    windowDays: number;
  },
  now: Date,
): Promise<CellCount[]> {
  const column = cellColumn[rule.resolution as CellResolution];
  if (!column) throw new Error(`hotspot rule resolution ${rule.resolution} is not stored`);
  // The window and the threshold are core's (hotspotWindow, meetsHotspotRule); the HAVING only keeps
  // cells that cannot meet the rule out of the result.
  const filter: HotspotFilter = {
    category: rule.category ?? undefined,
    subcategory: rule.subcategory ?? undefined,
    ...hotspotWindow(rule, now),
  };
  return rows<CellCount>(
    db,
    sql`SELECT ${column} AS cell, count(*)::int AS count FROM meldingen WHERE ${hotspotConditions(filter)}
        GROUP BY 1 HAVING count(*) >= ${rule.minCount} ORDER BY 1`,
  );
}
