import { unansweredListSchema } from '@buurtsignaal/core/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { UnansweredService } from '../../dispatch/unanswered-service.ts';
import { requireRole } from '../../staff/staff-guard.ts';
import { errorResponses } from './staff-schemas.ts';

const errors = errorResponses(401, 403);

/** Dispatch for the coordinator: the meldingen that nobody claimed after every escalation step. */
export interface DispatchRoutesOptions {
  unanswered: UnansweredService;
}

const dispatchRoutes: FastifyPluginAsyncZod<DispatchRoutesOptions> = async (app, { unanswered }) => {
  app.get(
    '/dispatch/unanswered',
    {
      preHandler: requireRole('coordinator', 'admin'),
      schema: {
        summary: 'Onbeantwoorde meldingen: na alle escalatiestappen door niemand opgepakt',
        tags: ['afhandeling'],
        response: { 200: unansweredListSchema, ...errors },
      },
    },
    async (_request, reply) => {
      const items = await unanswered.list();
      return reply.header('cache-control', 'no-store').send({ items });
    },
  );
};

export default dispatchRoutes;
