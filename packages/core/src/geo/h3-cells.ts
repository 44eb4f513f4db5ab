import { latLngToCell } from 'h3-js';

/** Resolutions stored with every melding: r7 ≈ 5 km², r8 ≈ 0.7 km², r9 ≈ 0.1 km², r10 ≈ 15.000 m². */
export const H3_RESOLUTIONS = [7, 8, 9, 10] as const;
export type H3Resolution = (typeof H3_RESOLUTIONS)[number];

export interface H3Cells {
  r7: string;
  r8: string;
  r9: string;
  r10: string;
}

export function h3Cells(lat: number, lng: number): H3Cells {
  return {
    r7: latLngToCell(lat, lng, 7),
    r8: latLngToCell(lat, lng, 8),
    r9: latLngToCell(lat, lng, 9),
    r10: latLngToCell(lat, lng, 10),
  };
}
