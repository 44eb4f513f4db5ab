import type { AreaGeometry } from '@buurtsignaal/core';
import type { AreaImportReport } from '@buurtsignaal/core/contract';
import { ApiError } from '../errors.ts';
import { areaTexts as t } from '../texts/index.ts';

// Reads the CBS Wijk- en Buurtkaart as GeoJSON (the wijken or buurten layer, or both): features with
// WK_CODE/WK_NAAM (a wijk) or BU_CODE/BU_NAAM (a buurt) and GM_CODE, (Multi)Polygons in WGS84. Only
// the chosen gemeente is kept; a file that is no such map is refused with a reason, a single feature
// that cannot be used is reported and skipped.

export interface CbsArea {
  code: string;
  naam: string;
  kind: 'wijk' | 'buurt';
  gemeenteCode: string;
  geometry: AreaGeometry;
}

export interface CbsParseResult {
  areas: CbsArea[];
  report: Omit<AreaImportReport, 'removed'>;
}

type Props = Record<string, unknown>;
const str = (p: Props, key: string) => {
  const v = p[key];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
};
const fileError = (message: string) =>
  new ApiError(400, 'AREA_FILE_INVALID', message, [{ field: 'file', message }]);

function positions(geometry: AreaGeometry): unknown[] {
  return geometry.type === 'Polygon' ? geometry.coordinates.flat() : geometry.coordinates.flat(2);
}
const isLngLat = (p: unknown) =>
  Array.isArray(p) &&
  p.length >= 2 &&
  typeof p[0] === 'number' &&
  typeof p[1] === 'number' &&
  Math.abs(p[0]) <= 180 &&
  Math.abs(p[1]) <= 90;

function geometryOf(value: unknown): AreaGeometry | null {
  const g = value as { type?: unknown; coordinates?: unknown } | null;
  if (!g || !Array.isArray(g.coordinates)) return null;
  if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') return null;
  const geometry = g as AreaGeometry;
  const all = positions(geometry);
  return all.length >= 4 && all.every(Array.isArray) ? geometry : null;
}

/** Parses the file's text for `gemeenteCode` (GM0342); throws AREA_FILE_INVALID for a wrong file. */
export function parseCbsWijkBuurt(text: string, gemeenteCode: string): CbsParseResult {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw fileError(t.notJson);
  }
  const fc = data as { type?: unknown; features?: unknown };
  if (fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features))
    throw fileError(t.notFeatureCollection);
  const features = fc.features as { properties?: Props | null; geometry?: unknown }[];
  const isCbs = (p: Props) => str(p, 'BU_CODE') !== null || str(p, 'WK_CODE') !== null;
  if (!features.some((f) => f?.properties && isCbs(f.properties))) throw fileError(t.noCbsProperties);

  const report: CbsParseResult['report'] = {
    gemeenteCode,
    wijken: 0,
    buurten: 0,
    skippedOtherGemeente: 0,
    problems: [],
  };
  const others = new Set<string>();
  const areas: CbsArea[] = [];
  features.forEach((f, index) => {
    const p = f?.properties ?? {};
    const kind = str(p, 'BU_CODE') ? 'buurt' : 'wijk';
    const code = kind === 'buurt' ? str(p, 'BU_CODE') : str(p, 'WK_CODE');
    const naam = kind === 'buurt' ? str(p, 'BU_NAAM') : str(p, 'WK_NAAM');
    // GM_CODE, or else the gemeente digits inside the code (WK034201 → GM0342).
    const gm = str(p, 'GM_CODE') ?? (code ? `GM${code.slice(2, 6)}` : null);
    if (gm !== gemeenteCode) {
      report.skippedOtherGemeente += 1;
      if (gm) others.add(gm);
      return;
    }
    if (!code || !naam) {
      report.problems.push({ index, code, message: t.noCode });
      return;
    }
    const geometry = geometryOf(f.geometry);
    if (!geometry) {
      report.problems.push({ index, code, message: t.noPolygon });
      return;
    }
    if (!positions(geometry).every(isLngLat)) throw fileError(t.notWgs84);
    areas.push({ code, naam, kind, gemeenteCode, geometry });
    if (kind === 'wijk') report.wijken += 1;
    else report.buurten += 1;
  });
  if (areas.length === 0) throw fileError(t.noneOfGemeente(gemeenteCode, [...others].sort()));
  return { areas, report };
}
