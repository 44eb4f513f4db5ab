import { describe, expect, it } from 'vitest';
import { amsterdamParts } from '../time/amsterdam-time.ts';
import type { AdviceMelding } from './cell-profile.ts';
import { defaultHarmWeights } from './harm-weights.ts';
import { adviseRoster } from './roster-advice.ts';
import { shifts, smallCell, sportpark, syntheticMeldingen, week } from './roster-advice-fixtures.ts';

describe('rows that stand for several meldingen', () => {
  it('give the same advice as the meldingen one by one', () => {
    const single = syntheticMeldingen();
    const rows = new Map<string, AdviceMelding>();
    for (const x of single) {
      const p = amsterdamParts(x.happenedAt);
      const key = [x.cell, x.category, x.subcategory, x.origin, p.year, p.month, p.day, p.hour].join('|');
      const row = rows.get(key);
      if (row) row.count = (row.count ?? 1) + 1;
      else rows.set(key, { ...x, count: 1 });
    }
    expect(rows.size).toBeLessThan(single.length);
    const a = adviseRoster({ teamId: 'boa-team', week, meldingen: single, shifts });
    const b = adviseRoster({ teamId: 'boa-team', week, meldingen: [...rows.values()], shifts });
    expect(b).toEqual(a);
    // …and with the hour of the week computed by the database.
    const withSlot = [...rows.values()].map((x) => {
      const p = amsterdamParts(x.happenedAt);
      return { ...x, slot: (p.isoWeekday - 1) * 24 + p.hour };
    });
    expect(adviseRoster({ teamId: 'boa-team', week, meldingen: withSlot, shifts })).toEqual(a);
  });
});

describe('harm weights', () => {
  it('weigh each melding: loitering weighed 0 leaves no peak, intimidation outweighs it', () => {
    const zero = {
      ...defaultHarmWeights,
      subcategories: { ...defaultHarmWeights.subcategories, 'jeugdoverlast/hangen': 0 },
    };
    const none = adviseRoster({
      teamId: 'boa-team',
      week,
      meldingen: syntheticMeldingen(),
      shifts,
      settings: { harmWeights: zero },
    });
    expect(none.patrolWindows).toEqual([]);
    expect(none.rosterProposals).toEqual([]);
    // Saturday: the sportpark (6 loitering, recent) outranks the small cell (4 loitering, older) —
    // until the small cell's four are intimidation (weight 2): 5.5 against 3.94.
    const saturdayFirst = (meldingen: AdviceMelding[]) =>
      adviseRoster({
        teamId: 'boa-team',
        week,
        meldingen,
        shifts,
        settings: { minCount: 4 },
      }).patrolWindows.find((p) => p.shiftId === 'za')?.locations[0]?.cell;
    expect(saturdayFirst(syntheticMeldingen())).toBe(sportpark);
    const threats = syntheticMeldingen().map((m) =>
      m.cell === smallCell ? { ...m, subcategory: 'intimidatie' } : m,
    );
    expect(saturdayFirst(threats)).toBe(smallCell);
  });
});
