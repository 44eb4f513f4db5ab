import { describe, expect, it } from 'vitest';
import { wallClockInstant } from '../time/wall-clock.ts';
import { coverageGaps, expectedIntervals } from './coverage.ts';
import { generateShiftInstances } from './generate.ts';
import { hasSomeoneOnDuty, nextShiftStart, onDuty } from './on-duty.ts';
import type { RosterTeam } from './roster-schema.ts';
import { absence, hours, pattern } from './roster-test-helpers.ts';

const at = (date: string, time: string) => wallClockInstant(date, time);
const day = pattern({ id: 'p', start: '07:00', end: '15:00', memberIds: ['anna', 'bram'], leadId: 'anna' });
const evening = pattern({ id: 'e', start: '14:30', end: '22:30', memberIds: ['cor'], leadId: 'cor' });
const roster = (overrides: Parameters<typeof generateShiftInstances>[0]['overrides'] = []) =>
  generateShiftInstances({ patterns: [day, evening], overrides, from: '2026-03-23', days: 14 });

describe('onDuty', () => {
  it('gives the members of the running shifts with their shift and lead; start inclusive, end exclusive', () => {
    const r = roster();
    const overlap = onDuty(r, 'team', at('2026-03-24', '14:45'));
    expect(overlap.members.map((m) => [m.memberId, m.lead, m.shifts[0]?.label])).toEqual([
      ['anna', true, 'Dienst'],
      ['bram', false, 'Dienst'],
      ['cor', true, 'Dienst'],
    ]);
    expect(overlap.leadIds).toEqual(['anna', 'cor']);
    expect(onDuty(r, 'team', at('2026-03-24', '07:00')).members.map((m) => m.memberId)).toEqual([
      'anna',
      'bram',
    ]);
    expect(onDuty(r, 'team', at('2026-03-24', '15:00')).members.map((m) => m.memberId)).toEqual(['cor']);
    expect(onDuty(r, 'team', at('2026-03-24', '22:30')).members).toEqual([]);
    expect(onDuty(r, 'other-team', at('2026-03-24', '10:00')).members).toEqual([]);
  });

  it('follows the overrides: a sick member is not on duty', () => {
    const r = roster([absence({ date: '2026-03-24', memberId: 'anna' })]);
    expect(onDuty(r, 'team', at('2026-03-24', '10:00')).members.map((m) => m.memberId)).toEqual(['bram']);
  });
});

describe('nextShiftStart', () => {
  it('gives the next start of a shift someone works, or undefined past the horizon', () => {
    const r = roster([
      absence({ date: '2026-03-25', memberId: 'anna' }),
      absence({ date: '2026-03-25', memberId: 'bram' }),
    ]);
    expect(nextShiftStart(r, 'team', at('2026-03-24', '23:00'))).toEqual(at('2026-03-25', '14:30'));
    expect(nextShiftStart(r, 'team', at('2026-03-24', '07:00'))).toEqual(at('2026-03-24', '14:30'));
    expect(nextShiftStart(r, 'team', at('2026-04-05', '23:00'))).toBeUndefined();
    expect(hasSomeoneOnDuty(r, 'team', at('2026-03-25', '10:00'))).toBe(false);
  });
});

describe('coverage', () => {
  const boa: RosterTeam = {
    id: 'team',
    name: 'Boa-team',
    kind: 'boa',
    active: true,
    coverage: {
      kind: 'windows',
      windows: [{ weekdays: [1, 2, 3, 4, 5, 6, 7], start: '07:00', end: '22:30' }],
    },
  };

  it('finds no gap when the shifts cover the expected hours, also in the DST week', () => {
    expect(coverageGaps(roster(), boa, at('2026-03-23', '00:00'))).toEqual([]);
  });

  it('finds the hours in which nobody works, clipped to the expected hours', () => {
    const r = roster([absence({ date: '2026-03-29', memberId: 'cor', patternId: 'e' })]);
    expect(coverageGaps(r, boa, at('2026-03-23', '00:00'))).toEqual([
      { start: at('2026-03-29', '15:00'), end: at('2026-03-29', '22:30') },
    ]);
  });

  it('treats 24/7 as every hour, and counts 14 local days (335 h across the spring change)', () => {
    const always: RosterTeam = { ...boa, coverage: { kind: 'always' } };
    const gaps = coverageGaps(roster(), always, at('2026-03-23', '00:00'));
    expect(gaps[0]).toEqual({ start: at('2026-03-23', '00:00'), end: at('2026-03-23', '07:00') });
    const total = gaps.reduce((sum, g) => sum + hours(g.start, g.end), 0);
    expect(total).toBe(335 - 14 * 15.5);
  });

  it('runs a window across midnight into the next day', () => {
    const night: RosterTeam = {
      ...boa,
      coverage: { kind: 'windows', windows: [{ weekdays: [6], start: '22:00', end: '06:00' }] },
    };
    expect(expectedIntervals(night, at('2026-10-24', '00:00'), at('2026-10-26', '00:00'))).toEqual([
      { start: at('2026-10-24', '22:00'), end: at('2026-10-25', '06:00') },
    ]);
    // Begins the day before `from`: the Saturday night window still runs on Sunday morning.
    expect(expectedIntervals(night, at('2026-10-25', '03:00'), at('2026-10-26', '00:00'))).toEqual([
      { start: at('2026-10-25', '03:00'), end: at('2026-10-25', '06:00') },
    ]);
  });
});
