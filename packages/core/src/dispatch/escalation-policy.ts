import { z } from 'zod';
import { type Priority, priorities } from '../categories.ts';
import { escalationPolicyMessages as m } from '../texts/escalation-nl.ts';

// A team's escalation policy (after PagerDuty/Opsgenie): ordered levels, each telling its targets and
// then waiting `delayMinutes` for a claim; the whole list is run `1 + repeat` times, then the melding
// is "onbeantwoord" for the coordinator. Step 0 is the first dispatch to the officers on duty; step n
// (n ≥ 1) is level (n - 1) mod levels.length.

// Every issue carries a Dutch message (texts/escalation-nl.ts): the API's 400 shows it to the coordinator.
const objectError =
  (fallback: string) =>
  (issue: { code: string; keys?: readonly string[] }): string =>
    issue.code === 'unrecognized_keys' ? m.unknownField(issue.keys ?? []) : fallback;

export const escalationTargetSchema = z.union(
  [
    z.enum(['on_duty', 'lead', 'coordinator']),
    z.templateLiteral(['team:', z.string().regex(/^[a-z0-9-]+$/)]),
  ],
  { error: m.targetInvalid },
);
export type EscalationTarget = z.infer<typeof escalationTargetSchema>;

const delayError = { error: m.delayInvalid };
export const escalationLevelSchema = z.strictObject(
  {
    delayMinutes: z
      .number(delayError)
      .int(delayError)
      .min(1, delayError)
      .max(24 * 60, delayError),
    targets: z.array(escalationTargetSchema, { error: m.targetsInvalid }).min(1, { error: m.targetsInvalid }),
  },
  { error: objectError(m.levelInvalid) },
);
export type EscalationLevel = z.infer<typeof escalationLevelSchema>;

const repeatError = { error: m.repeatInvalid };
const levelsError = { error: m.levelsInvalid };
export const escalationPolicySchema = z.strictObject(
  {
    levels: z.array(escalationLevelSchema, levelsError).min(1, levelsError).max(10, levelsError),
    /** How often the list of levels is run again after the first time. */
    repeat: z.number(repeatError).int(repeatError).min(0, repeatError).max(5, repeatError),
  },
  { error: objectError(m.policyInvalid) },
);
export type EscalationPolicy = z.infer<typeof escalationPolicySchema>;

/** For a team without its own policy: everyone on duty and the lead again, then the coordinator. */
export const defaultEscalationPolicy: EscalationPolicy = {
  levels: [
    { delayMinutes: 10, targets: ['on_duty', 'lead'] },
    { delayMinutes: 10, targets: ['coordinator'] },
  ],
  repeat: 0,
};

/** Minutes the officers on duty have to claim a melding after the first notice, per priority. */
export type PickupMinutes = Record<Priority, number>;

export const defaultPickupMinutes: PickupMinutes = { spoed: 10, hoog: 30, normaal: 120 };

export const isPriority = (value: string): value is Priority =>
  (priorities as readonly string[]).includes(value);
