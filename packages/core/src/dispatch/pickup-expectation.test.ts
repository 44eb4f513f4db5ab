import { describe, expect, it } from 'vitest';
import { generateShiftInstances } from '../roster/generate.ts';
import type { Roster, ShiftPattern } from '../roster/roster-schema.ts';
import { pattern } from '../roster/roster-test-helpers.ts';
import { soestShiftPatterns } from '../roster/soest-seed.ts';
import { dayWords, pickupMessage } from '../texts/pickup-nl.ts';
import { wallClockInstant as at } from '../time/wall-clock.ts';
import { expectPickup, type PickupInput } from './pickup-expectation.ts';

// Soest's seeded rosters: boa's 07:00–15:00 and 14:30–22:30, the police around the clock.
const soest = soestShiftPatterns({ boa: ['boa-1', 'boa-2'], politie: ['agent-1'], validFrom: '2026-01-01' });
const roster = (from: string, patterns: ShiftPattern[] = soest, days = 10): Roster =>
  generateShiftInstances({ patterns, overrides: [], from, days });

const boa = { id: 'boa-team', name: 'Boa-team Soest' };
const politie = { id: 'politie-basisteam', name: 'Politie basisteam Eemland-Noord' };

const input = (over: Partial<PickupInput> & Pick<PickupInput, 'now'>): PickupInput => ({
  priority: 'normaal',
  team: boa,
  fallback: politie,
  roster: roster('2026-06-01'),
  coordinatorIds: ['coord-1'],
  ...over,
});
const told = (i: PickupInput) => {
  const e = expectPickup(i);
  return { e, ...pickupMessage(e, i.now) };
};

describe('what the melder is told about when', () => {
  it('a boa on duty now: the boa-team gets the melding directly, no 112 line needed', () => {
    const now = at('2026-06-02', '20:00');
    const { e, message, safety } = told(input({ now }));
    expect(e).toMatchObject({ kind: 'on_duty_now', onDutyNow: true, teamName: 'Boa-team Soest' });
    expect(e.expectedPickupFrom).toBe('2026-06-02T20:00');
    expect(message).toBe('Boa-team Soest is nu in dienst en krijgt uw melding direct.');
    expect(safety).toBeNull();
  });

  it('normaal at 23:30, boa roster starting 07:00: "morgen vanaf 07:00", with 112 and 0900-8844', () => {
    const now = at('2026-06-02', '23:30');
    const { e, message, safety } = told(input({ now }));
    expect(e).toMatchObject({ kind: 'next_shift', onDutyNow: false, expectedPickupFrom: '2026-06-03T07:00' });
    expect(e.expectedPickupAt).toEqual(new Date('2026-06-03T05:00:00Z'));
    expect(message).toBe(
      'Boa-team Soest is nu niet in dienst; uw melding wordt morgen vanaf 07:00 opgepakt.',
    );
    expect(safety).toContain('112');
    expect(safety).toContain('0900-8844');
  });

  it('spoed at 23:30: the police (the fallback) get it at once, and the melder hears so', () => {
    const now = at('2026-06-02', '23:30');
    const { e, message, safety } = told(input({ now, priority: 'spoed' }));
    expect(e).toMatchObject({
      kind: 'fallback_now',
      onDutyNow: false,
      actingTeamName: 'Politie basisteam Eemland-Noord',
      expectedPickupFrom: '2026-06-02T23:30',
    });
    expect(message).toBe(
      'Boa-team Soest is nu niet in dienst. Omdat het spoed is, krijgt Politie basisteam Eemland-Noord uw melding direct.',
    );
    expect(safety).toContain('112');
  });

  it('spoed with no fallback on duty goes to the coordinator, as the dispatcher does', () => {
    const now = at('2026-06-02', '23:30');
    const boaOnly = roster(
      '2026-06-01',
      soest.filter((p) => p.teamId === 'boa-team'),
    );
    expect(expectPickup(input({ now, priority: 'spoed', roster: boaOnly })).kind).toBe('coordinator_now');
    expect(expectPickup(input({ now, priority: 'spoed', fallback: null })).kind).toBe('coordinator_now');
  });

  it('nobody planned at all: no time is promised', () => {
    const now = at('2026-06-02', '23:30');
    const { e, message, safety } = told(input({ now, roster: { instances: [] } }));
    expect(e).toMatchObject({ kind: 'no_shift_planned', expectedPickupFrom: null });
    expect(message).not.toMatch(/vanaf|direct/);
    expect(safety).toContain('0900-8844');
  });

  it('claimed: "in behandeling sinds …", and no longer a promise about the next shift', () => {
    const now = at('2026-06-03', '09:00');
    const { e, message, safety } = told(input({ now, claimedAt: at('2026-06-03', '07:12') }));
    expect(e).toMatchObject({ kind: 'in_behandeling', expectedPickupFrom: '2026-06-03T07:12' });
    expect(message).toBe('Uw melding is in behandeling bij Boa-team Soest sinds vandaag 07:12.');
    expect(safety).toBeNull();
  });

  it('the autumn DST night (2026-10-25): 23:30 → morgen 07:00 local, 8½ real hours later', () => {
    const now = at('2026-10-24', '23:30');
    const { e, message } = told(input({ now, roster: roster('2026-10-23') }));
    expect(e.expectedPickupFrom).toBe('2026-10-25T07:00');
    expect(e.expectedPickupAt).toEqual(new Date('2026-10-25T06:00:00Z'));
    expect(((e.expectedPickupAt?.getTime() ?? 0) - now.getTime()) / 3_600_000).toBe(8.5);
    expect(message).toContain('morgen vanaf 07:00');
  });

  it('the autumn DST night: a shift starting 02:30 starts at the first 02:30 (summer time)', () => {
    const night = pattern({ id: 'nacht', teamId: 'boa-team', start: '02:30', end: '06:00' });
    const now = at('2026-10-24', '23:30');
    const { e, message } = told(input({ now, roster: roster('2026-10-23', [night]) }));
    expect(e.expectedPickupAt).toEqual(new Date('2026-10-25T00:30:00Z'));
    expect(e.expectedPickupFrom).toBe('2026-10-25T02:30');
    expect(message).toContain('morgen vanaf 02:30');
  });

  it('the spring DST night (2027-03-28): 02:30 does not exist, the shift starts at the jump, 03:00 local', () => {
    const night = pattern({
      id: 'nacht',
      teamId: 'boa-team',
      start: '02:30',
      end: '06:00',
      validFrom: '2027-01-01',
    });
    const now = at('2027-03-27', '23:30');
    const { e, message } = told(input({ now, roster: roster('2027-03-26', [night]) }));
    expect(e.expectedPickupAt).toEqual(new Date('2027-03-28T01:00:00Z'));
    expect(e.expectedPickupFrom).toBe('2027-03-28T03:00');
    expect(message).toContain('morgen vanaf 03:00');
    expect(message).not.toContain('02:30');
  });

  it('Friday night: Saturday when the boa work weekends, Monday when they do not', () => {
    const now = at('2026-06-05', '23:30'); // a Friday
    const weekdays = (days: number[]) =>
      roster('2026-06-01', [
        pattern({ id: 'dag', teamId: 'boa-team', start: '07:00', end: '15:00', weekdays: days }),
      ]);
    const saturday = told(input({ now, roster: weekdays([1, 2, 3, 4, 5, 6]) }));
    expect(saturday.e.expectedPickupFrom).toBe('2026-06-06T07:00');
    expect(saturday.message).toContain('morgen vanaf 07:00');
    const monday = told(input({ now, roster: weekdays([1, 2, 3, 4, 5]) }));
    expect(monday.e.expectedPickupFrom).toBe('2026-06-08T07:00');
    expect(monday.message).toContain('uw melding wordt maandag vanaf 07:00 opgepakt');
  });

  it('names days from the Amsterdam calendar: today, tomorrow, this week, and a date beyond', () => {
    const now = at('2026-12-03', '23:59'); // Thursday
    expect(dayWords(at('2026-12-04', '00:01'), now)).toBe('morgen');
    expect(dayWords(at('2026-12-03', '08:00'), now)).toBe('vandaag');
    expect(dayWords(at('2026-12-02', '08:00'), now)).toBe('gisteren');
    expect(dayWords(at('2026-12-09', '07:00'), now)).toBe('woensdag');
    expect(dayWords(at('2026-12-14', '07:00'), now)).toBe('maandag 14 december');
    // 23:30 UTC on 3 December is already Friday 00:30 in Amsterdam.
    expect(dayWords(new Date('2026-12-04T07:00:00Z'), new Date('2026-12-03T23:30:00Z'))).toBe('vandaag');
  });
});
