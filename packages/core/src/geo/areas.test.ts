import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { describe, expect, it } from 'vitest';
import {
  findWijk,
  isInsideMunicipality,
  listWijken,
  municipalityBoundary,
  wijkenCollection,
} from './areas.ts';

const inside = {
  'Soest centrum': [52.1733, 5.2917],
  Soesterberg: [52.117, 5.285],
  'Soest-Zuid (station)': [52.161, 5.3],
  Soestduinen: [52.152, 5.31],
} as const;

const outside = {
  'Amersfoort centrum': [52.156, 5.387],
  Baarn: [52.211, 5.288],
  Utrecht: [52.09, 5.12],
  'Null Island': [0, 0],
} as const;

describe('municipality boundary (approximate sample)', () => {
  it('is marked as an approximate sample', () => {
    expect(municipalityBoundary.meta.approximate).toBe(true);
    expect(wijkenCollection.meta.approximate).toBe(true);
    expect(municipalityBoundary.features[0]?.properties).toEqual({ code: 'GM0342', naam: 'Soest' });
  });

  it.each(Object.entries(inside))('contains %s', (_, [lat, lng]) => {
    expect(isInsideMunicipality(lat, lng)).toBe(true);
  });

  it.each(Object.entries(outside))('does not contain %s', (_, [lat, lng]) => {
    expect(isInsideMunicipality(lat, lng)).toBe(false);
    expect(findWijk(lat, lng)).toBeNull();
  });

  it('rejects coordinates that are not numbers on earth', () => {
    expect(isInsideMunicipality(Number.NaN, 5.29)).toBe(false);
    expect(isInsideMunicipality(52.17, Number.POSITIVE_INFINITY)).toBe(false);
    expect(findWijk(95, 5.29)).toBeNull();
  });
});

describe('wijken', () => {
  it('have CBS-like codes and names', () => {
    const wijken = listWijken();
    expect(wijken.length).toBeGreaterThanOrEqual(4);
    for (const w of wijken) expect(w.code).toMatch(/^WK0342\d{2}$/);
    expect(new Set(wijken.map((w) => w.code)).size).toBe(wijken.length);
  });

  it('finds the wijk of known places', () => {
    expect(findWijk(...inside['Soest centrum'])).toEqual({ code: 'WK034202', naam: 'Soest-Centrum' });
    expect(findWijk(...inside.Soesterberg)).toEqual({ code: 'WK034205', naam: 'Soesterberg' });
    expect(findWijk(...inside.Soestduinen)?.naam).toBe('Soestduinen');
  });

  it('tile the boundary: every point inside is in exactly one wijk, every point outside in none', () => {
    let insideCount = 0;
    // A grid over the bounding box (lng 5.20–5.40, lat 52.07–52.23), offset so that no point lies
    // exactly on a wijk edge (edges are at round coordinates).
    for (let lat = 52.0701; lat < 52.23; lat += 0.0023) {
      for (let lng = 5.2001; lng < 5.4; lng += 0.0031) {
        const containing = wijkenCollection.features.filter((f) =>
          booleanPointInPolygon([lng, lat], f.geometry),
        );
        if (isInsideMunicipality(lat, lng)) {
          insideCount += 1;
          expect(
            containing.map((f) => f.properties.code),
            `${lat},${lng}`,
          ).toHaveLength(1);
        } else {
          expect(containing, `${lat},${lng}`).toHaveLength(0);
        }
      }
    }
    expect(insideCount).toBeGreaterThan(1000);
  });
});
