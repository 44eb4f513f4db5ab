import { z } from 'zod';
import { melderPickupSchema } from './pickup.ts';
import { labelledSchema } from './wire.ts';

// The melder's view of a melding (GET /api/v1/status/:token and the answers to the melder's actions).
// It holds no contact data, no internal notes and no location, and no page may add any.

export const melderStatusSchema = z
  .object({
    reference: z.string(),
    category: labelledSchema,
    subcategory: labelledSchema.optional(),
    createdAt: z.iso.datetime({ offset: true }),
    /** `label` is the public label ("In behandeling"), not the internal code. */
    status: z.object({ code: z.string(), label: z.string() }),
    /** Newest first; public messages only (plain text, may contain line breaks). */
    timeline: z.array(
      z.object({ at: z.iso.datetime({ offset: true }), status: z.string(), message: z.string().nullable() }),
    ),
    /**
     * The open question to the melder while the melding waits for their answer (reactie_gevraagd);
     * `open` is false once the answer period (MELDER_ANSWER_DAYS) has passed.
     */
    question: z
      .object({ text: z.string(), askedAt: z.iso.datetime({ offset: true }), open: z.boolean() })
      .nullable(),
    /** "Is uw melding opgelost?" may be answered: afgehandeld, not yet answered, within MELDER_FEEDBACK_DAYS. */
    feedbackOpen: z.boolean(),
    /** Which team has it and when it is (or was) picked up; absent once past that (closed, forwarded). */
    pickup: melderPickupSchema.optional(),
  })
  .meta({ id: 'MelderStatus' });
export type MelderStatus = z.output<typeof melderStatusSchema>;
