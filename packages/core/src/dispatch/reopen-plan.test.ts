import { describe, expect, it } from 'vitest';
import { generateShiftInstances } from '../roster/generate.ts';
import { soestShiftPatterns } from '../roster/soest-seed.ts';
import { wallClockInstant as at } from '../time/wall-clock.ts';
import { defaultEscalationPolicy, defaultPickupMinutes } from './escalation-policy.ts';
import { planReopenedDispatch } from './reopen-plan.ts';

const patterns = soestShiftPatterns({
  boa: ['boa-1', 'boa-2'],
  politie: ['agent-1'],
  validFrom: '2026-01-01',
});
const roster = generateShiftInstances({ patterns, overrides: [], from: '2026-06-01', days: 3 });
const input = (now: Date, previousHandlerId: string | null, step = 0) => ({
  priority: 'hoog' as const,
  teamId: 'boa-team',
  step,
  now,
  roster,
  policy: defaultEscalationPolicy,
  fallbackTeamId: 'politie-basisteam',
  coordinatorIds: ['coord-1'],
  pickupMinutes: defaultPickupMinutes,
  previousHandlerId,
});

describe('planReopenedDispatch', () => {
  it('tells only the officer who handled it when on duty, with the pick-up time of the priority', () => {
    expect(planReopenedDispatch(input(at('2026-06-02', '20:00'), 'boa-2'))).toEqual({
      kind: 'notify',
      step: 0,
      recipients: [{ userId: 'boa-2', reason: 'reopened', teamId: 'boa-team' }],
      checkAt: at('2026-06-02', '20:30'),
    });
  });

  it('leaves it to the team when that officer is off duty, unknown, not of the team, or past step 0', () => {
    expect(planReopenedDispatch(input(at('2026-06-02', '23:30'), 'boa-2'))).toBeUndefined();
    expect(planReopenedDispatch(input(at('2026-06-02', '20:00'), null))).toBeUndefined();
    expect(planReopenedDispatch(input(at('2026-06-02', '20:00'), 'agent-1'))).toBeUndefined();
    expect(planReopenedDispatch(input(at('2026-06-02', '20:00'), 'boa-2', 1))).toBeUndefined();
  });
});
