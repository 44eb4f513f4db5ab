import {
  adviceDecisionBodySchema,
  adviceDecisionResultSchema,
  patrolTaskListSchema,
  patrolTaskParamsSchema,
  patrolTaskViewSchema,
  rosterAdviceQuerySchema,
  rosterAdviceViewSchema,
} from '@buurtsignaal/core/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AdviceDecisionService } from '../../advice/advice-decisions.ts';
import { adviceCsv } from '../../advice/advice-views.ts';
import type { PatrolTaskService } from '../../advice/patrol-task-service.ts';
import type { RosterAdviceService } from '../../advice/roster-advice-service.ts';
import { requireRole, staffOf } from '../../staff/staff-guard.ts';
import { csrfHeaderSchema, errorResponses } from './staff-schemas.ts';

const errors = errorResponses(400, 401, 403, 404, 409);

export interface RosterAdviceRoutesOptions {
  advice: RosterAdviceService;
  decisions: AdviceDecisionService;
  tasks: PatrolTaskService;
}

/** Roster advice for the coordinator (issue 13) and the patrol tasks of the officers on duty. */
const rosterAdviceRoutes: FastifyPluginAsyncZod<RosterAdviceRoutesOptions> = async (
  app,
  { advice, decisions, tasks },
) => {
  app.get(
    '/roster-advice',
    {
      preHandler: requireRole('coordinator', 'admin'),
      schema: {
        summary: 'Roosteradvies van een team voor een week: patrouillevensters en roostervoorstellen',
        description:
          'Uit meldingen van bewoners (niet van medewerkers) van de 8 weken ervoor, gewogen naar ernst en ' +
          'recentheid, per H3-vak (r9) en weekdag × uur, naast het rooster van die week. Plekken en tijden, ' +
          'nooit personen. Met `format=csv` een CSV voor het veiligheidsoverleg.',
        tags: ['roosters'],
        querystring: rosterAdviceQuerySchema.extend({ format: z.enum(['json', 'csv']).optional() }),
        response: { 200: z.union([rosterAdviceViewSchema, z.string()]), ...errors },
      },
    },
    async (request, reply) => {
      const view = await advice.view(request.query.team, request.query.week);
      reply.header('cache-control', 'no-store');
      if (request.query.format === 'csv') {
        return reply
          .header(
            'content-disposition',
            `attachment; filename="roosteradvies-${view.team.id}-${view.week}.csv"`,
          )
          .type('text/csv; charset=utf-8')
          .send(adviceCsv(view));
      }
      return reply.send(view);
    },
  );

  app.post(
    '/roster-advice/decisions',
    {
      preHandler: requireRole('coordinator', 'admin'),
      schema: {
        summary: 'Een voorstel van het roosteradvies aannemen (eventueel aangepast) of afwijzen',
        description:
          'Een aangenomen patrouillevenster wordt patrouilletaken op de dienst; een aangenomen ' +
          'roostervoorstel een extra dienst (roosterwijziging) op elke dag ervan. Eén besluit per voorstel.',
        tags: ['roosters'],
        headers: csrfHeaderSchema,
        body: adviceDecisionBodySchema,
        response: { 200: adviceDecisionResultSchema, ...errors },
      },
    },
    async (request) => {
      const result = await decisions.decide(request.body, staffOf(request).id);
      await app.staffAudit(request, {
        action: 'roster-advice.decide',
        result: 'ok',
        details: {
          teamId: request.body.team,
          week: request.body.week,
          proposalId: request.body.proposalId,
          decision: request.body.decision,
          tasks: result.tasks,
          overrideIds: result.overrideIds,
        },
      });
      return result;
    },
  );

  app.get(
    '/patrol-tasks',
    {
      schema: {
        summary: 'De patrouilletaken van vandaag voor de teams van de medewerker',
        tags: ['roosters'],
        response: { 200: patrolTaskListSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.header('cache-control', 'no-store').send({ tasks: await tasks.today(staffOf(request)) }),
  );

  app.post(
    '/patrol-tasks/:id/visited',
    {
      schema: {
        summary:
          '"Bezocht": de plek van een patrouilletaak is bezocht (tijdstip; geen locatie van de medewerker)',
        tags: ['roosters'],
        headers: csrfHeaderSchema,
        params: patrolTaskParamsSchema,
        response: { 200: patrolTaskViewSchema, ...errors },
      },
    },
    async (request) => tasks.visited(staffOf(request), request.params.id),
  );
};

export default rosterAdviceRoutes;
