import type { AreaGeometry } from '@buurtsignaal/core';
import { and, asc, eq, gte, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { areas } from '../schema.ts';

// Wijk and buurt polygons (CBS Wijk- en Buurtkaart). No PostGIS: the geometry as GeoJSON and its
// bounding box, so a point's candidates come from an index and the polygon test runs in JS (core).

export interface AreaInput {
  code: string;
  naam: string;
  kind: 'wijk' | 'buurt';
  gemeenteCode: string;
  geometry: AreaGeometry;
}

export interface AreaRow extends AreaInput {
  minLat: number;
  minLng: number;
  maxLat: number;
  maxLng: number;
  importedAt: Date;
}

function bbox(geometry: AreaGeometry) {
  const rings = geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
  let minLat = Number.POSITIVE_INFINITY;
  let minLng = Number.POSITIVE_INFINITY;
  let maxLat = Number.NEGATIVE_INFINITY;
  let maxLng = Number.NEGATIVE_INFINITY;
  for (const ring of rings) {
    for (const [lng = Number.NaN, lat = Number.NaN] of ring) {
      minLat = Math.min(minLat, lat);
      maxLat = Math.max(maxLat, lat);
      minLng = Math.min(minLng, lng);
      maxLng = Math.max(maxLng, lng);
    }
  }
  if (![minLat, minLng, maxLat, maxLng].every(Number.isFinite)) throw new Error('area without coordinates');
  return { minLat, minLng, maxLat, maxLng };
}

/** Inserts or replaces the areas of an import (same code: the new geometry and name). */
export async function upsertAreas(db: DbOrTx, input: readonly AreaInput[], at: Date): Promise<number> {
  if (input.length === 0) return 0;
  const rows = input.map((a) => ({ ...a, ...bbox(a.geometry), importedAt: at }));
  const written = await db
    .insert(areas)
    .values(rows)
    .onConflictDoUpdate({
      target: areas.code,
      set: {
        naam: sql`excluded.naam`,
        kind: sql`excluded.kind`,
        gemeenteCode: sql`excluded.gemeente_code`,
        geometry: sql`excluded.geometry`,
        minLat: sql`excluded.min_lat`,
        minLng: sql`excluded.min_lng`,
        maxLat: sql`excluded.max_lat`,
        maxLng: sql`excluded.max_lng`,
        importedAt: sql`excluded.imported_at`,
      },
    })
    .returning({ code: areas.code });
  return written.length;
}

/** Areas of a gemeente that a new import no longer has are removed (rules naming them get flagged). */
export async function deleteAreasNotIn(
  db: DbOrTx,
  gemeenteCode: string,
  keep: readonly string[],
): Promise<number> {
  const deleted = await db
    .delete(areas)
    .where(
      and(
        eq(areas.gemeenteCode, gemeenteCode),
        keep.length > 0
          ? sql`${areas.code} not in (${sql.join(
              keep.map((c) => sql`${c}`),
              sql`, `,
            )})`
          : undefined,
      ),
    )
    .returning({ code: areas.code });
  return deleted.length;
}

export async function listAreas(db: DbOrTx, filter: { gemeenteCode?: string } = {}): Promise<AreaRow[]> {
  const query = db.select().from(areas);
  const filtered = filter.gemeenteCode ? query.where(eq(areas.gemeenteCode, filter.gemeenteCode)) : query;
  const found = await filtered.orderBy(asc(areas.kind), asc(areas.code));
  return found.map((r) => ({ ...r, kind: r.kind === 'buurt' ? 'buurt' : 'wijk' }));
}

/** The areas whose bounding box holds the point (candidates for the polygon test). */
export async function areasWithBoxAt(db: DbOrTx, lat: number, lng: number): Promise<AreaRow[]> {
  const found = await db
    .select()
    .from(areas)
    .where(
      and(lte(areas.minLat, lat), gte(areas.maxLat, lat), lte(areas.minLng, lng), gte(areas.maxLng, lng)),
    );
  return found.map((r) => ({ ...r, kind: r.kind === 'buurt' ? 'buurt' : 'wijk' }));
}
