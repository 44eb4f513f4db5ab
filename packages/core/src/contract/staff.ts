import { z } from 'zod';
import { text } from '../text-schema.ts';
import { instant, teamRefSchema } from './wire.ts';

// Login, session, TOTP and accounts (docs/staff-api.md, "Authentication" and "Users").

export const staffRoles = ['boa', 'politie', 'coordinator', 'admin'] as const;
export type StaffRole = (typeof staffRoles)[number];
export const staffRoleSchema = z.enum(staffRoles);

export const staffTeamSchema = teamRefSchema;

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

/** The login's answer: the session, and the failed logins on the account since the previous login. */
export const loginResponseSchema = sessionResponseSchema
  .extend({
    /** null: none. Otherwise the console tells the user (someone may be trying their account). */
    failedLogins: z.object({ count: z.number().int().positive(), since: instant }).nullable(),
  })
  .meta({ id: 'StaffLogin' });

export const totpSetupResponseSchema = z.object({ otpauthUri: z.string(), secret: z.string() });

export const userListItemSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    role: staffRoleSchema,
    teamIds: z.array(z.string()),
    totpEnrolled: z.boolean(),
    disabled: z.boolean(),
    createdAt: instant,
  })
  .meta({ id: 'StaffUserListItem' });

export const usersResponseSchema = z.object({ users: z.array(userListItemSchema) });

export const createUserBodySchema = z.object({
  email: text().max(254).pipe(z.email()),
  name: text({ trim: true }).min(1).max(200),
  role: staffRoleSchema,
  teamIds: z.array(text().min(1).max(100)).max(20).default([]),
  /** The initial password (at least 12 characters); the user should change it (later: reset flow). */
  password: text().max(1024),
});

export const loginBodySchema = z.object({
  email: text().min(1).max(254),
  password: text().min(1).max(1024),
  totp: text().max(16).optional(),
});

export const totpConfirmBodySchema = z.object({ code: text().max(16) });
