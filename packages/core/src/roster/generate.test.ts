import { describe, expect, it } from 'vitest';
import { extraInstanceId, generateShiftInstances, patternInstanceId } from './generate.ts';
import type { RosterOverride } from './roster-schema.ts';
import { absence, hours, pattern, reason } from './roster-test-helpers.ts';

const one = (p: ReturnType<typeof pattern>, date: string) => {
  const { instances } = generateShiftInstances({ patterns: [p], overrides: [], from: date, days: 1 });
  const [shift] = instances;
  if (!shift) throw new Error(`no shift on ${date}`);
  return shift;
};

describe('shift instances across DST', () => {
  const night = pattern({ start: '22:00', end: '06:00' });

  it('makes a 22:00–06:00 shift 8 h normally, 7 h on 2026-03-28 and 9 h on 2026-10-24', () => {
    expect(hours(one(night, '2026-03-21').startsAt, one(night, '2026-03-21').endsAt)).toBe(8);
    const spring = one(night, '2026-03-28');
    expect([spring.startsAt.toISOString(), spring.endsAt.toISOString()]).toEqual([
      '2026-03-28T21:00:00.000Z',
      '2026-03-29T04:00:00.000Z',
    ]);
    const autumn = one(night, '2026-10-24');
    expect([autumn.startsAt.toISOString(), autumn.endsAt.toISOString()]).toEqual([
      '2026-10-24T20:00:00.000Z',
      '2026-10-25T05:00:00.000Z',
    ]);
    expect(hours(spring.startsAt, spring.endsAt)).toBe(7);
    expect(hours(autumn.startsAt, autumn.endsAt)).toBe(9);
  });

  it('keeps the local date and times as planned', () => {
    expect(one(night, '2026-10-24')).toMatchObject({
      localDate: '2026-10-24',
      localStart: '22:00',
      localEnd: '06:00',
    });
  });

  it('ends a shift whose end is at or before its start on the next day (07:00–07:00 is a day on the wall)', () => {
    const day = pattern({ start: '07:00', end: '07:00' });
    expect(hours(one(day, '2026-03-10').startsAt, one(day, '2026-03-10').endsAt)).toBe(24);
    expect(hours(one(day, '2026-03-28').startsAt, one(day, '2026-03-28').endsAt)).toBe(23);
    expect(hours(one(day, '2026-10-24').startsAt, one(day, '2026-10-24').endsAt)).toBe(25);
  });

  it('puts a time in the skipped spring hour at the jump: an end there, a start there, nothing inside', () => {
    const until0230 = one(pattern({ start: '22:00', end: '02:30' }), '2026-03-28');
    expect(until0230.endsAt.toISOString()).toBe('2026-03-29T01:00:00.000Z');
    expect(hours(until0230.startsAt, until0230.endsAt)).toBe(4);
    const from0230 = one(pattern({ start: '02:30', end: '06:00' }), '2026-03-29');
    expect(from0230.startsAt.toISOString()).toBe('2026-03-29T01:00:00.000Z');
    expect(hours(from0230.startsAt, from0230.endsAt)).toBe(3);
    const inside = one(pattern({ start: '02:15', end: '02:45' }), '2026-03-29');
    expect(inside.endsAt.getTime()).toBe(inside.startsAt.getTime());
  });

  it('reads a time that occurs twice in autumn as the first (summer-time) one', () => {
    const from0230 = one(pattern({ start: '02:30', end: '06:00' }), '2026-10-25');
    expect(from0230.startsAt.toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(hours(from0230.startsAt, from0230.endsAt)).toBe(4.5);
    const until0230 = one(pattern({ start: '22:00', end: '02:30' }), '2026-10-24');
    expect(until0230.endsAt.toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });
});

describe('patterns', () => {
  it('runs on its weekdays between validFrom and validUntil (inclusive), sorted by start', () => {
    const weekdays = pattern({ id: 'w', start: '08:00', end: '16:00', weekdays: [1, 2, 3, 4, 5] });
    const weekend = pattern({
      id: 'z',
      start: '10:00',
      end: '18:00',
      weekdays: [6, 7],
      validFrom: '2026-03-08',
      validUntil: '2026-03-14',
    });
    // 2026-03-02 is a Monday.
    const { instances } = generateShiftInstances({
      patterns: [weekend, weekdays],
      overrides: [],
      from: '2026-03-02',
      days: 14,
    });
    expect(instances.map((s) => s.id)).toEqual([
      ...['02', '03', '04', '05', '06'].map((d) => patternInstanceId('w', `2026-03-${d}`)),
      patternInstanceId('z', '2026-03-08'), // Sunday, the first valid day
      ...['09', '10', '11', '12', '13'].map((d) => patternInstanceId('w', `2026-03-${d}`)),
      patternInstanceId('z', '2026-03-14'),
    ]);
  });
});

describe('overrides beat patterns', () => {
  const day = pattern({ start: '08:00', end: '16:00' });
  const generate = (overrides: RosterOverride[]) =>
    generateShiftInstances({ patterns: [day], overrides, from: '2026-05-04', days: 2 });

  it('swaps a member, handing on the lead', () => {
    const swap: RosterOverride = {
      id: 'sw',
      teamId: 'team',
      date: '2026-05-04',
      kind: 'swap',
      patternId: 'p',
      memberId: 'anna',
      replacementId: 'cor',
      reason,
    };
    const { instances, issues } = generate([swap]);
    expect(issues).toEqual([]);
    expect(instances[0]).toMatchObject({ memberIds: ['cor', 'bram'], leadId: 'cor', overrideIds: ['sw'] });
    expect(instances[1]).toMatchObject({ memberIds: ['anna', 'bram'], leadId: 'anna', overrideIds: [] });
  });

  it('takes a sick member off the shift; a sick lead leaves it without a lead', () => {
    const { instances } = generate([absence({ date: '2026-05-05', memberId: 'anna' })]);
    expect(instances[1]).toMatchObject({ memberIds: ['bram'], leadId: null });
  });

  it('with no pattern named, takes the absent member off every shift starting that day', () => {
    const evening = pattern({ id: 'e', start: '16:00', end: '23:00' });
    const { instances } = generateShiftInstances({
      patterns: [day, evening],
      overrides: [absence({ date: '2026-05-04', memberId: 'bram', patternId: null })],
      from: '2026-05-04',
      days: 1,
    });
    expect(instances.map((s) => s.memberIds)).toEqual([['anna'], ['anna']]);
  });

  it('adds an extra shift for an event', () => {
    const extra: RosterOverride = {
      id: 'koningsdag',
      teamId: 'team',
      date: '2026-05-04',
      kind: 'extra',
      label: 'Dodenherdenking',
      start: '19:00',
      end: '01:00',
      memberIds: ['dirk'],
      leadId: 'dirk',
      reason,
    };
    const { instances } = generate([extra]);
    const added = instances.find((s) => s.id === extraInstanceId('koningsdag'));
    expect(added).toMatchObject({ label: 'Dodenherdenking', memberIds: ['dirk'], source: { kind: 'extra' } });
    expect(added?.endsAt.toISOString()).toBe('2026-05-04T23:00:00.000Z');
  });

  it('reports an override that cannot apply instead of dropping it silently', () => {
    const { issues } = generate([
      absence({ date: '2026-05-04', memberId: 'zoe' }),
      absence({ date: '2026-05-05', memberId: 'anna', patternId: 'other' }),
      absence({ date: '2026-05-04', memberId: 'anna', teamId: 'other-team' }),
    ]);
    expect(issues.map((i) => i.code)).toEqual(['NOT_ON_SHIFT', 'NO_SHIFT', 'OTHER_TEAM']);
    expect(issues[0]?.message).toContain('niet op deze dienst');
  });
});
