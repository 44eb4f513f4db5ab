import {
  cellToBoundary,
  cellToLatLng,
  getResolution,
  isValidCell,
  POLYGON_TO_CELLS_FLAGS,
  polygonToCellsExperimental,
} from 'h3-js';
import type { PolygonGeometry } from './geojson-types.ts';
import { H3_RESOLUTIONS, type H3Resolution } from './h3-cells.ts';

/** A WGS84 bounding box in degrees, in the order of GeoJSON and Leaflet's toBBoxString(). */
export interface Bbox {
  minLng: number;
  minLat: number;
  maxLng: number;
  maxLat: number;
}

export const isH3Resolution = (res: number): res is H3Resolution =>
  (H3_RESOLUTIONS as readonly number[]).includes(res);

/** The resolution of a valid H3 cell that meldingen store (7..10), else null. */
export function storedCellResolution(cell: string): H3Resolution | null {
  if (!isValidCell(cell)) return null;
  const res = getResolution(cell);
  return isH3Resolution(res) ? res : null;
}

/** The cell's outline as a closed GeoJSON ring ([lng, lat], first point repeated at the end). */
export function cellBoundaryPolygon(cell: string): PolygonGeometry {
  // As GeoJSON, h3-js already closes the ring.
  return { type: 'Polygon', coordinates: [cellToBoundary(cell, true)] };
}

export function cellCentre(cell: string): { lat: number; lng: number } {
  const [lat, lng] = cellToLatLng(cell);
  return { lat, lng };
}

/**
 * Every cell of `res` that overlaps the box (also cells only partly inside it), so that a map shows
 * no gaps at its edges.
 */
export function cellsInBbox(bbox: Bbox, res: H3Resolution): string[] {
  const { minLng, minLat, maxLng, maxLat } = bbox;
  const ring = [
    [minLng, minLat],
    [maxLng, minLat],
    [maxLng, maxLat],
    [minLng, maxLat],
    [minLng, minLat],
  ];
  return polygonToCellsExperimental([ring], res, POLYGON_TO_CELLS_FLAGS.containmentOverlapping, true);
}
