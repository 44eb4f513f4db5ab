import { createdSchema, createUserBodySchema, usersResponseSchema } from '@buurtsignaal/core/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { canCreateRole } from '../../staff/access-policy.ts';
import type { AccountService } from '../../staff/account-service.ts';
import { denyAccess, requireRole, staffOf } from '../../staff/staff-guard.ts';
import { csrfHeaderSchema, errorResponses } from './staff-schemas.ts';

const errors = errorResponses(400, 401, 403, 409);

export interface UsersRoutesOptions {
  accounts: AccountService;
}

const usersRoutes: FastifyPluginAsyncZod<UsersRoutesOptions> = async (app, { accounts }) => {
  app.get(
    '/users',
    {
      preHandler: requireRole('admin', 'coordinator'),
      schema: {
        summary: 'Alle medewerkers (zonder wachtwoorden of geheimen)',
        tags: ['medewerkers'],
        response: { 200: usersResponseSchema, ...errors },
      },
    },
    async () => ({ users: await accounts.list() }),
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
        response: { 201: createdSchema, ...errors },
      },
    },
    async (request, reply) => {
      const staff = staffOf(request);
      const { role } = request.body;
      if (!canCreateRole(staff.role, role)) {
        await denyAccess(request, 'user.create', { details: { role: staff.role, requestedRole: role } });
      }
      const { id } = await accounts.create(request.body);
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
