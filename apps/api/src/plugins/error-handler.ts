import { STATUS_CODES } from 'node:http';
import type { FrameworkErrorCode, ResponseErrorCode } from '@buurtsignaal/core/contract';
import { isDatabaseUnavailable } from '@buurtsignaal/db';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { type ErrorDetail, type ErrorResponse, isApiError } from '../errors.ts';
import { errorTexts, intakeTexts } from '../texts/index.ts';

/** Seconds a client should wait after a 503 (the database is back within that time after a blip). */
export const RETRY_AFTER_SECONDS = 10;

export interface ErrorHandlerOptions {
  /** Multipart limits, so that a 413 can name the limit the resident ran into. */
  limits: { fileSize: number; files: number };
}

interface ValidationIssue {
  instancePath: string;
  message?: string | undefined;
  keyword?: string;
  params?: Record<string, unknown>;
}

/** `/location/lat` → `location.lat`; unknown keys name themselves; the root is named after the part. */
function toDetails(issues: readonly ValidationIssue[], context: string | undefined): ErrorDetail[] {
  const root = context === 'querystring' ? 'query' : (context ?? 'body');
  return issues.flatMap((issue) => {
    const path = issue.instancePath.split('/').filter(Boolean).join('.');
    const message = issue.message ?? errorTexts.validation;
    const keys = issue.params?.keys;
    if (issue.keyword === 'unrecognized_keys' && Array.isArray(keys) && keys.length > 0) {
      return keys.map((key) => ({ field: path ? `${path}.${String(key)}` : String(key), message }));
    }
    return [{ field: path || root, message }];
  });
}

const body = (
  statusCode: number,
  code: ResponseErrorCode,
  message: string,
  details?: ErrorDetail[],
): ErrorResponse => ({
  statusCode,
  code,
  error: STATUS_CODES[statusCode] ?? 'Error',
  message,
  ...(details && details.length > 0 ? { details } : {}),
});

/** A 4xx code of the framework or a plugin is passed on as it is (they start with FST_); any other is BAD_REQUEST. */
const passedOn = (code: string | undefined): ResponseErrorCode =>
  code?.startsWith('FST_') ? (code as FrameworkErrorCode) : 'BAD_REQUEST';

/** Maps every error to the one error body. Unknown errors become a generic 500 without details. */
export function toErrorResponse(err: FastifyError, limits: ErrorHandlerOptions['limits']): ErrorResponse {
  if (isApiError(err)) return body(err.statusCode, err.code, err.message, err.details);
  // A database that cannot be reached is a passing condition, not a bug: ask the client to come back.
  if (isDatabaseUnavailable(err)) return body(503, 'DATABASE_UNAVAILABLE', errorTexts.unavailable);
  if (hasZodFastifySchemaValidationErrors(err)) {
    return body(
      400,
      'VALIDATION_ERROR',
      errorTexts.validation,
      toDetails(err.validation, err.validationContext),
    );
  }
  if (Array.isArray(err.validation)) {
    return body(
      400,
      'VALIDATION_ERROR',
      errorTexts.validation,
      toDetails(err.validation, err.validationContext),
    );
  }
  switch (err.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_INVALID_JSON_FIELD_ERROR':
      return body(400, 'INVALID_JSON', errorTexts.invalidJson);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_TYPE':
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return body(415, 'UNSUPPORTED_CONTENT_TYPE', errorTexts.unsupportedContentType);
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return body(413, 'BODY_TOO_LARGE', errorTexts.bodyTooLarge);
    case 'FST_REQ_FILE_TOO_LARGE':
      return body(413, 'FILE_TOO_LARGE', intakeTexts.fileTooLarge(limits.fileSize), [
        { field: 'photos', message: intakeTexts.fileTooLarge(limits.fileSize) },
      ]);
    case 'FST_FILES_LIMIT':
      return body(413, 'TOO_MANY_FILES', intakeTexts.tooManyFiles(limits.files), [
        { field: 'photos', message: intakeTexts.tooManyFiles(limits.files) },
      ]);
    case 'FST_PARTS_LIMIT':
      return body(413, 'TOO_MANY_PARTS', intakeTexts.tooManyParts);
    case 'FST_FIELDS_LIMIT':
      return body(413, 'TOO_MANY_FIELDS', intakeTexts.tooManyFields);
  }
  const status = err.statusCode ?? 500;
  if (status === 429) return body(429, 'RATE_LIMITED', errorTexts.rateLimited);
  if (status === 408) return body(408, 'REQUEST_TIMEOUT', errorTexts.requestTimeout);
  if (status >= 400 && status < 500) return body(status, passedOn(err.code), errorTexts.badRequest);
  return body(500, 'INTERNAL_ERROR', errorTexts.internal);
}

async function errorHandler(app: FastifyInstance, options: ErrorHandlerOptions): Promise<void> {
  app.setErrorHandler((err: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const response = toErrorResponse(err, options.limits);
    if (response.statusCode >= 500) {
      // The cause stays in the log; the resident gets the generic message only.
      request.log.error({ err }, 'request failed');
    } else {
      request.log.info({ code: response.code, statusCode: response.statusCode }, 'request refused');
    }
    if (response.statusCode === 503) reply.header('retry-after', String(RETRY_AFTER_SECONDS));
    return reply.code(response.statusCode).send(response);
  });

  app.setNotFoundHandler((_request, reply) =>
    reply.code(404).send(body(404, 'NOT_FOUND', errorTexts.notFound)),
  );
}

export default fp(errorHandler, { name: 'error-handler', fastify: '5.x' });
