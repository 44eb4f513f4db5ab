import type { ErrorCode, ErrorDetail } from '@buurtsignaal/core/contract';

// The one error body of the whole API lives in the contract (packages/core/src/contract/errors.ts).
export {
  type ErrorCode,
  type ErrorDetail,
  type ErrorResponse,
  errorDetailSchema,
  errorResponseSchema,
} from '@buurtsignaal/core/contract';

/** An expected failure with a stable machine code; the error handler renders it as is. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetail[],
    /** The underlying error, for the log (never sent to the client). */
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export const isApiError = (err: unknown): err is ApiError => err instanceof ApiError;
