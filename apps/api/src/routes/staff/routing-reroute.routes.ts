import { meldingDetailSchema, rerouteBodySchema } from '@buurtsignaal/core/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { StaffMeldingService } from '../../handling/staff-melding-service.ts';
import type { RerouteService } from '../../routing/reroute-service.ts';
import { requireRole, staffOf } from '../../staff/staff-guard.ts';
import { meldingDetailFor } from './melding-access.ts';
import { csrfHeaderSchema, errorResponses } from './staff-schemas.ts';

const errors = errorResponses(400, 401, 403, 404, 409);

/** "Opnieuw indelen": route a melding again with today's rules, only on this explicit request. */
export interface RoutingRerouteRoutesOptions {
  reroutes: RerouteService;
  meldingen: StaffMeldingService;
}

const routingRerouteRoutes: FastifyPluginAsyncZod<RoutingRerouteRoutesOptions> = async (
  app,
  { reroutes, meldingen },
) => {
  app.post(
    '/meldingen/:id/reroute',
    {
      preHandler: requireRole('coordinator', 'admin'),
      schema: {
        summary: 'Een melding opnieuw indelen (met reden)',
        description:
          'Beslist opnieuw met de huidige regels, gebieden en roosters en legt een nieuwe indeling vast ' +
          '(status `ingedeeld`, met de reden in de tijdlijn). De oude indeling blijft staan. Alleen voor ' +
          'een melding die nog niet in behandeling is (gemeld, ingedeeld, heropend); anders 409 ' +
          'REROUTE_NOT_ALLOWED.',
        tags: ['routering', 'afhandeling'],
        headers: csrfHeaderSchema,
        params: z.object({ id: z.uuid() }),
        body: rerouteBodySchema,
        response: { 200: meldingDetailSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const result = await reroutes.reroute(staffOf(request), id, request.body.reason);
      await app.staffAudit(request, {
        action: 'melding.reroute',
        result: 'ok',
        meldingId: id,
        // The reason is free text (it may name a person or address): it stays with the status event.
        details: { ...result },
      });
      return reply.header('cache-control', 'no-store').send(await meldingDetailFor(request, meldingen, id));
    },
  );
};

export default routingRerouteRoutes;
