import { z } from 'zod';
import { priorities } from '../categories.ts';
import { instant } from './wire.ts';

// The coordinator's list of meldingen nobody claimed after every escalation step ("onbeantwoord").

export const unansweredMeldingSchema = z
  .object({
    id: z.uuid(),
    reference: z.string(),
    category: z.string(),
    priority: z.enum(priorities),
    teamId: z.string(),
    /** When the last escalation step ran out. */
    unansweredAt: instant,
  })
  .meta({ id: 'UnansweredMelding' });

export const unansweredListSchema = z
  .object({ items: z.array(unansweredMeldingSchema) })
  .meta({ id: 'UnansweredList' });

export type UnansweredMelding = z.output<typeof unansweredMeldingSchema>;
export type UnansweredList = z.output<typeof unansweredListSchema>;
