import type { Priority } from '../categories.ts';
import type { pickupKinds } from '../contract/pickup.ts';
import type { Roster } from '../roster/roster-schema.ts';
import { zonedAt } from '../time/amsterdam-time.ts';
import { planDispatch } from './dispatch-plan.ts';
import { defaultEscalationPolicy, defaultPickupMinutes } from './escalation-policy.ts';

// What the melder is told about "when": derived from the very plan the dispatcher makes for the first
// step (planDispatch, step 0), so that the confirmation, the mail and the status page can never promise
// something the dispatcher does not do. Pure: the caller brings the roster and the clock.

/** What happens with the melding now; the list and its meanings are in contract/pickup.ts. */
export type PickupKind = (typeof pickupKinds)[number];

export interface PickupTeam {
  id: string;
  name: string;
}

export interface PickupInput {
  priority: Priority;
  team: PickupTeam;
  /** The team's fallback (routing's outcome: who gets spoed when the team has no one on duty). */
  fallback: PickupTeam | null;
  /** Shift instances of the team and its fallback from `now` on. */
  roster: Roster;
  /** Active coordinators (the dispatcher tells them spoed when nobody is on duty). */
  coordinatorIds: readonly string[];
  now: Date;
  /** When an officer claimed it (in_behandeling); undefined or null while it waits. */
  claimedAt?: Date | null | undefined;
  /** Since when it waits for an officer (the assignment's creation); undefined for a new melding. */
  waitingSince?: Date | null | undefined;
  /** When escalation gave up and listed it as onbeantwoord for the coordinator (assignments.unanswered_at). */
  unansweredAt?: Date | null | undefined;
}

export interface PickupExpectation {
  kind: PickupKind;
  /** The team the melding is assigned to (a team name, never an officer's). */
  teamName: string;
  /** The team that gets it now when that is not the assigned team (fallback_now), else null. */
  actingTeamName: string | null;
  /** Whether someone of the assigned team is on duty now. */
  onDutyNow: boolean;
  /** The instant from which it is (or was) expected to be picked up; null when nothing is planned. */
  expectedPickupAt: Date | null;
  /** The same on the Amsterdam wall clock, 'YYYY-MM-DDTHH:MM'; null when nothing is planned. */
  expectedPickupFrom: string | null;
  /** When it was claimed (in_behandeling), else null. */
  claimedAt: Date | null;
  /**
   * on_duty_now only: when the officers on duty were already told, if that was before `now` (a melding
   * that waited for the shift, or has waited within it); null when they are told now.
   */
  toldAt: Date | null;
}

/** 'YYYY-MM-DDTHH:MM' of an instant on the Amsterdam wall clock. */
export const localDateTimeOf = (instant: Date): string =>
  zonedAt(instant).toPlainDateTime().toString({ smallestUnit: 'minute' });

function expectation(
  input: PickupInput,
  kind: PickupKind,
  at: Date | null,
  extra: Partial<PickupExpectation> = {},
): PickupExpectation {
  return {
    kind,
    teamName: input.team.name,
    actingTeamName: null,
    onDutyNow: kind === 'on_duty_now',
    expectedPickupAt: at,
    expectedPickupFrom: at ? localDateTimeOf(at) : null,
    claimedAt: null,
    toldAt: null,
    ...extra,
  };
}

/** The dispatcher's first step (planDispatch, step 0) for this melding as it would run at `now`. */
function planAt(input: PickupInput, now: Date) {
  return planDispatch({
    priority: input.priority,
    teamId: input.team.id,
    step: 0,
    now,
    roster: input.roster,
    // Step 0 reads neither the policy's levels nor the pick-up minutes (only for its checkAt).
    policy: defaultEscalationPolicy,
    fallbackTeamId: input.fallback?.id ?? null,
    coordinatorIds: input.coordinatorIds,
    pickupMinutes: defaultPickupMinutes,
  });
}

/** A minute of grace: a melding seen right after it came in is told "now", not "since". */
const toldNowMs = 60_000;

/** When the first step told the officers of a melding waiting since `since`, if before `now`. */
function toldBefore(input: PickupInput, since: Date, now: Date): Date | null {
  const first = planAt(input, since);
  const told = first.kind === 'wait' ? first.until : since;
  return now.getTime() - told.getTime() >= toldNowMs ? told : null;
}

/** What will happen with the melding and when, as the dispatcher's first step will do it. */
export function expectPickup(input: PickupInput): PickupExpectation {
  const { now } = input;
  const plan = planAt(input, now);
  const ownOnDuty = plan.kind === 'notify' && plan.recipients.some((r) => r.reason === 'on_duty');
  if (input.claimedAt) {
    return expectation(input, 'in_behandeling', input.claimedAt, {
      claimedAt: input.claimedAt,
      onDutyNow: ownOnDuty,
    });
  }
  if (input.unansweredAt) return expectation(input, 'unanswered', null, { onDutyNow: ownOnDuty });
  if (plan.kind === 'wait') return expectation(input, 'next_shift', plan.until);
  if (plan.kind === 'unanswered') return expectation(input, 'no_shift_planned', null);
  if (ownOnDuty) {
    const told = input.waitingSince ? toldBefore(input, input.waitingSince, now) : null;
    return expectation(input, 'on_duty_now', told ?? now, { toldAt: told });
  }
  if (plan.recipients.some((r) => r.reason === 'fallback')) {
    return expectation(input, 'fallback_now', now, { actingTeamName: input.fallback?.name ?? null });
  }
  return expectation(input, 'coordinator_now', now);
}
