import { text } from '@buurtsignaal/core';
import { staffRoles } from '@buurtsignaal/db';
import { z } from 'zod';

export const staffRoleSchema = z.enum(staffRoles);

export const staffTeamSchema = z.object({ id: z.string(), name: z.string() });

export const staffUserViewSchema = z
  .object({ id: z.uuid(), name: z.string(), role: staffRoleSchema, teams: z.array(staffTeamSchema) })
  .meta({ id: 'StaffUser' });

export const sessionResponseSchema = z
  .object({
    user: staffUserViewSchema,
    /** Send it back as `x-csrf-token` on every POST/PUT/PATCH/DELETE. */
    csrfToken: z.string(),
    /** true: the session can only enrol TOTP (POST /api/v1/staff/totp/setup and /confirm). */
    totpEnrolmentRequired: z.boolean(),
  })
  .meta({ id: 'StaffSession' });

export const csrfHeaderSchema = z.looseObject({
  'x-csrf-token': text().optional().describe('The csrfToken from login or GET /api/v1/staff/me.'),
});
