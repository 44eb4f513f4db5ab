import { describe, expect, it } from 'vitest';
import { generateShiftInstances } from '../roster/generate.ts';
import type { Roster } from '../roster/roster-schema.ts';
import { soestShiftPatterns } from '../roster/soest-seed.ts';
import { wallClockInstant } from '../time/wall-clock.ts';
import { type DispatchInput, planDispatch } from './dispatch-plan.ts';
import {
  defaultEscalationPolicy,
  defaultPickupMinutes,
  escalationPolicySchema,
} from './escalation-policy.ts';

// Soest's seeded rosters: boa's 07:00–15:00 and 14:30–22:30, the police around the clock.
const patterns = soestShiftPatterns({
  boa: ['boa-1', 'boa-2'],
  politie: ['agent-1'],
  validFrom: '2026-01-01',
});
const roster = (from: string): Roster => generateShiftInstances({ patterns, overrides: [], from, days: 3 });

const input = (over: Partial<DispatchInput> & Pick<DispatchInput, 'now'>): DispatchInput => ({
  priority: 'spoed',
  teamId: 'boa-team',
  step: 0,
  roster: roster('2026-06-01'),
  policy: defaultEscalationPolicy,
  fallbackTeamId: 'politie-basisteam',
  coordinatorIds: ['coord-1'],
  pickupMinutes: defaultPickupMinutes,
  ...over,
});
const at = wallClockInstant;

describe('planDispatch', () => {
  it('tells the boa on duty and checks again after the pick-up time of the priority', () => {
    const now = at('2026-06-02', '20:00');
    expect(planDispatch(input({ now }))).toEqual({
      kind: 'notify',
      step: 0,
      recipients: [
        { userId: 'boa-1', reason: 'on_duty', teamId: 'boa-team' },
        { userId: 'boa-2', reason: 'on_duty', teamId: 'boa-team' },
      ],
      checkAt: at('2026-06-02', '20:10'),
    });
    const hoog = planDispatch(input({ now, priority: 'hoog' }));
    expect(hoog.kind === 'notify' && hoog.checkAt).toEqual(at('2026-06-02', '20:30'));
  });

  it('at 23:30 with no boa on duty sends spoed to the police at once', () => {
    const plan = planDispatch(input({ now: at('2026-06-02', '23:30') }));
    expect(plan).toMatchObject({
      kind: 'notify',
      recipients: [{ userId: 'agent-1', reason: 'fallback', teamId: 'politie-basisteam' }],
    });
  });

  it('at 23:30 lets a normaal melding wait for the boa shift of 07:00', () => {
    expect(planDispatch(input({ now: at('2026-06-02', '23:30'), priority: 'normaal' }))).toEqual({
      kind: 'wait',
      until: at('2026-06-03', '07:00'),
    });
  });

  it('spoed without a fallback team goes to the coordinator', () => {
    const plan = planDispatch(input({ now: at('2026-06-02', '23:30'), fallbackTeamId: null }));
    expect(plan).toMatchObject({
      kind: 'notify',
      recipients: [{ userId: 'coord-1', reason: 'coordinator' }],
    });
  });

  it('in the DST night (25 October 2026, 03:00 → 02:00) waits until 07:00 local time, 8½ real hours', () => {
    const now = at('2026-10-24', '23:30');
    const plan = planDispatch(input({ now, priority: 'normaal', roster: roster('2026-10-23') }));
    expect(plan).toEqual({ kind: 'wait', until: new Date('2026-10-25T06:00:00Z') });
    if (plan.kind !== 'wait') throw new Error('not waiting');
    expect((plan.until.getTime() - now.getTime()) / 3_600_000).toBe(8.5);
  });

  it('walks the escalation levels, repeats them, and then says onbeantwoord', () => {
    const policy = escalationPolicySchema.parse({
      levels: [
        { delayMinutes: 5, targets: ['lead'] },
        { delayMinutes: 15, targets: ['team:politie-basisteam', 'coordinator'] },
      ],
      repeat: 1,
    });
    const now = at('2026-06-02', '20:00');
    const step = (n: number) => planDispatch(input({ now, policy, step: n }));
    expect(step(1)).toMatchObject({
      recipients: [{ userId: 'boa-1', reason: 'lead' }],
      checkAt: at('2026-06-02', '20:05'),
    });
    expect(step(2)).toMatchObject({
      recipients: [
        { userId: 'agent-1', reason: 'team' },
        { userId: 'coord-1', reason: 'coordinator' },
      ],
      checkAt: at('2026-06-02', '20:15'),
    });
    expect(step(3)).toMatchObject({ recipients: [{ userId: 'boa-1' }] });
    expect(step(4)).toMatchObject({ kind: 'notify' });
    expect(step(5)).toEqual({ kind: 'unanswered' });
  });

  it('names each officer once per step, and refuses an unknown target', () => {
    const plan = planDispatch(input({ now: at('2026-06-02', '20:00'), step: 1 }));
    expect(plan.kind === 'notify' && plan.recipients.map((r) => r.userId)).toEqual(['boa-1', 'boa-2']);
    expect(
      escalationPolicySchema.safeParse({ levels: [{ delayMinutes: 5, targets: ['boss'] }], repeat: 0 })
        .success,
    ).toBe(false);
  });
});
