import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { categories } from '../categories.ts';
import { hotspotWindow, meetsHotspotRule, planHotspotPass } from './hotspot-pass.ts';
import { hotspotTeams } from './hotspot-teams.ts';

const runs = { seed: 4_242_101, numRuns: 300 } as const;

describe('hotspotTeams (category → default team, reference data)', () => {
  it("a rule for one category notifies that category's default team", () => {
    for (const c of categories) expect(hotspotTeams(c.id, 'WK034202')).toEqual([c.defaultTeam]);
    expect(hotspotTeams('verdachte_situatie')).toEqual(['politie-basisteam']);
  });

  it("a rule over all categories notifies every category's default team once", () => {
    expect(hotspotTeams(null).sort()).toEqual(['boa-team', 'politie-basisteam']);
  });

  it('an unknown category notifies nobody', () => {
    expect(hotspotTeams('vuurwerk')).toEqual([]);
  });
});

describe('hotspotWindow and the threshold', () => {
  it('counts the last windowDays days up to and including now', () => {
    const now = new Date('2026-06-02T12:00:00Z');
    const { from, to } = hotspotWindow({ windowDays: 7 }, now);
    expect(from.toISOString()).toBe('2026-05-26T12:00:00.000Z');
    expect(to.getTime()).toBe(now.getTime() + 1);
  });

  it('a cell meets the rule at exactly minCount', () => {
    expect(meetsHotspotRule({ minCount: 5 }, 4)).toBe(false);
    expect(meetsHotspotRule({ minCount: 5 }, 5)).toBe(true);
  });
});

describe('planHotspotPass: start, continue or end', () => {
  const rule = { minCount: 3 };

  it('a new hot cell starts, a still-hot cell continues, a cooled cell ends', () => {
    const plan = planHotspotPass(
      rule,
      [
        { cell: 'a', count: 4 },
        { cell: 'b', count: 3 },
        { cell: 'c', count: 2 },
      ],
      [
        { id: 'h-b', cell: 'b' },
        { id: 'h-c', cell: 'c' },
        { id: 'h-d', cell: 'd' },
      ],
    );
    expect(plan).toEqual({
      start: [{ cell: 'a', count: 4 }],
      continue: [{ id: 'h-b', cell: 'b', count: 3 }],
      end: [
        { id: 'h-c', cell: 'c' },
        { id: 'h-d', cell: 'd' },
      ],
    });
  });

  it('a second pass over the same counts starts nothing and ends nothing (idempotent)', () => {
    const counts = [{ cell: 'a', count: 5 }];
    const first = planHotspotPass(rule, counts, []);
    const running = first.start.map((s, i) => ({ id: `h${i}`, cell: s.cell }));
    expect(planHotspotPass(rule, counts, running)).toEqual({
      start: [],
      continue: [{ id: 'h0', cell: 'a', count: 5 }],
      end: [],
    });
  });

  const cellArb: fc.Arbitrary<string> = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f');
  const countsArb = fc.uniqueArray(fc.record({ cell: cellArb, count: fc.integer({ min: 0, max: 10 }) }), {
    selector: (c) => c.cell,
  });
  const runningArb = fc
    .uniqueArray(cellArb)
    .map((cells) => cells.map((cell, i) => ({ id: `h${i}-${cell}`, cell })));

  it('every hot cell starts or continues, every running hotspot continues or ends, nothing twice', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), countsArb, runningArb, (minCount, counts, running) => {
        const plan = planHotspotPass({ minCount }, counts, running);
        const hot = counts.filter((c) => c.count >= minCount).map((c) => c.cell);
        const runningCells = new Set(running.map((h) => h.cell));
        expect([...plan.start, ...plan.continue].map((c) => c.cell).sort()).toEqual([...hot].sort());
        expect(plan.start.every((s) => !runningCells.has(s.cell))).toBe(true);
        expect([...plan.continue, ...plan.end].map((h) => h.id).sort()).toEqual(
          running.map((h) => h.id).sort(),
        );
        expect(plan.end.every((h) => !hot.includes(h.cell))).toBe(true);
        for (const c of plan.continue) {
          expect(running.find((h) => h.id === c.id)?.cell).toBe(c.cell);
          expect(counts.find((x) => x.cell === c.cell)?.count).toBe(c.count);
        }
      }),
      runs,
    );
  });

  it('applying a plan and planning again over the same counts changes nothing more', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), countsArb, runningArb, (minCount, counts, running) => {
        const plan = planHotspotPass({ minCount }, counts, running);
        const after = [
          ...plan.continue.map(({ id, cell }) => ({ id, cell })),
          ...plan.start.map((s) => ({ id: `new-${s.cell}`, cell: s.cell })),
        ];
        const again = planHotspotPass({ minCount }, counts, after);
        expect(again.start).toEqual([]);
        expect(again.end).toEqual([]);
      }),
      runs,
    );
  });

  it('keeps the one running hotspot per cell should there be two, and ends the other', () => {
    const plan = planHotspotPass(
      rule,
      [{ cell: 'a', count: 9 }],
      [
        { id: 'h1', cell: 'a' },
        { id: 'h2', cell: 'a' },
      ],
    );
    expect(plan.continue.map((c) => c.id)).toEqual(['h1']);
    expect(plan.end.map((h) => h.id)).toEqual(['h2']);
  });
});
