import { listWijken } from '@buurtsignaal/core';
import type { AreaImportReport, AreaView } from '@buurtsignaal/core/contract';
import type { Db } from '@buurtsignaal/db';
import { deleteAreasNotIn, listAreas, upsertAreas } from '@buurtsignaal/db/tables/areas-repository';
import { parseCbsWijkBuurt } from './cbs-wijk-buurt.ts';

/** The gemeente of core's sample wijken. */
export const SAMPLE_GEMEENTE = 'GM0342';

/**
 * Imports a CBS Wijk- en Buurtkaart (GeoJSON text) for one gemeente into the areas table: its wijken
 * and buurten replace the gemeente's earlier ones, in one transaction. Shared by the CLI and the upload.
 */
export async function importCbsAreas(
  db: Db,
  input: { text: string; gemeenteCode: string; at: Date },
): Promise<AreaImportReport> {
  const { areas, report } = parseCbsWijkBuurt(input.text, input.gemeenteCode);
  const removed = await db.transaction(async (tx) => {
    await upsertAreas(tx, areas, input.at);
    return deleteAreasNotIn(
      tx,
      input.gemeenteCode,
      areas.map((a) => a.code),
    );
  });
  return { ...report, removed };
}

/** The imported areas, or core's sample wijken while nothing has been imported. */
export async function listKnownAreas(db: Db): Promise<{ source: 'sample' | 'imported'; areas: AreaView[] }> {
  const imported = await listAreas(db);
  if (imported.length > 0) {
    return {
      source: 'imported',
      areas: imported.map((a) => ({
        code: a.code,
        naam: a.naam,
        kind: a.kind,
        gemeenteCode: a.gemeenteCode,
        source: 'imported' as const,
      })),
    };
  }
  return {
    source: 'sample',
    areas: listWijken().map((w) => ({
      code: w.code,
      naam: w.naam,
      kind: 'wijk' as const,
      gemeenteCode: SAMPLE_GEMEENTE,
      source: 'sample' as const,
    })),
  };
}

export function createAreasService(deps: { db: Db; now: () => Date }) {
  return {
    list: () => listKnownAreas(deps.db),
    import: (text: string, gemeenteCode: string) =>
      importCbsAreas(deps.db, { text, gemeenteCode, at: deps.now() }),
  };
}
export type AreasService = ReturnType<typeof createAreasService>;
