import { findWijk, listWijken, wijkenCollection } from '@buurtsignaal/core';

// A point inside each wijk of core's sample boundaries, for the dry run's "midden van een wijk". The
// middle of the bounding box when it lies in the wijk, else the grid point inside nearest to it (a
// wijk can be concave).

export interface WijkCentre {
  code: string;
  naam: string;
  lat: number;
  lng: number;
}

function ringsOf(geometry: (typeof wijkenCollection.features)[number]['geometry']): number[][][] {
  return geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
}

function centreOf(code: string): { lat: number; lng: number } | null {
  const feature = wijkenCollection.features.find((f) => f.properties.code === code);
  if (!feature) return null;
  const points = ringsOf(feature.geometry).flat();
  const lngs = points.map((p) => p[0] ?? 0);
  const lats = points.map((p) => p[1] ?? 0);
  const [minLng, maxLng, minLat, maxLat] = [
    Math.min(...lngs),
    Math.max(...lngs),
    Math.min(...lats),
    Math.max(...lats),
  ];
  const mid = { lat: (minLat + maxLat) / 2, lng: (minLng + maxLng) / 2 };
  const steps = 12;
  let best: { lat: number; lng: number; d: number } | null = null;
  for (let i = 0; i <= steps; i++) {
    for (let j = 0; j <= steps; j++) {
      const lat = minLat + ((maxLat - minLat) * i) / steps;
      const lng = minLng + ((maxLng - minLng) * j) / steps;
      if (findWijk(lat, lng)?.code !== code) continue;
      const d = (lat - mid.lat) ** 2 + (lng - mid.lng) ** 2;
      if (!best || d < best.d) best = { lat, lng, d };
    }
  }
  return best ? { lat: Number(best.lat.toFixed(5)), lng: Number(best.lng.toFixed(5)) } : null;
}

let cache: WijkCentre[] | null = null;

export function wijkCentres(): WijkCentre[] {
  cache ??= listWijken().flatMap((w) => {
    const c = centreOf(w.code);
    return c ? [{ ...w, ...c }] : [];
  });
  return cache;
}
