import { z } from 'zod';

// Who picks the melding up and when, as the melder reads it (intake reply, status page). The server
// writes the sentence with its own clock ("morgen" is the server's tomorrow in Amsterdam), so the page
// shows it as sent. A team name only, never an officer's.

export const pickupKinds = [
  'on_duty_now',
  'fallback_now',
  'coordinator_now',
  'next_shift',
  'no_shift_planned',
  'in_behandeling',
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
