import { groupBodySchema, meldingDetailSchema, nearbyResponseSchema } from '@buurtsignaal/core/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponseSchema } from '../../errors.ts';
import type { GroupService } from '../../grouping/group-service.ts';
import type { StaffMeldingService } from '../../handling/staff-melding-service.ts';
import { auditedAction, guardMelding, meldingDetailFor } from './melding-access.ts';
import { csrfHeaderSchema, errorResponses } from './staff-schemas.ts';

// One incident, many reports (docs/staff-api.md, "Groepen"): the nearby open meldingen of the same kind,
// grouping by hand and splitting. Team access as the handling routes; every change audited.

const errors = errorResponses(400, 401, 403, 404, 409);
const params = z.object({ id: z.uuid() });

export interface GroupingRoutesOptions {
  groups: GroupService;
  meldingen: StaffMeldingService;
}

const groupingRoutes: FastifyPluginAsyncZod<GroupingRoutesOptions> = async (app, { groups, meldingen }) => {
  app.get(
    '/meldingen/:id/nearby',
    {
      schema: {
        summary: 'Open meldingen van dezelfde soort in de buurt (om met de hand te groeperen)',
        description:
          'Binnen 300 m en 24 uur (voor of na), van de teams die u ziet; niet die van de eigen groep.',
        tags: ['afhandeling'],
        params,
        response: { 200: nearbyResponseSchema, ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const { staff } = await guardMelding(request, meldingen, id, 'melding.nearby');
      return reply.header('cache-control', 'no-store').send(await groups.nearby(staff, id));
    },
  );

  app.post(
    '/meldingen/:id/group',
    {
      schema: {
        summary: 'Een andere melding bij de groep van deze melding voegen',
        description:
          'De melding `meldingId` komt in de groep van deze melding (een nieuwe groep als die er nog niet ' +
          'is). Dezelfde soort, beide open; een melding die al bij een groep hoort is 409 ALREADY_GROUPED.',
        tags: ['afhandeling'],
        headers: csrfHeaderSchema,
        params,
        body: groupBodySchema,
        response: { 200: meldingDetailSchema, 422: errorResponseSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const { staff } = await guardMelding(request, meldingen, id, 'melding.group');
      const other = request.body.meldingId;
      await guardMelding(request, meldingen, other, 'melding.group');
      const result = await auditedAction(request, 'melding.group', id, () => groups.group(staff, id, other));
      await app.staffAudit(request, {
        action: 'melding.group',
        result: 'ok',
        meldingId: id,
        details: { ...result, added: other },
      });
      return reply.header('cache-control', 'no-store').send(await meldingDetailFor(request, meldingen, id));
    },
  );

  app.post(
    '/meldingen/:id/split',
    {
      schema: {
        summary: 'Een melding uit de groep losmaken',
        description:
          'Wacht de melding nog op een behandelaar, dan wordt de melding opnieuw ingedeeld en apart gemeld aan ' +
          'wie dienst heeft. Is het de eerste melding van de groep, dan neemt de oudste overgebleven melding ' +
          'de meldingen aan de dienstdoende medewerkers over.',
        tags: ['afhandeling'],
        headers: csrfHeaderSchema,
        params,
        response: { 200: meldingDetailSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const { staff } = await guardMelding(request, meldingen, id, 'melding.split');
      const result = await auditedAction(request, 'melding.split', id, () => groups.split(staff, id));
      await app.staffAudit(request, {
        action: 'melding.split',
        result: 'ok',
        meldingId: id,
        details: {
          groupId: result.groupId,
          dissolved: result.dissolved,
          assignmentId: result.rerouted?.assignmentId ?? null,
        },
      });
      return reply.header('cache-control', 'no-store').send(await meldingDetailFor(request, meldingen, id));
    },
  );
};

export default groupingRoutes;
