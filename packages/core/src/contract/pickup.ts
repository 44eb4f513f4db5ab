import { z } from 'zod';

// Who picks the melding up and when, as the melder reads it (intake reply, status page). The server
// writes the sentence with its own clock ("morgen" is the server's tomorrow in Amsterdam), so the page
// shows it as sent. A team name only, never an officer's.

/**
 * - on_duty_now: someone of the team is on duty and is told now;
 * - fallback_now: nobody of the team on duty, spoed: the fallback team (e.g. the police) is told now;
 * - coordinator_now: spoed, nobody of the team or its fallback on duty: the coordinator is told now;
 * - next_shift: nobody on duty, not spoed: the officers of the next shift are told when it starts;
 * - no_shift_planned: nobody on duty and no shift planned ahead: listed for the coordinator;
 * - in_behandeling: an officer of the team has claimed it;
 * - unanswered: every escalation step ran and nobody claimed it: listed for the coordinator.
 */
export const pickupKinds = [
  'on_duty_now',
  'fallback_now',
  'coordinator_now',
  'next_shift',
  'no_shift_planned',
  'in_behandeling',
  'unanswered',
] as const;

export const melderPickupSchema = z
  .object({
    kind: z.enum(pickupKinds),
    teamName: z.string(),
    onDutyNow: z.boolean(),
    /** Amsterdam wall clock 'YYYY-MM-DDTHH:MM' from which it is expected to be (or was) picked up. */
    expectedPickupFrom: z.string().nullable(),
    /** The same instant, ISO 8601 UTC. */
    expectedPickupAt: z.iso.datetime({ offset: true }).nullable(),
    /** One Dutch sentence: what happens and when. */
    message: z.string(),
    /** The 112 / 0900-8844 line when the team is not at work now, else null. */
    safety: z.string().nullable(),
  })
  .meta({ id: 'MelderPickup' });
export type MelderPickupNotice = z.output<typeof melderPickupSchema>;
