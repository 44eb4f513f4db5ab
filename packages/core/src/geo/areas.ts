import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import gemeenteJson from './data/soest-gemeente.geojson.json' with { type: 'json' };
import wijkenJson from './data/soest-wijken.geojson.json' with { type: 'json' };
import type { AreaCollection, AreaFeature, AreaProperties } from './geojson-types.ts';

// The JSON import widens "Polygon" to string; check the shape once at load and narrow it.
function asAreaCollection(data: unknown, name: string): AreaCollection {
  const fc = data as AreaCollection;
  const ok =
    fc?.type === 'FeatureCollection' &&
    Array.isArray(fc.features) &&
    fc.features.every(
      (f) =>
        f.type === 'Feature' &&
        typeof f.properties?.code === 'string' &&
        typeof f.properties.naam === 'string' &&
        (f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon'),
    );
  if (!ok) throw new Error(`geo data ${name} is not a FeatureCollection of (Multi)Polygons`);
  return fc;
}

/** Approximate sample of gemeente Soest (GM0342); see src/geo/data/README.md. */
export const municipalityBoundary: AreaCollection = asAreaCollection(gemeenteJson, 'soest-gemeente');
/** Approximate sample of the wijken of Soest, tiling the boundary; see src/geo/data/README.md. */
export const wijkenCollection: AreaCollection = asAreaCollection(wijkenJson, 'soest-wijken');

export type Wijk = AreaProperties;

const contains = (feature: AreaFeature, lat: number, lng: number): boolean =>
  booleanPointInPolygon([lng, lat], feature.geometry);

const validCoordinate = (lat: number, lng: number): boolean =>
  Number.isFinite(lat) && Number.isFinite(lng) && Math.abs(lat) <= 90 && Math.abs(lng) <= 180;

/** True when the point lies inside (or on the edge of) the municipality. */
export function isInsideMunicipality(lat: number, lng: number): boolean {
  if (!validCoordinate(lat, lng)) return false;
  return municipalityBoundary.features.some((f) => contains(f, lat, lng));
}

/** The wijk that contains the point, or null outside every wijk. On a shared edge the first wins. */
export function findWijk(lat: number, lng: number): Wijk | null {
  if (!validCoordinate(lat, lng)) return null;
  const found = wijkenCollection.features.find((f) => contains(f, lat, lng));
  return found ? { code: found.properties.code, naam: found.properties.naam } : null;
}

export function listWijken(): Wijk[] {
  return wijkenCollection.features.map((f) => ({ code: f.properties.code, naam: f.properties.naam }));
}
