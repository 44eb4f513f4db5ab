import { z } from 'zod';

/** One error body for the whole API (CONVENTIONS.md). `message` is Dutch: a resident may read it. */
export const errorDetailSchema = z.object({ field: z.string(), message: z.string() });
export const errorResponseSchema = z
  .object({
    statusCode: z.number().int(),
    code: z.string(),
    error: z.string(),
    message: z.string(),
    details: z.array(errorDetailSchema).optional(),
  })
  .meta({ id: 'Error' });

export type ErrorDetail = z.output<typeof errorDetailSchema>;
export type ErrorResponse = z.output<typeof errorResponseSchema>;
