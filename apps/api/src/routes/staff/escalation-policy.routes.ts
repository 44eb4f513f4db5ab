import {
  escalationPolicyBodySchema,
  escalationPolicyViewSchema,
  teamIdParamsSchema,
} from '@buurtsignaal/core/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { EscalationPolicyService } from '../../dispatch/escalation-policy-service.ts';
import { requireRole } from '../../staff/staff-guard.ts';
import { csrfHeaderSchema, errorResponses } from './staff-schemas.ts';

const errors = errorResponses(400, 401, 403, 404);

export interface EscalationPolicyRoutesOptions {
  escalationPolicies: EscalationPolicyService;
}

/** A team's escalation policy: ordered levels (delay, targets), repeated at most N times (issue 11). */
const escalationPolicyRoutes: FastifyPluginAsyncZod<EscalationPolicyRoutesOptions> = async (
  app,
  { escalationPolicies },
) => {
  const coordinators = requireRole('coordinator', 'admin');
  app.get(
    '/teams/:id/escalation-policy',
    {
      preHandler: coordinators,
      schema: {
        summary: 'Het escalatiebeleid van een team (of het standaardbeleid als het team er geen heeft)',
        tags: ['roosters'],
        params: teamIdParamsSchema,
        response: { 200: escalationPolicyViewSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.header('cache-control', 'no-store').send(await escalationPolicies.view(request.params.id)),
  );

  app.put(
    '/teams/:id/escalation-policy',
    {
      preHandler: coordinators,
      schema: {
        summary:
          'Het escalatiebeleid van een team vervangen: niveaus met wachttijd en ontvangers, herhalingen',
        tags: ['roosters'],
        headers: csrfHeaderSchema,
        params: teamIdParamsSchema,
        body: escalationPolicyBodySchema,
        response: { 200: escalationPolicyViewSchema, ...errors },
      },
    },
    async (request) => {
      const teamId = request.params.id;
      const view = await escalationPolicies.replace(teamId, request.body);
      await app.staffAudit(request, {
        action: 'team.escalation_policy.update',
        result: 'ok',
        details: { teamId, policy: request.body },
      });
      return view;
    },
  );

  app.delete(
    '/teams/:id/escalation-policy',
    {
      preHandler: coordinators,
      schema: {
        summary: 'Het eigen escalatiebeleid van een team weghalen: het standaardbeleid geldt weer',
        tags: ['roosters'],
        headers: csrfHeaderSchema,
        params: teamIdParamsSchema,
        response: { 200: escalationPolicyViewSchema, ...errors },
      },
    },
    async (request) => {
      const teamId = request.params.id;
      const view = await escalationPolicies.reset(teamId);
      await app.staffAudit(request, {
        action: 'team.escalation_policy.reset',
        result: 'ok',
        details: { teamId },
      });
      return view;
    },
  );
};

export default escalationPolicyRoutes;
