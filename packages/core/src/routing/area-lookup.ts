// Which wijk and buurt contain a melding: the imported CBS areas when there are any (the candidates
// whose bounding box holds the point, tested here against their polygons), else the sample wijken.
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { findWijk, listWijken } from '../geo/areas.ts';
import type { AreaGeometry } from '../geo/geojson-types.ts';
import type { AreaMatch } from './routing-context.ts';

export interface AreaCandidate extends AreaMatch {
  geometry: AreaGeometry;
}

/** The candidates that contain the point (on an edge counts), wijk before buurt, then by code. */
export function matchAreas(candidates: readonly AreaCandidate[], lat: number, lng: number): AreaMatch[] {
  if (!Number.isFinite(lat) || !Number.isFinite(lng)) return [];
  return candidates
    .filter((a) => booleanPointInPolygon([lng, lat], a.geometry))
    .sort((a, b) => (a.kind === b.kind ? a.code.localeCompare(b.code) : a.kind === 'wijk' ? -1 : 1))
    .map(({ code, naam, kind }) => ({ code, naam, kind }));
}

/** The sample boundary's wijk (geo/areas.ts), the default until real areas are imported. */
export function sampleAreaMatches(lat: number, lng: number): AreaMatch[] {
  const wijk = findWijk(lat, lng);
  return wijk ? [{ code: wijk.code, naam: wijk.naam, kind: 'wijk' }] : [];
}

export const sampleAreaCodes = (): Set<string> => new Set(listWijken().map((w) => w.code));
