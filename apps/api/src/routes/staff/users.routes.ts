import { text } from '@buurtsignaal/core';
import { listStaffUsers } from '@buurtsignaal/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponseSchema } from '../../errors.ts';
import { canCreateRole } from '../../staff/access-policy.ts';
import { denyAccess, requireRole, staffOf } from '../../staff/staff-guard.ts';
import { createStaffAccount } from '../../staff/user-service.ts';
import type { StaffRoutesOptions } from './staff.routes.ts';
import { csrfHeaderSchema, staffRoleSchema } from './staff-schemas.ts';

const userListItemSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    role: staffRoleSchema,
    teamIds: z.array(z.string()),
    totpEnrolled: z.boolean(),
    disabled: z.boolean(),
    createdAt: z.date(),
  })
  .meta({ id: 'StaffUserListItem' });

const createUserBodySchema = z.object({
  email: text().max(254).pipe(z.email()),
  name: text({ trim: true }).min(1).max(200),
  role: staffRoleSchema,
  teamIds: z.array(text().min(1).max(100)).max(20).default([]),
  /** The initial password (at least 12 characters); the user should change it (later: reset flow). */
  password: text().max(1024),
});

const errors = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  403: errorResponseSchema,
  409: errorResponseSchema,
};

const usersRoutes: FastifyPluginAsyncZod<StaffRoutesOptions> = async (app, { db }) => {
  app.get(
    '/users',
    {
      preHandler: requireRole('admin', 'coordinator'),
      schema: {
        summary: 'Alle medewerkers (zonder wachtwoorden of geheimen)',
        tags: ['medewerkers'],
        response: { 200: z.object({ users: z.array(userListItemSchema) }), ...errors },
      },
    },
    async () => ({ users: await listStaffUsers(db) }),
  );

  app.post(
    '/users',
    {
      preHandler: requireRole('admin', 'coordinator'),
      schema: {
        summary: 'Een medewerker aanmaken',
        description: 'Beheerders maken elke rol aan; coördinatoren alleen boa- en politie-accounts.',
        tags: ['medewerkers'],
        headers: csrfHeaderSchema,
        body: createUserBodySchema,
        response: { 201: z.object({ id: z.uuid() }), ...errors },
      },
    },
    async (request, reply) => {
      const staff = staffOf(request);
      const { role } = request.body;
      if (!canCreateRole(staff.role, role)) {
        await denyAccess(request, 'user.create', { details: { role: staff.role, requestedRole: role } });
      }
      const { id } = await createStaffAccount(db, request.body);
      await app.staffAudit(request, {
        action: 'user.create',
        result: 'ok',
        details: { createdUserId: id, role, teamIds: [...new Set(request.body.teamIds)] },
      });
      return reply.code(201).send({ id });
    },
  );
};

export default usersRoutes;
