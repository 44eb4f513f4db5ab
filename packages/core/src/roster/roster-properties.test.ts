// Property tests (fast-check, seeded and bounded) of what on-call tools get wrong at DST: shifts
// generated from local wall-clock patterns around the 23-hour night of 2026-03-29 and the 25-hour night
// of 2026-10-25.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDaysTo, localDateOf, localTimeOf, minutesOfDay } from '../time/wall-clock.ts';
import { coverageGaps } from './coverage.ts';
import { generateShiftInstances } from './generate.ts';
import { onDuty } from './on-duty.ts';
import type { RosterOverride, RosterTeam } from './roster-schema.ts';
import { HOUR, pattern, reason } from './roster-test-helpers.ts';

const runs = { seed: 20260329, numRuns: 150 } as const;
const SPRING = Date.parse('2026-03-29T01:00:00Z'); // 02:00 CET → 03:00 CEST
const AUTUMN = Date.parse('2026-10-25T01:00:00Z'); // 03:00 CEST → 02:00 CET

const pad = (n: number) => String(n).padStart(2, '0');
const timeText = (minutes: number) => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
/** Days around both DST nights, and a few ordinary ones. */
const dateArb = fc.oneof(
  fc.integer({ min: -3, max: 3 }).map((d) => addDaysTo('2026-03-29', d)),
  fc.integer({ min: -3, max: 3 }).map((d) => addDaysTo('2026-10-25', d)),
  fc.integer({ min: 0, max: 364 }).map((d) => addDaysTo('2026-01-01', d)),
);
const timeArb = fc.integer({ min: 0, max: 24 * 4 - 1 }).map((q) => timeText(q * 15));
const inSpringGap = (date: string, time: string) =>
  date === '2026-03-29' && minutesOfDay(time) >= 120 && minutesOfDay(time) < 180;

describe('roster properties across DST', () => {
  it("a shift's length is its wall-clock length adjusted by exactly the DST change it spans", () => {
    fc.assert(
      fc.property(dateArb, timeArb, timeArb, (date, start, end) => {
        const endDate = minutesOfDay(end) <= minutesOfDay(start) ? addDaysTo(date, 1) : date;
        fc.pre(!inSpringGap(date, start) && !inSpringGap(endDate, end));
        const [shift] = generateShiftInstances({
          patterns: [pattern({ start, end })],
          overrides: [],
          from: date,
          days: 1,
        }).instances;
        if (!shift) return false;
        let wallMinutes = minutesOfDay(end) - minutesOfDay(start);
        if (wallMinutes <= 0) wallMinutes += 24 * 60;
        const spans = (t: number) => shift.startsAt.getTime() < t && t < shift.endsAt.getTime();
        const expected = wallMinutes * 60_000 - (spans(SPRING) ? HOUR : 0) + (spans(AUTUMN) ? HOUR : 0);
        expect(shift.endsAt.getTime() - shift.startsAt.getTime()).toBe(expected);
        // And the instants show the planned wall clock again.
        expect([localDateOf(shift.startsAt), localTimeOf(shift.startsAt)]).toEqual([date, start]);
        expect([localDateOf(shift.endsAt), localTimeOf(shift.endsAt)]).toEqual([endDate, end]);
      }),
      runs,
    );
  });

  it('shifts that meet on the wall clock meet in instants: no gap or overlap appears at DST', () => {
    // Half of the cut points fall between 01:00 and 04:00, where the clocks change.
    const nightArb = fc.integer({ min: 4, max: 15 }).map((q) => timeText(q * 15));
    const cutsArb = fc
      .uniqueArray(fc.oneof(timeArb, nightArb), { minLength: 1, maxLength: 5 })
      .map((c) => c.sort());
    const fromArb = fc.constantFrom('2026-03-26', '2026-10-22', '2026-03-28', '2026-10-24');
    fc.assert(
      fc.property(cutsArb, fromArb, fc.integer({ min: 0, max: 10_000 }), (cuts, from, probe) => {
        // Consecutive patterns c0–c1, c1–c2, …, ck–c0 (next day) tile every day on the wall.
        const patterns = cuts.map((start, i) =>
          pattern({
            id: `p${i}`,
            start,
            end: cuts[(i + 1) % cuts.length] ?? start,
            memberIds: [`m${i}`],
            leadId: null,
          }),
        );
        const generated = generateShiftInstances({ patterns, overrides: [], from, days: 6 }).instances;
        // In the order of the wall clock, each shift begins where the previous one ended.
        const wallOrder = (s: (typeof generated)[number]) => `${s.localDate} ${s.localStart}`;
        const instances = [...generated].sort((a, b) => wallOrder(a).localeCompare(wallOrder(b)));
        for (const s of instances) expect(s.endsAt.getTime()).toBeGreaterThanOrEqual(s.startsAt.getTime());
        for (let i = 1; i < instances.length; i++) {
          expect(instances[i]?.startsAt.getTime()).toBe(instances[i - 1]?.endsAt.getTime());
        }
        const first = instances[0]?.startsAt.getTime() ?? 0;
        const last = instances.at(-1)?.endsAt.getTime() ?? 0;
        const t = new Date(first + ((last - first) * probe) / 10_001);
        expect(onDuty({ instances }, 'team', t).members).toHaveLength(1);
        expect(generated).toEqual(instances); // and sorting by instant gives the same order
        const always: RosterTeam = {
          id: 'team',
          name: 'T',
          kind: 'politie',
          active: true,
          coverage: { kind: 'always' },
        };
        expect(coverageGaps({ instances }, always, new Date(first), 1)).toEqual([]);
      }),
      runs,
    );
  });

  it('an override beats the pattern on its date and nowhere else', () => {
    const memberArb = fc.constantFrom('anna', 'bram', 'cor');
    fc.assert(
      fc.property(dateArb, timeArb, timeArb, memberArb, fc.boolean(), (date, start, end, member, swap) => {
        fc.pre(start !== end);
        const p = pattern({ start, end, memberIds: ['anna', 'bram', 'cor'], leadId: 'anna' });
        const override: RosterOverride = swap
          ? {
              id: 'o',
              teamId: 'team',
              date,
              kind: 'swap',
              patternId: 'p',
              memberId: member,
              replacementId: 'dirk',
              reason,
            }
          : {
              id: 'o',
              teamId: 'team',
              date,
              kind: 'absent',
              cause: 'ziek',
              patternId: 'p',
              memberId: member,
              reason,
            };
        const { instances, issues } = generateShiftInstances({
          patterns: [p],
          overrides: [override],
          from: addDaysTo(date, -1),
          days: 3,
        });
        expect(issues).toEqual([]);
        for (const shift of instances) {
          if (shift.endsAt <= shift.startsAt) continue; // wholly inside the skipped spring hour
          const onDutyIds = onDuty({ instances }, 'team', shift.startsAt).members.map((m) => m.memberId);
          const mine = shift.localDate === date;
          // Overlapping shifts (24-hour ones) may put a member on duty from the neighbouring day.
          if (mine) expect(shift.memberIds).not.toContain(member);
          if (mine && swap) expect(onDutyIds).toContain('dirk');
          if (!mine) expect(shift.memberIds).toEqual(['anna', 'bram', 'cor']);
          if (mine && member === 'anna') expect(shift.leadId).toBe(swap ? 'dirk' : null);
        }
      }),
      runs,
    );
  });

  it('a shift ending at or before its start ends on the next local day', () => {
    fc.assert(
      fc.property(dateArb, timeArb, timeArb, (date, start, end) => {
        fc.pre(minutesOfDay(end) <= minutesOfDay(start) && !inSpringGap(addDaysTo(date, 1), end));
        const [shift] = generateShiftInstances({
          patterns: [pattern({ start, end })],
          overrides: [],
          from: date,
          days: 1,
        }).instances;
        expect(shift && localDateOf(shift.endsAt)).toBe(addDaysTo(date, 1));
      }),
      runs,
    );
  });
});
