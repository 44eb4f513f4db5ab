import { randomUUID } from 'node:crypto';
import {
  standardTextBodySchema,
  standardTextQuerySchema,
  standardTextSchema,
  standardTextsResponseSchema,
  standardTextUpdateSchema,
} from '@buurtsignaal/core/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiError } from '../../errors.ts';
import type { StandardTextService } from '../../handling/staff-melding-service.ts';
import { requireRole, staffOf } from '../../staff/staff-guard.ts';
import { handlingTexts } from '../../texts/index.ts';
import { csrfHeaderSchema, errorResponses } from './staff-schemas.ts';

const errors = errorResponses(400, 401, 403, 404);

/** Standaardteksten: every officer reads them; coordinators and admins write them. */
export interface StandardTextsRoutesOptions {
  standardTexts: StandardTextService;
}

const standardTextsRoutes: FastifyPluginAsyncZod<StandardTextsRoutesOptions> = async (
  app,
  { standardTexts },
) => {
  app.get(
    '/standard-texts',
    {
      schema: {
        summary: 'Standaardteksten voor berichten aan de melder',
        description:
          'Per status en categorie (teksten zonder categorie gelden voor alle). Alleen actieve teksten, ' +
          'behalve voor de coördinator met `all=true`.',
        tags: ['afhandeling'],
        querystring: standardTextQuerySchema,
        response: { 200: standardTextsResponseSchema, ...errors },
      },
    },
    async (request) => {
      const staff = staffOf(request);
      const manages = staff.role === 'coordinator' || staff.role === 'admin';
      const items = await standardTexts.list({
        status: request.query.status,
        category: request.query.category,
        includeInactive: manages && request.query.all === 'true',
      });
      return { items: items.map((t) => standardTextSchema.parse(t)) };
    },
  );

  app.post(
    '/standard-texts',
    {
      preHandler: requireRole('coordinator', 'admin'),
      schema: {
        summary: 'Een standaardtekst toevoegen',
        tags: ['afhandeling'],
        headers: csrfHeaderSchema,
        body: standardTextBodySchema,
        response: { 201: standardTextSchema, ...errors },
      },
    },
    async (request, reply) => {
      const staff = staffOf(request);
      const text = await standardTexts.create({
        ...request.body,
        id: randomUUID(),
        createdBy: staff.id,
      });
      await app.staffAudit(request, {
        action: 'standard_text.create',
        result: 'ok',
        details: { standardTextId: text.id, status: text.status, category: text.category },
      });
      return reply.code(201).send(standardTextSchema.parse(text));
    },
  );

  app.put(
    '/standard-texts/:id',
    {
      preHandler: requireRole('coordinator', 'admin'),
      schema: {
        summary: 'Een standaardtekst wijzigen of (de)activeren',
        tags: ['afhandeling'],
        headers: csrfHeaderSchema,
        params: z.object({ id: z.uuid() }),
        body: standardTextUpdateSchema,
        response: { 200: standardTextSchema, ...errors },
      },
    },
    async (request) => {
      const text = await standardTexts.update(request.params.id, request.body);
      if (!text) throw new ApiError(404, 'STANDARD_TEXT_NOT_FOUND', handlingTexts.standardTextNotFound);
      await app.staffAudit(request, {
        action: 'standard_text.update',
        result: 'ok',
        details: { standardTextId: text.id, status: text.status, active: text.active },
      });
      return standardTextSchema.parse(text);
    },
  );
};

export default standardTextsRoutes;
