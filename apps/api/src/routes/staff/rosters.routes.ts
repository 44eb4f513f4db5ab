import {
  coverageQuerySchema,
  coverageViewSchema,
  myShiftsQuerySchema,
  myShiftsSchema,
  rosterQuerySchema,
  rosterViewSchema,
  teamIdParamsSchema,
  teamListSchema,
  teamPatchBodySchema,
  teamViewSchema,
} from '@buurtsignaal/core/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireTeamReader } from '../../rosters/roster-access.ts';
import type { RosterService } from '../../rosters/roster-service.ts';
import type { TeamService } from '../../rosters/team-service.ts';
import { requireRole, staffOf } from '../../staff/staff-guard.ts';
import { csrfHeaderSchema, errorResponses } from './staff-schemas.ts';

const errors = errorResponses(400, 401, 403, 404);

export interface RostersRoutesOptions {
  teams: TeamService;
  rosters: RosterService;
}

/** Teams, a team's week view and coverage, and "mijn diensten" (docs: issue 10, rosters). */
const rostersRoutes: FastifyPluginAsyncZod<RostersRoutesOptions> = async (app, { teams, rosters }) => {
  app.get(
    '/teams',
    {
      schema: {
        summary: 'Teams met soort, te dekken uren, terugvalteam, leden en wie nu in dienst is',
        description: 'Coördinatoren en beheerders zien alle teams, een boa of agent de eigen teams.',
        tags: ['roosters'],
        response: { 200: teamListSchema, ...errors },
      },
    },
    async (request) => ({ teams: await teams.list(staffOf(request)) }),
  );

  app.patch(
    '/teams/:id',
    {
      preHandler: requireRole('coordinator', 'admin'),
      schema: {
        summary: 'Soort, te dekken uren, terugvalteam, actief en leden van een team wijzigen',
        tags: ['roosters'],
        headers: csrfHeaderSchema,
        params: teamIdParamsSchema,
        body: teamPatchBodySchema,
        response: { 200: teamViewSchema, ...errors },
      },
    },
    async (request) => {
      const { id } = request.params;
      const changed = await teams.update(id, request.body);
      await app.staffAudit(request, {
        action: 'team.update',
        result: 'ok',
        details: {
          teamId: id,
          changed,
          ...(request.body.memberIds ? { memberIds: request.body.memberIds } : {}),
        },
      });
      return teams.view(id);
    },
  );

  app.get(
    '/teams/:id/roster',
    {
      schema: {
        summary: 'Het rooster van een team: diensten met lokale datum en tijden (Europe/Amsterdam)',
        description: 'from en to zijn lokale datums (tot en met), hoogstens 62 dagen.',
        tags: ['roosters'],
        params: teamIdParamsSchema,
        querystring: rosterQuerySchema,
        response: { 200: rosterViewSchema, ...errors },
      },
    },
    async (request) => {
      await requireTeamReader(request, request.params.id);
      return rosters.roster(request.params.id, request.query.from, request.query.to);
    },
  );

  app.get(
    '/teams/:id/coverage',
    {
      schema: {
        summary: 'Gaten in de bezetting: uren binnen de te dekken uren waarin niemand in dienst is',
        tags: ['roosters'],
        params: teamIdParamsSchema,
        querystring: coverageQuerySchema,
        response: { 200: coverageViewSchema, ...errors },
      },
    },
    async (request) => {
      await requireTeamReader(request, request.params.id);
      return rosters.coverage(request.params.id, request.query.days);
    },
  );

  app.get(
    '/me/shifts',
    {
      schema: {
        summary: 'Mijn diensten: de eigen diensten van nu af aan',
        tags: ['roosters'],
        querystring: myShiftsQuerySchema,
        response: { 200: myShiftsSchema, ...errors },
      },
    },
    async (request, reply) => {
      const shifts = await rosters.myShifts(staffOf(request).id, request.query.days);
      return reply.header('cache-control', 'no-store').send({ shifts });
    },
  );
};

export default rostersRoutes;
