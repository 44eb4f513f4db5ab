import { text } from '@buurtsignaal/core';
import { z } from 'zod';

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
