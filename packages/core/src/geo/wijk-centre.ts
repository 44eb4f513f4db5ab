import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { wijkenCollection } from './areas.ts';

export interface WijkCentre {
  lat: number;
  lng: number;
  /** Metres from the centre to the wijk's farthest corner: the accuracy of "somewhere in the wijk". */
  radius: number;
}

const metres = (a: { lat: number; lng: number }, b: { lat: number; lng: number }): number =>
  Math.hypot((a.lat - b.lat) * 111_320, (a.lng - b.lng) * 111_320 * Math.cos((a.lat * Math.PI) / 180));

/**
 * A point inside the wijk near its middle, for a melding whose place is known only as "in this wijk".
 * The average of the outline's corners when that lies inside; else the inside point of a grid over the
 * wijk's bounding box that is nearest to it (a concave wijk may have its average outside).
 */
export function wijkCentre(code: string): WijkCentre | null {
  const feature = wijkenCollection.features.find((f) => f.properties.code === code);
  if (!feature) return null;
  const rings =
    feature.geometry.type === 'Polygon'
      ? [feature.geometry.coordinates[0] ?? []]
      : feature.geometry.coordinates.map((p) => p[0] ?? []);
  const corners = rings.flat().map(([lng = 0, lat = 0]) => ({ lat, lng }));
  if (corners.length === 0) return null;
  const mean = {
    lat: corners.reduce((s, c) => s + c.lat, 0) / corners.length,
    lng: corners.reduce((s, c) => s + c.lng, 0) / corners.length,
  };
  const inside = (p: { lat: number; lng: number }) => booleanPointInPolygon([p.lng, p.lat], feature.geometry);
  let centre = mean;
  if (!inside(mean)) {
    const lats = corners.map((c) => c.lat);
    const lngs = corners.map((c) => c.lng);
    const [south, north, west, east] = [
      Math.min(...lats),
      Math.max(...lats),
      Math.min(...lngs),
      Math.max(...lngs),
    ];
    const steps = 24;
    let best: { lat: number; lng: number } | undefined;
    for (let i = 0; i <= steps; i++) {
      for (let j = 0; j <= steps; j++) {
        const p = { lat: south + ((north - south) * i) / steps, lng: west + ((east - west) * j) / steps };
        if (inside(p) && (!best || metres(p, mean) < metres(best, mean))) best = p;
      }
    }
    if (!best) return null;
    centre = best;
  }
  const radius = Math.max(...corners.map((c) => metres(c, centre)));
  return { ...centre, radius: Math.round(radius) };
}
