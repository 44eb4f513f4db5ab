import {
  cellBoundaryPolygon,
  cellCentre,
  cellsInBbox,
  findWijk,
  type H3Resolution,
  storedCellResolution,
} from '@buurtsignaal/core';
import type { CellProfile, CellProfileQuery, HotspotMap, HotspotQuery } from '@buurtsignaal/core/contract';
import type { DbOrTx } from '@buurtsignaal/db';
import {
  type CellCount,
  cellProfileCounts,
  countByCell,
  listPointsInBox,
  listPointsInCell,
  type MeldingPointRow,
} from '@buurtsignaal/db/queries/hotspot-map/hotspot-map';
import { ApiError } from '../errors.ts';
import { categoryView, statusView } from '../handling/melding-view.ts';
import type { StaffContext } from '../staff/access-policy.ts';
import { hotspotTexts } from '../texts/index.ts';
import { parseBbox, pointScopeFor, toFilter } from './hotspot-filters.ts';

/** Individual meldingen only at the finest resolution (the highest zooms). */
export const POINTS_RESOLUTION = 10;
export const MAX_MAP_POINTS = 1000;
export const MAX_CELL_MELDINGEN = 500;

export function cellView(cell: string, res: number, count: number) {
  return { cell, res, count, centre: cellCentre(cell), boundary: cellBoundaryPolygon(cell) };
}

function pointView(r: MeldingPointRow) {
  return {
    id: r.id,
    reference: r.reference,
    lat: r.lat,
    lng: r.lng,
    ...categoryView(r.category, r.subcategory),
    status: statusView(r.status),
    happenedAt: r.happenedAt,
  };
}

/** Points of a list fetched with limit + 1, and whether there were more. */
function truncated(rows: MeldingPointRow[], limit: number) {
  return { meldingen: rows.slice(0, limit).map(pointView), meldingenTruncated: rows.length > limit };
}

const byCountThenCell = (a: CellCount, b: CellCount) =>
  b.count - a.count || (a.cell < b.cell ? -1 : a.cell > b.cell ? 1 : 0);

/** The map's cells in a viewport, and at resolution 10 the meldingen the caller may see. */
export async function hotspotMap(
  db: DbOrTx,
  staff: StaffContext,
  query: HotspotQuery,
  now: Date,
): Promise<HotspotMap> {
  const bbox = parseBbox(query.bbox);
  const filter = toFilter(query, now);
  const res = query.res as H3Resolution;
  const counts = (await countByCell(db, res, cellsInBbox(bbox, res), filter)).sort(byCountThenCell);
  const scope = res === POINTS_RESOLUTION ? pointScopeFor(staff, MAX_MAP_POINTS + 1) : null;
  const points = scope ? truncated(await listPointsInBox(db, bbox, filter, scope), MAX_MAP_POINTS) : null;
  return {
    res,
    period: { from: filter.from, to: filter.to },
    total: counts.reduce((n, c) => n + c.count, 0),
    maxCount: counts[0]?.count ?? 0,
    cells: counts.map((c) => cellView(c.cell, res, c.count)),
    meldingen: points?.meldingen ?? null,
    meldingenTruncated: points?.meldingenTruncated ?? false,
  };
}

/** One cell: counts per category, weekday × hour, trend per ISO week, and its meldingen. */
export async function cellProfile(
  db: DbOrTx,
  staff: StaffContext,
  cell: string,
  query: CellProfileQuery,
  now: Date,
): Promise<CellProfile> {
  const res = storedCellResolution(cell);
  if (res === null) {
    throw new ApiError(400, 'INVALID_CELL', hotspotTexts.cellInvalid, [
      { field: 'cell', message: hotspotTexts.cellInvalid },
    ]);
  }
  const filter = toFilter(query, now);
  const counts = await cellProfileCounts(db, res, cell, filter);
  const matrix = Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => 0));
  for (const m of counts.matrix) {
    const row = matrix[m.weekday - 1];
    if (row) row[m.hour] = m.count;
  }
  const scope = pointScopeFor(staff, MAX_CELL_MELDINGEN + 1);
  const points = scope
    ? truncated(await listPointsInCell(db, res, cell, filter, scope), MAX_CELL_MELDINGEN)
    : null;
  const centre = cellCentre(cell);
  return {
    cell,
    res,
    centre,
    boundary: cellBoundaryPolygon(cell),
    wijk: findWijk(centre.lat, centre.lng),
    period: { from: filter.from, to: filter.to },
    total: counts.matrix.reduce((n, m) => n + m.count, 0),
    byCategory: counts.byCategory.map((c) => ({
      category: categoryView(c.category, null).category,
      count: c.count,
    })),
    matrix,
    trend: counts.trend,
    meldingen: points?.meldingen ?? null,
    meldingenTruncated: points?.meldingenTruncated ?? false,
  };
}
