import {
  overrideBodySchema,
  overrideCreatedSchema,
  overrideParamsSchema,
  patternBodySchema,
  patternListSchema,
  patternParamsSchema,
  patternViewSchema,
  teamIdParamsSchema,
} from '@buurtsignaal/core/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireTeamReader } from '../../rosters/roster-access.ts';
import type { RosterService } from '../../rosters/roster-service.ts';
import { requireRole, staffOf } from '../../staff/staff-guard.ts';
import { csrfHeaderSchema, errorResponses } from './staff-schemas.ts';

const errors = errorResponses(400, 401, 403, 404);
const planner = requireRole('coordinator', 'admin');

export interface RostersPlanRoutesOptions {
  rosters: RosterService;
}

/**
 * Shift patterns and overrides of a team. Every change regenerates the team's future shifts at once;
 * shifts that began are never rewritten. Coordinators and admins only (writes are audited).
 */
const rostersPlanRoutes: FastifyPluginAsyncZod<RostersPlanRoutesOptions> = async (app, { rosters }) => {
  app.get(
    '/teams/:id/roster/patterns',
    {
      schema: {
        summary: 'De dienstpatronen van een team die vandaag of later gelden',
        tags: ['roosters'],
        params: teamIdParamsSchema,
        response: { 200: patternListSchema, ...errors },
      },
    },
    async (request) => {
      await requireTeamReader(request, request.params.id);
      return { patterns: await rosters.patterns(request.params.id) };
    },
  );

  app.post(
    '/teams/:id/roster/patterns',
    {
      preHandler: planner,
      schema: {
        summary: 'Een dienstpatroon toevoegen',
        tags: ['roosters'],
        headers: csrfHeaderSchema,
        params: teamIdParamsSchema,
        body: patternBodySchema,
        response: { 201: patternViewSchema, ...errors },
      },
    },
    async (request, reply) => {
      const pattern = await rosters.createPattern(request.params.id, request.body, staffOf(request).id);
      await app.staffAudit(request, {
        action: 'shift_pattern.create',
        result: 'ok',
        details: { teamId: request.params.id, patternId: pattern.id },
      });
      return reply.code(201).send(pattern);
    },
  );

  app.put(
    '/teams/:id/roster/patterns/:patternId',
    {
      preHandler: planner,
      schema: {
        summary: 'Een dienstpatroon wijzigen vanaf een datum (standaard vandaag)',
        description:
          'De huidige versie eindigt de dag ervoor en een nieuwe versie (nieuwe id) vervangt haar; ' +
          'diensten die al begonnen zijn blijven zoals ze waren.',
        tags: ['roosters'],
        headers: csrfHeaderSchema,
        params: patternParamsSchema,
        body: patternBodySchema,
        response: { 200: patternViewSchema, ...errors },
      },
    },
    async (request) => {
      const { id, patternId } = request.params;
      const pattern = await rosters.replacePattern(id, patternId, request.body, staffOf(request).id);
      await app.staffAudit(request, {
        action: 'shift_pattern.replace',
        result: 'ok',
        details: { teamId: id, patternId, replacedBy: pattern.id, validFrom: pattern.validFrom },
      });
      return pattern;
    },
  );

  app.delete(
    '/teams/:id/roster/patterns/:patternId',
    {
      preHandler: planner,
      schema: {
        summary: 'Een dienstpatroon beëindigen: vanaf vandaag geen diensten meer',
        tags: ['roosters'],
        headers: csrfHeaderSchema,
        params: patternParamsSchema,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      const { id, patternId } = request.params;
      await rosters.endPattern(id, patternId);
      await app.staffAudit(request, {
        action: 'shift_pattern.end',
        result: 'ok',
        details: { teamId: id, patternId },
      });
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/teams/:id/roster/overrides',
    {
      preHandler: planner,
      schema: {
        summary: 'Een roosterwijziging: ruil, ziek/afwezig of extra dienst (met reden)',
        description: 'Een wijziging gaat voor het patroon. Wat niet kon worden toegepast staat in issues.',
        tags: ['roosters'],
        headers: csrfHeaderSchema,
        params: teamIdParamsSchema,
        body: overrideBodySchema,
        response: { 201: overrideCreatedSchema, ...errors },
      },
    },
    async (request, reply) => {
      const created = await rosters.addOverride(request.params.id, request.body, staffOf(request).id);
      await app.staffAudit(request, {
        action: 'roster_override.create',
        result: 'ok',
        details: {
          teamId: request.params.id,
          overrideId: created.id,
          kind: request.body.kind,
          date: request.body.date,
        },
      });
      return reply.code(201).send(created);
    },
  );

  app.delete(
    '/teams/:id/roster/overrides/:overrideId',
    {
      preHandler: planner,
      schema: {
        summary: 'Een roosterwijziging intrekken',
        tags: ['roosters'],
        headers: csrfHeaderSchema,
        params: overrideParamsSchema,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      const { id, overrideId } = request.params;
      await rosters.cancelOverride(id, overrideId);
      await app.staffAudit(request, {
        action: 'roster_override.cancel',
        result: 'ok',
        details: { teamId: id, overrideId },
      });
      return reply.code(204).send(null);
    },
  );
};

export default rostersPlanRoutes;
