import { onDuty } from '../roster/on-duty.ts';
import type { DispatchInput, DispatchPlan } from './dispatch-plan.ts';

// A reopened melding (heropend: the melder said it was not solved) goes back to the officer who handled
// it, when that officer is on duty now for the team it is assigned to: one notice, marked reopened,
// with the priority's pick-up time. Not on duty (or unknown): undefined, and the team gets it as any
// new melding. Not claimed in time: the escalation goes on as usual from step 1.

export function planReopenedDispatch(
  input: DispatchInput & { previousHandlerId: string | null },
): Extract<DispatchPlan, { kind: 'notify' }> | undefined {
  if (input.step !== 0 || !input.previousHandlerId) return undefined;
  const onDutyNow = onDuty(input.roster, input.teamId, input.now).members;
  if (!onDutyNow.some((m) => m.memberId === input.previousHandlerId)) return undefined;
  return {
    kind: 'notify',
    step: 0,
    recipients: [{ userId: input.previousHandlerId, reason: 'reopened', teamId: input.teamId }],
    checkAt: new Date(input.now.getTime() + input.pickupMinutes[input.priority] * 60_000),
  };
}
