import { describe, expect, it } from 'vitest';
import { wallClockInstant } from '../time/wall-clock.ts';
import { generateShiftInstances } from './generate.ts';
import { regenerateFuture } from './regenerate.ts';
import type { ShiftInstance } from './roster-schema.ts';
import { pattern } from './roster-test-helpers.ts';

const before = pattern({ id: 'p', start: '08:00', end: '16:00', memberIds: ['anna'], leadId: 'anna' });
const after = { ...before, start: '10:00', end: '18:00', memberIds: ['bram'], leadId: 'bram' };
const gen = (p: typeof before, from: string, days: number) =>
  generateShiftInstances({ patterns: [p], overrides: [], from, days }).instances;

describe('regenerateFuture', () => {
  const existing = gen(before, '2026-06-01', 7);
  const cutoff = wallClockInstant('2026-06-03', '09:00'); // the shift of 3 June is running

  it('keeps every instance that began before the cut-off exactly as it was, and replaces the future', () => {
    const result = regenerateFuture({
      teamId: 'team',
      existing,
      generated: gen(after, '2026-06-03', 5),
      cutoff,
    });
    const past = existing.filter((s) => s.startsAt < cutoff);
    expect(result.instances.slice(0, 3)).toEqual(past);
    expect(result.instances.slice(3).map((s) => [s.localDate, s.localStart, s.memberIds[0]])).toEqual(
      ['04', '05', '06', '07'].map((d) => [`2026-06-${d}`, '10:00', 'bram']),
    );
    expect(result.updated.map((s) => s.localDate)).toEqual([
      '2026-06-04',
      '2026-06-05',
      '2026-06-06',
      '2026-06-07',
    ]);
    expect(result.added).toEqual([]);
    expect(result.removed).toEqual([]);
  });

  it('drops a generated shift for a pattern and date whose shift already began', () => {
    const result = regenerateFuture({
      teamId: 'team',
      existing,
      generated: gen(after, '2026-06-03', 1),
      cutoff,
    });
    expect(result.instances.filter((s) => s.localDate === '2026-06-03')).toEqual(
      existing.filter((s) => s.localDate === '2026-06-03'),
    );
  });

  it('removes future shifts a pattern no longer has, adds new ones, and leaves other teams alone', () => {
    const other: ShiftInstance = { ...(existing[6] as ShiftInstance), id: 'x/1', teamId: 'other' };
    const shorter = { ...before, validUntil: '2026-06-05' };
    const extra = pattern({ id: 'q', start: '18:00', end: '20:00', validFrom: '2026-06-07' });
    const generated = generateShiftInstances({
      patterns: [shorter, extra],
      overrides: [],
      from: '2026-06-03',
      days: 5,
    }).instances;
    const result = regenerateFuture({ teamId: 'team', existing: [...existing, other], generated, cutoff });
    expect(result.removed.map((s) => s.id)).toEqual(['p/2026-06-06', 'p/2026-06-07']);
    expect(result.added.map((s) => s.id)).toEqual(['q/2026-06-07']);
    expect(result.updated).toEqual([]);
    expect(result.instances).toContainEqual(other);
  });

  it('in the imported scope touches only imported instances', () => {
    const result = regenerateFuture({ teamId: 'team', existing, generated: [], cutoff, scope: 'imported' });
    expect(result.instances).toEqual(existing);
  });
});

describe('regenerateFuture during a shift whose crew changes', () => {
  const two = pattern({ id: 'p', start: '07:00', end: '15:00', memberIds: ['anna', 'bram'], leadId: 'anna' });
  const existing = generateShiftInstances({
    patterns: [two],
    overrides: [],
    from: '2026-06-03',
    days: 1,
  }).instances;
  const sick = (date: string, id: string) => ({
    id,
    teamId: 'team',
    kind: 'absent' as const,
    date,
    patternId: 'p',
    memberId: 'bram',
    cause: 'ziek' as const,
    reason: 'Ziek naar huis',
  });
  const withSick = generateShiftInstances({
    patterns: [two],
    overrides: [sick('2026-06-03', 'o1')],
    from: '2026-06-03',
    days: 1,
  }).instances;
  const at = wallClockInstant('2026-06-03', '10:15');

  it('ends the running shift at that moment as it was worked, and goes on with the new crew', () => {
    const result = regenerateFuture({ teamId: 'team', existing, generated: withSick, cutoff: at });
    expect(result.cut).toEqual([
      { ...existing[0], endsAt: at, localEnd: '10:15', memberIds: ['anna', 'bram'] },
    ]);
    expect(result.added).toEqual([
      expect.objectContaining({
        id: `p/2026-06-03@${at.toISOString()}`,
        localDate: '2026-06-03',
        localStart: '10:15',
        localEnd: '15:00',
        startsAt: at,
        endsAt: existing[0]?.endsAt,
        memberIds: ['anna'],
      }),
    ]);
    // No gap and no overlap: the two parts meet at the cut-off.
    const parts = result.instances.filter((s) => s.localDate === '2026-06-03');
    expect(parts.map((s) => [s.startsAt.toISOString(), s.endsAt.toISOString()])).toEqual([
      [existing[0]?.startsAt.toISOString(), at.toISOString()],
      [at.toISOString(), existing[0]?.endsAt.toISOString()],
    ]);
  });

  it('changes nothing when the crew is the same, also for a continuation later on', () => {
    expect(regenerateFuture({ teamId: 'team', existing, generated: existing, cutoff: at }).cut).toEqual([]);
    const once = regenerateFuture({ teamId: 'team', existing, generated: withSick, cutoff: at });
    const later = wallClockInstant('2026-06-03', '12:00');
    const again = regenerateFuture({
      teamId: 'team',
      existing: once.instances,
      generated: withSick,
      cutoff: later,
    });
    expect(again.cut).toEqual([]);
    expect(again.added).toEqual([]);
    expect(again.updated).toEqual([]);
  });

  it('leaves a shift that has not begun or has ended to the normal regeneration', () => {
    const before = wallClockInstant('2026-06-03', '06:00');
    const result = regenerateFuture({ teamId: 'team', existing, generated: withSick, cutoff: before });
    expect(result.cut).toEqual([]);
    expect(result.updated.map((s) => s.memberIds)).toEqual([['anna']]);
    const afterwards = wallClockInstant('2026-06-03', '16:00');
    expect(
      regenerateFuture({ teamId: 'team', existing, generated: withSick, cutoff: afterwards }).cut,
    ).toEqual([]);
  });
});
