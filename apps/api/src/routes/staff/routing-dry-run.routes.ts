import {
  draftDryRunBodySchema,
  draftDryRunResponseSchema,
  dryRunBodySchema,
  dryRunResponseSchema,
} from '@buurtsignaal/core/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { DryRunService } from '../../routing/dry-run-service.ts';
import { requireRole } from '../../staff/staff-guard.ts';
import { csrfHeaderSchema, errorResponses } from './staff-schemas.ts';

const errors = errorResponses(400, 401, 403, 404);
const tags = ['routering'];

/** The dry run (how one melding would be routed) and a draft's what-if over the last 30 days. */
export interface RoutingDryRunRoutesOptions {
  dryRuns: DryRunService;
}

const routingDryRunRoutes: FastifyPluginAsyncZod<RoutingDryRunRoutesOptions> = async (app, { dryRuns }) => {
  app.post(
    '/routing/dry-run',
    {
      schema: {
        summary: 'Proefindeling: welk team, welke prioriteit en waarom',
        description:
          'Beslist met de huidige regels, gebieden en roosters zoals de worker dat zou doen, op het ' +
          'moment `at` (standaard nu), en noemt wie van het gekozen team dan in dienst is. Slaat niets op.',
        tags,
        headers: csrfHeaderSchema,
        body: dryRunBodySchema,
        response: { 200: dryRunResponseSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.header('cache-control', 'private, no-store').send(await dryRuns.dryRun(request.body)),
  );

  app.post(
    '/routing/dry-run/draft',
    {
      preHandler: requireRole('coordinator', 'admin'),
      schema: {
        summary: 'Wat een ontwerpregel had veranderd in de laatste 30 dagen',
        description:
          'Elke melding van de laatste 30 dagen wordt beslist met de huidige regels en met de ontwerpregel ' +
          'erbij (op `rank`, of op de plaats van de regel die hij vervangt, of achteraan). Telt hoeveel ' +
          'een ander team of een andere prioriteit zouden krijgen, met de eerste 20. Slaat niets op; een ' +
          'ongeldige ontwerpregel is 400 ROUTING_RULE_INVALID zoals bij opslaan.',
        tags,
        headers: csrfHeaderSchema,
        body: draftDryRunBodySchema,
        response: { 200: draftDryRunResponseSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.header('cache-control', 'private, no-store').send(await dryRuns.draft(request.body)),
  );
};

export default routingDryRunRoutes;
