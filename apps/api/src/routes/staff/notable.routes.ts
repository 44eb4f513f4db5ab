import { notableBodySchema, notableResponseSchema } from '@buurtsignaal/core/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { NotableService, StaffMeldingService } from '../../handling/staff-melding-service.ts';
import { guardMelding } from './melding-access.ts';
import { csrfHeaderSchema, errorResponses } from './staff-schemas.ts';

const errors = errorResponses(400, 401, 403, 404);
const params = z.object({ id: z.uuid() });

export { notableBodySchema };

/**
 * Flag a melding as notable for the weekly veiligheidsoverleg, or take the flag off (docs/staff-api.md,
 * "Notable meldingen"): officers of the melding's team, coordinator and admin.
 */
export interface NotableRoutesOptions {
  notable: NotableService;
  meldingen: StaffMeldingService;
}

const notableRoutes: FastifyPluginAsyncZod<NotableRoutesOptions> = async (app, { notable, meldingen }) => {
  app.post(
    '/meldingen/:id/notable',
    {
      schema: {
        summary: 'Een melding als opvallend markeren voor het veiligheidsoverleg',
        description: 'De reden staat in het weekoverzicht en de export: zet er geen persoonsgegevens in.',
        tags: ['rapportage'],
        headers: csrfHeaderSchema,
        params,
        body: notableBodySchema,
        response: { 200: notableResponseSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const { staff } = await guardMelding(request, meldingen, id, 'melding.notable.flag');
      const { reason } = request.body;
      await notable.set(id, staff.id, reason);
      await app.staffAudit(request, {
        action: 'melding.notable.flag',
        result: 'ok',
        meldingId: id,
        details: { reason },
      });
      const flag = await notable.find(id);
      if (!flag) throw new Error(`notable flag of ${id} vanished`);
      return reply
        .header('cache-control', 'no-store')
        .send({ notable: { ...flag, at: flag.at.toISOString() } });
    },
  );

  app.delete(
    '/meldingen/:id/notable',
    {
      schema: {
        summary: 'De markering "opvallend" van een melding halen',
        tags: ['rapportage'],
        headers: csrfHeaderSchema,
        params,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      await guardMelding(request, meldingen, id, 'melding.notable.unflag');
      await notable.clear(id);
      await app.staffAudit(request, { action: 'melding.notable.unflag', result: 'ok', meldingId: id });
      return reply.code(204).send(null);
    },
  );
};

export default notableRoutes;
