import type { Priority } from '../categories.ts';
import { nextShiftStart, onDuty } from '../roster/on-duty.ts';
import type { Roster } from '../roster/roster-schema.ts';
import type { EscalationPolicy, EscalationTarget, PickupMinutes } from './escalation-policy.ts';

// What the dispatcher does for one step of one assignment: a pure function of the assignment, the
// roster, the team's policy and fallback, and the clock. The worker stores and sends what it says.

/** Why an officer is told: one of the team on duty, its shift lead, the coordinator, or another team. */
export type NoticeReason = 'on_duty' | 'lead' | 'coordinator' | 'team' | 'fallback' | 'reopened';

export interface NoticeRecipient {
  userId: string;
  reason: NoticeReason;
  /** The team whose roster put this officer on duty (null for the coordinator). */
  teamId: string | null;
}

export interface DispatchInput {
  priority: Priority;
  teamId: string;
  /** 0: the first dispatch; n ≥ 1: escalation level (n - 1) mod levels (see escalation-policy.ts). */
  step: number;
  now: Date;
  /** Shift instances of the team, its fallback and every team the policy names, from now on. */
  roster: Roster;
  policy: EscalationPolicy;
  fallbackTeamId: string | null;
  /** The coordinators who can be told (active accounts with the coordinator role). */
  coordinatorIds: readonly string[];
  pickupMinutes: PickupMinutes;
}

export type DispatchPlan =
  /** Tell these officers, then check for a claim at `checkAt` (step `step + 1`). */
  | { kind: 'notify'; step: number; recipients: NoticeRecipient[]; checkAt: Date }
  /** No one on duty and not spoed: run step 0 again when the next shift starts. */
  | { kind: 'wait'; until: Date }
  /** All steps done (or nobody will ever be on duty): list it for the coordinator. */
  | { kind: 'unanswered' };

const minutes = (at: Date, m: number) => new Date(at.getTime() + m * 60_000);

function onDutyOf(input: DispatchInput, teamId: string, reason: NoticeReason): NoticeRecipient[] {
  return onDuty(input.roster, teamId, input.now).members.map((m) => ({ userId: m.memberId, reason, teamId }));
}

function recipientsFor(input: DispatchInput, target: EscalationTarget): NoticeRecipient[] {
  if (target === 'on_duty') return onDutyOf(input, input.teamId, 'on_duty');
  if (target === 'lead') {
    const { leadIds } = onDuty(input.roster, input.teamId, input.now);
    return leadIds.map((userId) => ({ userId, reason: 'lead', teamId: input.teamId }));
  }
  if (target === 'coordinator') {
    return input.coordinatorIds.map((userId) => ({ userId, reason: 'coordinator', teamId: null }));
  }
  return onDutyOf(input, target.slice('team:'.length), 'team');
}

/** One entry per officer: the first reason wins (on duty before lead before the others). */
function unique(recipients: NoticeRecipient[]): NoticeRecipient[] {
  const seen = new Map<string, NoticeRecipient>();
  for (const r of recipients) if (!seen.has(r.userId)) seen.set(r.userId, r);
  return [...seen.values()];
}

function firstDispatch(input: DispatchInput): DispatchPlan {
  const checkAt = minutes(input.now, input.pickupMinutes[input.priority]);
  const own = onDutyOf(input, input.teamId, 'on_duty');
  if (own.length > 0) return { kind: 'notify', step: 0, recipients: own, checkAt };
  if (input.priority === 'spoed') {
    // Spoed cannot wait for a shift: the fallback team at once, and without one the coordinator.
    const fallback = input.fallbackTeamId ? onDutyOf(input, input.fallbackTeamId, 'fallback') : [];
    const recipients = fallback.length > 0 ? fallback : recipientsFor(input, 'coordinator');
    if (recipients.length > 0) return { kind: 'notify', step: 0, recipients, checkAt };
  }
  const next = nextShiftStart(input.roster, input.teamId, input.now);
  return next ? { kind: 'wait', until: next } : { kind: 'unanswered' };
}

/** The number of escalation steps after the first dispatch. */
export const escalationSteps = (policy: EscalationPolicy): number =>
  policy.levels.length * (policy.repeat + 1);

export function planDispatch(input: DispatchInput): DispatchPlan {
  if (input.step === 0) return firstDispatch(input);
  const { levels } = input.policy;
  if (input.step > escalationSteps(input.policy)) return { kind: 'unanswered' };
  const level = levels[(input.step - 1) % levels.length];
  if (!level) return { kind: 'unanswered' };
  const recipients = unique(level.targets.flatMap((t) => recipientsFor(input, t)));
  return { kind: 'notify', step: input.step, recipients, checkAt: minutes(input.now, level.delayMinutes) };
}
