import { h3Cells } from '@buurtsignaal/core';
import { describe, expect, it } from 'vitest';
import { A, MARCH, OCTOBER, useHotspotWorld } from '../support/hotspots-helpers.ts';

const cellA = h3Cells(A.lat, A.lng).r9;

const { w, asNoTeamBoa } = useHotspotWorld();

interface Profile {
  cell: string;
  res: number;
  wijk: { code: string; naam: string } | null;
  total: number;
  byCategory: { category: { id: string; label: string }; count: number }[];
  matrix: number[][];
  trend: { week: string; start: string; count: number }[];
  meldingen: { reference: string }[] | null;
}

async function profile(query: string, req = w.asCoordinator, cell = cellA): Promise<Profile> {
  const res = await req('GET', `/api/v1/staff/hotspots/${cell}?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** Only the non-zero entries of the matrix, as "weekday-hour": count (weekday 1 = maandag). */
const nonZero = (matrix: number[][]) => {
  const out: Record<string, number> = {};
  matrix.forEach((row, d) => {
    row.forEach((n, h) => {
      if (n > 0) out[`${d + 1}-${h}`] = n;
    });
  });
  return out;
};

describe('GET /hotspots/:cell', () => {
  it('gives counts per category, the weekday × hour matrix in Europe/Amsterdam and the trend per ISO week', async () => {
    const p = await profile(MARCH);
    expect(p).toMatchObject({
      cell: cellA,
      res: 9,
      wijk: { code: 'WK034202', naam: 'Soest-Centrum' },
      total: 7,
    });
    expect(p.byCategory).toEqual([
      { category: { id: 'jeugdoverlast', label: 'Jeugdoverlast' }, count: 6 },
      { category: { id: 'woonoverlast', label: 'Woonoverlast' }, count: 1 },
    ]);
    expect(p.matrix).toHaveLength(7);
    expect(p.matrix.every((row) => row.length === 24)).toBe(true);
    expect(nonZero(p.matrix)).toEqual({
      '4-11': 1, // Thursday 11:00 CET
      '5-20': 1, // Friday 20:00 (woonoverlast)
      '5-23': 1, // Friday 23:30, from created_at
      '6-21': 1, // Saturday 21:30
      '7-1': 1, // Sunday 01:30 CET
      '7-3': 1, // Sunday 03:30 CEST
      '1-21': 1, // Monday 21:00 CEST
    });
    expect(p.trend).toEqual([
      { week: '2026-W13', start: '2026-03-23', count: 6 },
      { week: '2026-W14', start: '2026-03-30', count: 1 },
    ]);
  });

  it('applies the category filter to total, matrix and trend but not to the counts per category', async () => {
    const p = await profile(`${MARCH}&category=jeugdoverlast&status=open`);
    expect(p.total).toBe(5);
    expect(p.trend.map((t) => t.count)).toEqual([5, 0]);
    expect(p.byCategory.map((c) => c.count)).toEqual([5, 1]);
  });

  it('puts both 02:30s of the night DST ends in Sunday 02:00, in ISO week 43', async () => {
    const p = await profile(OCTOBER);
    expect(nonZero(p.matrix)).toEqual({ '7-2': 2 });
    expect(p.trend).toEqual([{ week: '2026-W43', start: '2026-10-19', count: 2 }]);
  });

  it('lists the meldingen only for who may open them', async () => {
    expect((await profile(MARCH)).meldingen).toHaveLength(7);
    expect((await profile(MARCH, w.asBoa)).meldingen).toHaveLength(7);
    const politie = await profile(MARCH, w.asPolitie);
    expect(politie.total).toBe(7);
    expect(politie.meldingen).toEqual([]);
    const noTeam = await profile(MARCH, asNoTeamBoa());
    expect(noTeam.total).toBe(7);
    expect(noTeam.meldingen).toBeNull();
  });

  it('refuses what is not a stored H3 cell', async () => {
    for (const cell of ['nonsense', '8019fffffffffff', h3Cells(A.lat, A.lng).r7.replace(/f$/, '0')]) {
      const res = await w.asCoordinator('GET', `/api/v1/staff/hotspots/${cell}`);
      expect(res.statusCode, cell).toBe(400);
      expect(res.json().code).toBe('INVALID_CELL');
    }
  });
});
