import { z } from 'zod';
import { type Priority, priorities } from '../categories.ts';

// A team's escalation policy (after PagerDuty/Opsgenie): ordered levels, each telling its targets and
// then waiting `delayMinutes` for a claim; the whole list is run `1 + repeat` times, then the melding
// is "onbeantwoord" for the coordinator. Step 0 is the first dispatch to the officers on duty; step n
// (n ≥ 1) is level (n - 1) mod levels.length.

export const escalationTargetSchema = z.union([
  z.enum(['on_duty', 'lead', 'coordinator']),
  z.templateLiteral(['team:', z.string().regex(/^[a-z0-9-]+$/)]),
]);
export type EscalationTarget = z.infer<typeof escalationTargetSchema>;

export const escalationLevelSchema = z.strictObject({
  delayMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
  targets: z.array(escalationTargetSchema).min(1),
});
export type EscalationLevel = z.infer<typeof escalationLevelSchema>;

export const escalationPolicySchema = z.strictObject({
  levels: z.array(escalationLevelSchema).min(1).max(10),
  /** How often the list of levels is run again after the first time. */
  repeat: z.number().int().min(0).max(5),
});
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
