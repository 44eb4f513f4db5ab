import { connectionFailureOf } from '@buurtsignaal/db';
import { IdempotencyKeyNotInFlightError } from '@buurtsignaal/db/tables/meldingen-intake';
import { ApiError, isApiError } from '../errors.ts';
import { intakeTexts } from '../texts/index.ts';

/**
 * What a failed insert tells the resident, honestly. A statement the server refused, or one that never
 * reached it, stored nothing; a connection lost while the statement was under way may have committed
 * it — then only a retry with the same Idempotency-Key can tell (it answers the stored 201).
 */
export function insertFailure(err: unknown, keyed: boolean): { error: ApiError; stored: 'no' | 'unknown' } {
  if (err instanceof IdempotencyKeyNotInFlightError) {
    // Another request with this key completed (or took it over) meanwhile: its answer is the answer.
    return {
      error: new ApiError(409, 'IDEMPOTENCY_IN_FLIGHT', intakeTexts.idempotencyInFlight),
      stored: 'no',
    };
  }
  const failure = connectionFailureOf(err);
  if (failure === 'unknown') {
    const message = keyed ? intakeTexts.outcomeUnknown : intakeTexts.outcomeUnknownWithoutKey;
    return {
      error: new ApiError(503, 'INTAKE_OUTCOME_UNKNOWN', message, undefined, { cause: err }),
      stored: 'unknown',
    };
  }
  if (failure === 'not_sent') {
    const error = new ApiError(503, 'DATABASE_UNAVAILABLE', intakeTexts.notStoredUnavailable, undefined, {
      cause: err,
    });
    return { error, stored: 'no' };
  }
  return {
    error: new ApiError(500, 'INTERNAL_ERROR', intakeTexts.notStored, undefined, { cause: err }),
    stored: 'no',
  };
}

/** Any failure before the insert: nothing of this melding is stored. */
export const notStored = (err: unknown): unknown =>
  isApiError(err)
    ? err
    : new ApiError(500, 'INTERNAL_ERROR', intakeTexts.notStored, undefined, { cause: err });
