import type { RepeatQuery } from '@buurtsignaal/core';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../client.ts';
import { rows, ts } from '../../sql-rows.ts';

// "Repeat at the place": meldingen of a category within R metres and D days. No PostGIS: a bounding box
// (served by the category/created_at index) narrows, the haversine distance decides.

const EARTH_RADIUS_M = 6_371_000;
const METRES_PER_DEGREE_LAT = 111_320;

export interface RepeatAt extends RepeatQuery {
  lat: number;
  lng: number;
  /** The window ends here (the melding's time of reporting), inclusive; it starts `days` before. */
  until: Date;
}

/** The number of meldingen of the category reported within the radius in (until − days, until]. */
export async function countRepeats(db: DbOrTx, q: RepeatAt): Promise<number> {
  const dLat = q.radiusMetres / METRES_PER_DEGREE_LAT;
  const dLng = q.radiusMetres / (METRES_PER_DEGREE_LAT * Math.max(0.01, Math.cos((q.lat * Math.PI) / 180)));
  const since = new Date(q.until.getTime() - q.days * 86_400_000);
  const [row] = await rows<{ n: number | string }>(
    db,
    sql`
      SELECT count(*) AS n FROM meldingen
      WHERE category = ${q.category}
        AND created_at > ${ts(since)} AND created_at <= ${ts(q.until)}
        AND lat BETWEEN ${q.lat - dLat} AND ${q.lat + dLat}
        AND lng BETWEEN ${q.lng - dLng} AND ${q.lng + dLng}
        AND 2 * ${EARTH_RADIUS_M} * asin(sqrt(
              power(sin(radians(lat - ${q.lat}) / 2), 2)
              + cos(radians(${q.lat})) * cos(radians(lat)) * power(sin(radians(lng - ${q.lng}) / 2), 2)
            )) <= ${q.radiusMetres}`,
  );
  return Number(row?.n ?? 0);
}
