import type { RepeatQuery } from '@buurtsignaal/core';
import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../client.ts';
import { rows, ts } from '../../sql-rows.ts';

// "Repeat at the place": meldingen of a category within R metres and D days. No PostGIS: a bounding box
// (served by the category/created_at index) narrows, the haversine distance decides. All the windows a
// melding's rules ask for are counted in one statement.

const EARTH_RADIUS_M = 6_371_000;
const METRES_PER_DEGREE_LAT = 111_320;

export interface RepeatPlace {
  category: string;
  lat: number;
  lng: number;
  /** Each window ends here (the melding's time of reporting), inclusive; it starts `days` before. */
  until: Date;
}

const sinceFor = (until: Date, days: number) => new Date(until.getTime() - days * 86_400_000);

/**
 * For each query (same category as the place), the number of meldingen of the category reported
 * within its radius in (until − days, until], in the order of `queries`.
 */
export async function countRepeatsAt(
  db: DbOrTx,
  place: RepeatPlace,
  queries: readonly Pick<RepeatQuery, 'radiusMetres' | 'days'>[],
): Promise<number[]> {
  if (queries.length === 0) return [];
  const radius = Math.max(...queries.map((q) => q.radiusMetres));
  const days = Math.max(...queries.map((q) => q.days));
  const dLat = radius / METRES_PER_DEGREE_LAT;
  const dLng = radius / (METRES_PER_DEGREE_LAT * Math.max(0.01, Math.cos((place.lat * Math.PI) / 180)));
  const counts: SQL[] = queries.map(
    (q, i) =>
      sql`count(*) FILTER (WHERE d <= ${q.radiusMetres} AND created_at > ${ts(sinceFor(place.until, q.days))}) AS ${sql.raw(`c${i}`)}`,
  );
  const [row] = await rows<Record<string, number | string>>(
    db,
    sql`
      SELECT ${sql.join(counts, sql`, `)} FROM (
        SELECT created_at, 2 * ${EARTH_RADIUS_M} * asin(sqrt(
                 power(sin(radians(lat - ${place.lat}) / 2), 2)
                 + cos(radians(${place.lat})) * cos(radians(lat)) * power(sin(radians(lng - ${place.lng}) / 2), 2)
               )) AS d
        FROM meldingen
        WHERE category = ${place.category}
          AND created_at > ${ts(sinceFor(place.until, days))} AND created_at <= ${ts(place.until)}
          AND lat BETWEEN ${place.lat - dLat} AND ${place.lat + dLat}
          AND lng BETWEEN ${place.lng - dLng} AND ${place.lng + dLng}
      ) near`,
  );
  return queries.map((_, i) => Number(row?.[`c${i}`] ?? 0));
}
