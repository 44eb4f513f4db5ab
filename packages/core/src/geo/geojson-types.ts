// Minimal GeoJSON types for our area data. Our own, because `@types/geojson` is not a direct
// dependency of this package; they are structurally compatible with what turf expects.

export type Position = [number, number] | number[];

export interface PolygonGeometry {
  type: 'Polygon';
  coordinates: Position[][];
}

export interface MultiPolygonGeometry {
  type: 'MultiPolygon';
  coordinates: Position[][][];
}

export type AreaGeometry = PolygonGeometry | MultiPolygonGeometry;

export interface AreaProperties {
  /** CBS code: GM…, WK… or BU… */
  code: string;
  naam: string;
}

export interface AreaFeature {
  type: 'Feature';
  properties: AreaProperties;
  geometry: AreaGeometry;
}

export interface AreaMeta {
  approximate: boolean;
  note: string;
  source: string;
  crs: string;
}

export interface AreaCollection {
  type: 'FeatureCollection';
  meta: AreaMeta;
  features: AreaFeature[];
}
