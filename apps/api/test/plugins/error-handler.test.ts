import { errorCodes } from '@buurtsignaal/core/contract';
import type { FastifyError } from 'fastify';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../src/errors.ts';
import { toErrorResponse } from '../../src/plugins/error-handler.ts';

const limits = { fileSize: 1_000, files: 3 };
const fastifyError = (statusCode: number, code: string): FastifyError =>
  Object.assign(new Error('refused'), { statusCode, code, name: 'FastifyError' });

describe('toErrorResponse: the codes in the error body', () => {
  it('takes the code of an ApiError as it is', () => {
    const body = toErrorResponse(new ApiError(409, 'ALREADY_CLAIMED', 'Al opgepakt.'), limits);
    expect(body).toMatchObject({ statusCode: 409, code: 'ALREADY_CLAIMED', message: 'Al opgepakt.' });
  });

  it("passes a framework's own 4xx code on (FST_…), and makes any other one BAD_REQUEST", () => {
    expect(toErrorResponse(fastifyError(400, 'FST_PROTO_VIOLATION'), limits).code).toBe(
      'FST_PROTO_VIOLATION',
    );
    expect(toErrorResponse(fastifyError(400, 'SOMETHING_ELSE'), limits).code).toBe('BAD_REQUEST');
  });

  it('lists every code once', () => {
    expect(new Set(errorCodes).size).toBe(errorCodes.length);
  });
});
