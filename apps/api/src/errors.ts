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

/** An expected failure with a stable machine code; the error handler renders it as is. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details?: ErrorDetail[],
    /** The underlying error, for the log (never sent to the client). */
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export const isApiError = (err: unknown): err is ApiError => err instanceof ApiError;
