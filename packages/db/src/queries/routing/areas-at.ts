import { type AreaMatch, matchAreas, sampleAreaCodes, sampleAreaMatches } from '@buurtsignaal/core';
import type { DbOrTx } from '../../client.ts';
import { areasWithBoxAt } from '../../tables/areas-repository.ts';
import { type ConfigView, configOf } from '../config/config-cache.ts';

export interface AreaContext {
  /** The wijk and buurt that contain the point. */
  areas: AreaMatch[];
  /** Every area code that exists now (rules naming another are flagged). */
  knownAreaCodes: Set<string>;
  source: 'imported' | 'sample';
}

/** Imported CBS areas when there are any; otherwise the sample wijken of core (geo/areas.ts). */
export async function areaContextAt(
  db: DbOrTx,
  lat: number,
  lng: number,
  view?: ConfigView,
): Promise<AreaContext> {
  const codes = [...(await configOf(db, view).areaNames()).keys()];
  if (codes.length === 0) {
    return { areas: sampleAreaMatches(lat, lng), knownAreaCodes: sampleAreaCodes(), source: 'sample' };
  }
  const candidates = await areasWithBoxAt(db, lat, lng);
  return {
    areas: matchAreas(candidates, lat, lng),
    knownAreaCodes: new Set(codes),
    source: 'imported',
  };
}
