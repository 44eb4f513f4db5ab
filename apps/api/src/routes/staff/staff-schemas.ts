import { text } from '@buurtsignaal/core';
import { z } from 'zod';
import { errorResponseSchema } from '../../errors.ts';

// The response schemas of the staff routes are in the contract (@buurtsignaal/core/contract).
export {
  sessionResponseSchema,
  staffRoleSchema,
  staffTeamSchema,
  staffUserViewSchema,
} from '@buurtsignaal/core/contract';

export const csrfHeaderSchema = z.looseObject({
  'x-csrf-token': text().optional().describe('The csrfToken from login or GET /api/v1/staff/me.'),
});

/** The error answers a staff route declares: the one error body, under each of these status codes. */
export function errorResponses<const Code extends 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429>(
  ...codes: Code[]
): Record<Code, typeof errorResponseSchema> {
  return Object.fromEntries(codes.map((code) => [code, errorResponseSchema])) as Record<
    Code,
    typeof errorResponseSchema
  >;
}
