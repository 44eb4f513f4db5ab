import type { H3Resolution } from './h3-cells.ts';

/**
 * The H3 resolution the hotspot map shows at a Leaflet zoom level: coarse when zoomed out, ~70 m cells
 * (resolution 10) when zoomed in. No h3-js here, so the browser can use it.
 */
export function resolutionForZoom(zoom: number): H3Resolution {
  if (zoom <= 12) return 7;
  if (zoom <= 13) return 8;
  if (zoom <= 15) return 9;
  return 10;
}
