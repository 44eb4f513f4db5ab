import { cellToParent, getResolution } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { h3Cells } from './h3-cells.ts';
import { cellBoundaryPolygon, cellCentre, cellsInBbox, storedCellResolution } from './h3-geometry.ts';
import { resolutionForZoom } from './zoom.ts';

const soest = { lat: 52.1733, lng: 5.2917 };

describe('H3 geometry for the hotspot map', () => {
  it('gives a closed GeoJSON ring ([lng, lat]) around the cell centre', () => {
    const cell = h3Cells(soest.lat, soest.lng).r9;
    const ring = cellBoundaryPolygon(cell).coordinates[0] ?? [];
    expect(ring).toHaveLength(7);
    expect(ring[0]).toEqual(ring[6]);
    const centre = cellCentre(cell);
    for (const [lng, lat] of ring) {
      expect(Math.abs((lng ?? 0) - centre.lng)).toBeLessThan(0.005);
      expect(Math.abs((lat ?? 0) - centre.lat)).toBeLessThan(0.003);
    }
  });

  it('covers a bbox with every overlapping cell, also those only partly inside', () => {
    const bbox = { minLng: 5.28, minLat: 52.165, maxLng: 5.3, maxLat: 52.18 };
    const cells = cellsInBbox(bbox, 9);
    expect(cells.every((c) => getResolution(c) === 9)).toBe(true);
    expect(cells).toContain(h3Cells(soest.lat, soest.lng).r9);
    // A corner point's cell is partly outside the box but overlaps it.
    expect(cells).toContain(h3Cells(bbox.minLat, bbox.minLng).r9);
    expect(cells).not.toContain(h3Cells(52.117, 5.285).r9);
    expect(new Set(cells.map((c) => cellToParent(c, 7))).size).toBeLessThan(5);
  });

  it('knows the stored resolutions and picks one per zoom level', () => {
    expect(storedCellResolution(h3Cells(soest.lat, soest.lng).r10)).toBe(10);
    expect(storedCellResolution('8019fffffffffff')).toBeNull();
    expect(storedCellResolution('not a cell')).toBeNull();
    expect([10, 12, 13, 14, 15, 16, 18].map(resolutionForZoom)).toEqual([7, 7, 8, 9, 9, 10, 10]);
  });
});
