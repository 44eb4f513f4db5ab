import { cellBoundaryPolygon, h3Cells } from '@buurtsignaal/core';
import { describe, expect, it } from 'vitest';
import { A, B, C, MARCH, march, OCTOBER, SOEST, useHotspotWorld } from '../support/hotspots-helpers.ts';

const cellsOf = (p: { lat: number; lng: number }) => h3Cells(p.lat, p.lng);

const { w, asNoTeamBoa } = useHotspotWorld();

async function map(query: string, req = w.asCoordinator) {
  const res = await req('GET', `/api/v1/staff/hotspots?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    res: number;
    total: number;
    maxCount: number;
    cells: {
      cell: string;
      res: number;
      count: number;
      boundary: { type: string; coordinates: number[][][] };
    }[];
    meldingen: { reference: string; lat: number; lng: number; category: { id: string } }[] | null;
    meldingenTruncated: boolean;
  };
}
const counts = (body: { cells: { cell: string; count: number }[] }) =>
  Object.fromEntries(body.cells.map((c) => [c.cell, c.count]));

describe('GET /hotspots — aggregation', () => {
  it('counts per cell with full GeoJSON boundaries; geannuleerd and meldingen outside the period are not counted', async () => {
    expect(cellsOf(A).r9).not.toBe(cellsOf(B).r9);
    const body = await map(`${SOEST}&res=9&${MARCH}`);
    expect(counts(body)).toEqual({ [cellsOf(A).r9]: 7, [cellsOf(B).r9]: 2, [cellsOf(C).r9]: 1 });
    expect(body.total).toBe(10);
    expect(body.maxCount).toBe(7);
    expect(body.cells[0]?.cell).toBe(cellsOf(A).r9);
    const ring = body.cells[0]?.boundary.coordinates[0] ?? [];
    expect(body.cells[0]?.boundary.type).toBe('Polygon');
    expect(ring).toHaveLength(7);
    expect(ring[0]).toEqual(ring[6]);
    expect(body.meldingen).toBeNull();
  });

  it('filters on category, subcategory and status', async () => {
    expect(counts(await map(`${SOEST}&res=9&${MARCH}&category=jeugdoverlast`))).toEqual({
      [cellsOf(A).r9]: 6,
      [cellsOf(B).r9]: 2,
    });
    expect(counts(await map(`${SOEST}&res=9&${MARCH}&category=woonoverlast&subcategory=geluid`))).toEqual({
      [cellsOf(A).r9]: 1,
    });
    expect(counts(await map(`${SOEST}&res=9&${MARCH}&status=open`))).toEqual({
      [cellsOf(A).r9]: 6,
      [cellsOf(B).r9]: 2,
      [cellsOf(C).r9]: 1,
    });
  });

  it('takes weekday and hour in Europe/Amsterdam, also across both DST changes, from occurred_at', async () => {
    const q = (extra: string, period = MARCH) => map(`${SOEST}&res=9&${period}&${extra}`).then(counts);
    expect(await q('weekday=7&hour=1')).toEqual({ [cellsOf(A).r9]: 1 });
    expect(await q('weekday=7&hour=3')).toEqual({ [cellsOf(A).r9]: 1 });
    expect(await q('hour=2')).toEqual({}); // 02:00–03:00 did not exist on 29 March
    expect(await q('weekday=6')).toEqual({ [cellsOf(A).r9]: 1, [cellsOf(B).r9]: 2, [cellsOf(C).r9]: 1 });
    expect(await q('weekday=4&hour=11')).toEqual({ [cellsOf(A).r9]: 1 });
    expect(await q('weekday=2')).toEqual({}); // #1 was created on a Tuesday but happened on Thursday
    expect(await q('weekday=5&hour=23')).toEqual({ [cellsOf(A).r9]: 1 }); // created_at fallback
    expect(await q('weekday=7&hour=2', OCTOBER)).toEqual({ [cellsOf(A).r9]: 2 }); // 02:30 twice
    expect(await q('weekday=7&hour=1', OCTOBER)).toEqual({});
  });

  it('aggregates at every stored resolution to the same total, grouped by that resolution’s cells', async () => {
    const counted = march.slice(0, 11).filter((m) => m.status !== 'geannuleerd');
    for (const res of [7, 8, 9, 10] as const) {
      const expected: Record<string, number> = {};
      for (const m of counted) {
        const cell = h3Cells(m.lat, m.lng)[`r${res}`];
        expected[cell] = (expected[cell] ?? 0) + 1;
      }
      const body = await map(`${SOEST}&res=${res}&${MARCH}`);
      expect(body.total).toBe(10);
      expect(counts(body)).toEqual(expected);
      expect(body.cells.every((c) => c.res === res)).toBe(true);
    }
  });

  it('returns a cell that only overlaps the bbox edge, with its full count; points only inside the bbox', async () => {
    const ring = cellBoundaryPolygon(cellsOf(A).r9).coordinates[0] ?? [];
    const westEdge = Math.min(...ring.map((p) => p[0] ?? 0));
    const edge = `bbox=5.25,52.15,${(westEdge + 0.0002).toFixed(6)},52.20`;
    expect(A.lng).toBeGreaterThan(westEdge + 0.0002);
    expect(counts(await map(`${edge}&res=9&${MARCH}`))).toEqual({ [cellsOf(A).r9]: 7 });
    const fine = await map(`${edge}&res=10&${MARCH}`);
    expect(fine.meldingen).toEqual([]);
  });

  it('refuses a bad bbox, period or subcategory with 400 and the field', async () => {
    const bad = async (query: string, field: string) => {
      const res = await w.asCoordinator('GET', `/api/v1/staff/hotspots?${query}`);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().details?.[0]?.field ?? res.json().details?.[0]?.field).toBe(field);
    };
    await bad('bbox=5.3,52.1,5.2,52.2&res=9', 'bbox');
    await bad('bbox=1,2,3&res=9', 'bbox');
    await bad('bbox=4,51,6,53&res=9', 'bbox');
    await bad(`${SOEST}&res=9&from=2026-04-01T00:00:00Z&to=2026-03-01T00:00:00Z`, 'from');
    await bad(`${SOEST}&res=9&subcategory=hangen`, 'subcategory');
    await bad(`${SOEST}&res=9&category=woonoverlast&subcategory=hangen`, 'subcategory');
    const res = await w.asCoordinator('GET', `/api/v1/staff/hotspots?${SOEST}&res=6`);
    expect(res.statusCode).toBe(400);
  });

  it('defaults to the 90 days before now', async () => {
    const res = await w.asCoordinator('GET', `/api/v1/staff/hotspots?${SOEST}&res=8`);
    const { period } = res.json() as { period: { from: string; to: string } };
    expect(Date.parse(period.to) - Date.parse(period.from)).toBe(90 * 86_400_000);
    expect(Math.abs(Date.parse(period.to) - Date.now())).toBeLessThan(60_000);
  });
});

describe('GET /hotspots — who sees individual meldingen (res 10)', () => {
  const refsOf = (body: { meldingen: { reference: string }[] | null }) => body.meldingen?.length ?? null;

  it('coordinator: every melding in the bbox; boa/politie: their own teams’; an officer without a team: counts only', async () => {
    const all = await map(`${SOEST}&res=10&${MARCH}`);
    expect(refsOf(all)).toBe(10);
    expect(all.meldingen?.[0]).toMatchObject({
      lat: expect.any(Number),
      category: { id: expect.any(String) },
    });
    const boa = await map(`${SOEST}&res=10&${MARCH}`, w.asBoa);
    expect(refsOf(boa)).toBe(9);
    expect(boa.total).toBe(10);
    const politie = await map(`${SOEST}&res=10&${MARCH}`, w.asPolitie);
    expect(politie.meldingen?.map((m) => m.category.id)).toEqual(['verdachte_situatie']);
    const jeugdForPolitie = await map(`${SOEST}&res=10&${MARCH}&category=jeugdoverlast`, w.asPolitie);
    expect(jeugdForPolitie.total).toBe(8);
    expect(jeugdForPolitie.meldingen).toEqual([]);
    const noTeam = await map(`${SOEST}&res=10&${MARCH}`, asNoTeamBoa());
    expect(noTeam.meldingen).toBeNull();
    expect(noTeam.total).toBe(10);
  });

  it('gives no individual meldingen below resolution 10, whoever asks', async () => {
    expect((await map(`${SOEST}&res=9&${MARCH}`, w.asCoordinator)).meldingen).toBeNull();
  });
});
