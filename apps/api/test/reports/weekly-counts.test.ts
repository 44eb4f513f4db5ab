import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { CENTRUM, K, MELDER_EMAIL, NOORD, useWeeklyFixture, ZUID } from './weekly-fixture.ts';

describe('weekly overview: counts and access', () => {
  const w = useWeeklyFixture();

  it('counts per category and per wijk, against the average of the 4 weeks before', async () => {
    const report = (await w.weekly('2026-W48')).json();
    expect(report.week).toBe('2026-W48');
    expect(report.from).toBe('2026-11-22T23:00:00.000Z');
    expect(report.to).toBe('2026-11-29T23:00:00.000Z');
    expect(report.minCount).toBe(K);
    expect(report.totals).toEqual({ count: 8, previousAverage: 3, change: 5, changePercent: 166.7 });
    const byCategory = Object.fromEntries(
      report.perCategory.map((r: { category: { id: string } }) => [r.category.id, r]),
    );
    expect(byCategory.jeugdoverlast).toEqual({
      category: { id: 'jeugdoverlast', label: 'Jeugdoverlast' },
      count: 6,
      previousAverage: 3,
      change: 3,
      changePercent: 100,
    });
    expect(byCategory.woonoverlast).toMatchObject({
      count: 2,
      previousAverage: 0,
      change: 2,
      changePercent: null,
    });
    expect(byCategory.verdachte_situatie).toMatchObject({
      count: 0,
      previousAverage: 0,
      changePercent: null,
    });
    const byWijk = Object.fromEntries(
      report.perWijk.map((r: { wijk: { code: string } | null }) => [r.wijk?.code ?? 'none', r]),
    );
    expect(byWijk[NOORD]).toMatchObject({
      wijk: { code: NOORD, naam: 'Soest-Noord' },
      count: 6,
      previousAverage: 0,
    });
    expect(byWijk[CENTRUM]).toMatchObject({ count: 0, previousAverage: 3, change: -3, changePercent: -100 });
    expect(byWijk[ZUID]).toMatchObject({ count: 2, previousAverage: 0 });
    expect(report.perWijk).toHaveLength(5);
    expect(byWijk.none).toBeUndefined();
  });

  it('defaults to the last complete week', async () => {
    const res = await w.asCoordinator('GET', '/api/v1/staff/reports/weekly');
    expect(res.statusCode).toBe(200);
    expect(res.json().week).toBe('2026-W48');
  });

  it('refuses a week that does not exist', async () => {
    for (const week of ['2025-W53', '2026-W00', '2026-48', 'x']) {
      const res = await w.asCoordinator('GET', `/api/v1/staff/reports/weekly?week=${week}`);
      expect(res.statusCode, week).toBe(400);
      expect(res.json().code).toBe('VALIDATION_ERROR');
    }
    expect(
      (await w.asCoordinator('GET', '/api/v1/staff/reports/weekly?week=2025-W53')).json().details,
    ).toEqual([{ field: 'week', message: expect.any(String) }]);
    expect((await w.asCoordinator('GET', '/api/v1/staff/reports/weekly?week=2026-W53')).statusCode).toBe(200); // 2026 has 53 weeks
  });

  it('is for coordinators: boa and politie get 403, and it is audited', async () => {
    for (const req of [w.asBoa, w.asPolitie]) {
      for (const url of [
        '/api/v1/staff/reports/weekly?week=2026-W48',
        '/api/v1/staff/reports/weekly?week=2026-W48&format=csv',
        '/api/v1/staff/reports/weekly/meldingen.csv?week=2026-W48',
      ]) {
        const res = await req('GET', url);
        expect(res.statusCode, url).toBe(403);
        expect(res.json().code).toBe('FORBIDDEN');
      }
    }
    const denied = await w.db.execute(
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'access_denied'`,
    );
    expect((denied as unknown as { rows: { n: number }[] }).rows[0]?.n).toBeGreaterThanOrEqual(6);
  });

  it('never shows the melder contact data', async () => {
    const json = (await w.weekly('2026-W48')).body + (await w.weekly('2026-W49')).body;
    expect(json).not.toMatch(MELDER_EMAIL);
    expect(json).not.toContain('12345678');
    expect(json).not.toContain('harde muziek');
  });
});
