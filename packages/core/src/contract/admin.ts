import { z } from 'zod';

// The contract of the admin's "Vastgelopen taken" (GET /api/v1/staff/admin/stuck and its retry), shared
// by the API (response schemas) and the console (which parses what it receives).

export const stuckJobKinds = ['routing', 'notification', 'dispatch'] as const;

export const stuckJobSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(stuckJobKinds),
    /** Dutch: what did not get done ("Indelen bij een team", "E-mail aan de melder: …"). */
    what: z.string(),
    melding: z.object({ id: z.uuid(), reference: z.string() }),
    /** Since when the work was due: the time of its status event. */
    since: z.iso.datetime(),
    /** When it was marked stuck (given up, or its job failed for good). */
    stuckAt: z.iso.datetime().nullable(),
    /** Re-sends by reconciliation since it appeared (or since the last retry). */
    attempts: z.number().int().nonnegative(),
    /** The last error, technical, without personal data. */
    lastError: z.string().nullable(),
  })
  .meta({ id: 'StuckJob' });

export const stuckJobListSchema = z.object({ items: z.array(stuckJobSchema) }).meta({ id: 'StuckJobList' });

export const stuckJobRetrySchema = z
  .object({ id: z.uuid(), state: z.literal('retrying') })
  .meta({ id: 'StuckJobRetry' });

export type StuckJob = z.output<typeof stuckJobSchema>;
export type StuckJobList = z.output<typeof stuckJobListSchema>;
