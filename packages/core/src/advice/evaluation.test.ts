import { gridDisk, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { wallClockInstant } from '../time/wall-clock.ts';
import type { AdviceMelding } from './cell-profile.ts';
import { slotOf } from './cell-profile.ts';
import { evaluateWindow } from './evaluation.ts';
import { rosterAdviceTexts } from './index.ts';

const treatedCell = latLngToCell(52.1199, 5.2936, 9);
const neighbour = gridDisk(treatedCell, 1).find((c) => c !== treatedCell) ?? '';
const comparable = latLngToCell(52.1747, 5.2906, 9);
const unlike = latLngToCell(52.1801, 5.3123, 9);

// The window: Wednesday 20:00–22:00 in 2026-W50; the four weeks before are W46–W49.
const wednesdays = {
  before: ['2026-11-11', '2026-11-18', '2026-11-25', '2026-12-02'],
  during: '2026-12-09',
  after: ['2026-12-16', '2026-12-23'],
};
const m = (cell: string, date: string, time: string, over: Partial<AdviceMelding> = {}): AdviceMelding => ({
  category: 'jeugdoverlast',
  subcategory: null,
  cell,
  happenedAt: wallClockInstant(date, time),
  origin: 'resident',
  ...over,
});
const times = (n: number) => ['20:05', '20:35', '21:05', '21:35'].slice(0, n);

function constructed(): AdviceMelding[] {
  const out: AdviceMelding[] = [];
  for (const d of wednesdays.before) {
    for (const t of times(3)) out.push(m(treatedCell, d, t), m(comparable, d, t));
    out.push(
      m(unlike, d, '20:10'),
      m(unlike, d, '20:20'),
      m(unlike, d, '20:30'),
      m(unlike, d, '20:40'),
      m(unlike, d, '20:50'),
      m(unlike, d, '21:00'),
      m(unlike, d, '21:10'),
    );
  }
  // During: the treated cell drops to 1, the comparable cell stays at 3, the neighbour gets 3.
  out.push(m(treatedCell, wednesdays.during, '20:15'));
  for (const t of times(3)) out.push(m(comparable, wednesdays.during, t), m(neighbour, wednesdays.during, t));
  // After: treated 2 per week, comparable 3.
  for (const d of wednesdays.after) {
    for (const t of times(2)) out.push(m(treatedCell, d, t));
    for (const t of times(3)) out.push(m(comparable, d, t));
  }
  // Not counted: another category, staff, outside the hours.
  out.push(m(treatedCell, wednesdays.during, '20:45', { category: 'woonoverlast' }));
  out.push(m(treatedCell, wednesdays.during, '20:50', { origin: 'staff' }));
  out.push(m(treatedCell, wednesdays.during, '23:30'));
  return out;
}

const window = {
  cells: [treatedCell],
  category: 'jeugdoverlast',
  slots: [slotOf(3, 20), slotOf(3, 21)],
  week: { year: 2026, week: 50 },
};

describe('evaluateWindow: a difference-in-differences on a constructed before/after set', () => {
  it('computes the hand-computed numbers for the weeks during and after', () => {
    const e = evaluateWindow(constructed(), window, new Date('2027-01-01T00:00:00Z'));
    expect(e.treated).toEqual({ cells: 1, before: 3, during: 1, after: 2 });
    // The unlike cell had 7 a week: more than twice the treated cell's 3, so it is no comparison.
    expect(e.comparison).toEqual({ cells: 1, before: 3, during: 3, after: 3 });
    expect(e.difference).toBe(-2);
    expect(e.differenceAfter).toBe(-1);
    // Six neighbours, 3 meldingen in one of them during: +0.5 per cell per week.
    expect(e.neighbours).toMatchObject({ cells: 6, before: 0, during: 0.5 });
    expect(e.displacement).toBe(0.5);
    expect(e.total).toBe(17);
    expect(e.uncertain).toBe(false);
  });

  it('looks only at weeks after that are over', () => {
    const e = evaluateWindow(constructed(), window, new Date('2026-12-20T12:00:00Z'));
    expect(e.treated.after).toBeNull();
    expect(e.differenceAfter).toBeNull();
    const one = evaluateWindow(constructed(), window, new Date('2026-12-21T12:00:00Z'));
    expect(one.treated.after).toBe(2);
  });

  it('says when there is nothing to compare with, and flags small numbers', () => {
    const few = constructed()
      .filter((x) => x.cell === treatedCell)
      .slice(0, 5);
    const e = evaluateWindow(few, window, new Date('2027-01-01T00:00:00Z'));
    expect(e.comparison).toBeNull();
    expect(e.difference).toBeNull();
    expect(e.uncertain).toBe(true);
  });

  it('reads in plain Dutch, with the caution that it shows a change and not a cause', () => {
    expect(rosterAdviceTexts.treated(3, 1)).toBe(
      'Op de bezochte plekken: van gemiddeld 3 naar 1 meldingen per plek per week in deze uren.',
    );
    expect(rosterAdviceTexts.difference(-2)).toBe('Verschil-in-verschillen: -2 meldingen per plek per week.');
    expect(rosterAdviceTexts.displacement(0.5)).toContain('waterbedeffect');
    expect(rosterAdviceTexts.caution).toContain('geen bewijs');
  });
});
