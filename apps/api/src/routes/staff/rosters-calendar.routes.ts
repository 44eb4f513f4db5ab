import {
  calendarFeedCreatedSchema,
  calendarFeedListSchema,
  feedParamsSchema,
  icsImportReplySchema,
  teamIdParamsSchema,
} from '@buurtsignaal/core/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiError } from '../../errors.ts';
import type { CalendarService, FeedOwner } from '../../rosters/calendar-service.ts';
import { readUploadedFile, utf8Text } from '../../rosters/uploaded-file.ts';
import { requireRole, staffOf } from '../../staff/staff-guard.ts';
import { rosterTexts } from '../../texts/index.ts';
import { csrfHeaderSchema, errorResponses } from './staff-schemas.ts';

const errors = errorResponses(400, 401, 403, 404, 413);
const planner = requireRole('coordinator', 'admin');
const feedCreated = { 201: calendarFeedCreatedSchema, ...errors };

export interface RostersCalendarRoutesOptions {
  calendar: CalendarService;
}

/** .ics import of a team's roster, and the private calendar feeds (officer's own, team's). */
const rostersCalendarRoutes: FastifyPluginAsyncZod<RostersCalendarRoutesOptions> = async (
  app,
  { calendar },
) => {
  app.post(
    '/teams/:id/roster/import',
    {
      preHandler: planner,
      schema: {
        summary: 'Het rooster van een team inlezen uit een .ics-bestand (multipart, veld "file")',
        description:
          'VEVENTs met RRULE, EXDATE en RECURRENCE-ID; deelnemers gekoppeld aan medewerkers van het team ' +
          'op e-mailadres. Vervangt de eerder ingelezen diensten vanaf nu; het antwoord zegt wat niet kon.',
        tags: ['roosters'],
        consumes: ['multipart/form-data'],
        headers: csrfHeaderSchema,
        params: teamIdParamsSchema,
        response: { 200: icsImportReplySchema, ...errors },
      },
    },
    async (request) => {
      const { id } = request.params;
      const missing = { code: 'ICS_FILE_REQUIRED' as const, message: rosterTexts.icsFileRequired };
      const text = utf8Text(await readUploadedFile(request, missing));
      if (text === undefined)
        throw new ApiError(400, 'ICS_FILE_REQUIRED', rosterTexts.icsNotText, [
          { field: 'file', message: rosterTexts.icsNotText },
        ]);
      const report = await calendar.importIcs(id, text);
      await app.staffAudit(request, {
        action: 'roster.import',
        result: 'ok',
        details: {
          teamId: id,
          events: report.events,
          imported: report.imported,
          stored: report.stored,
          problems: report.problems.length,
          unknownAttendees: report.unknownAttendees.length,
        },
      });
      return report;
    },
  );

  const feedRoutes = (path: string, owner: (request: Parameters<typeof staffOf>[0]) => FeedOwner) => {
    app.get(
      path,
      {
        schema: {
          summary: 'De agenda-links die nog gelden (zonder de geheime sleutel)',
          tags: ['roosters'],
          ...(path.includes(':id') ? { params: teamIdParamsSchema } : {}),
          response: { 200: calendarFeedListSchema, ...errors },
        },
        ...(path.includes(':id') ? { preHandler: planner } : {}),
      },
      async (request) => ({ feeds: await calendar.listFeeds(owner(request)) }),
    );
    app.post(
      path,
      {
        ...(path.includes(':id') ? { preHandler: planner } : {}),
        schema: {
          summary: 'Een privé agenda-link maken (de link wordt één keer getoond)',
          description:
            'Abonneer er een telefoonagenda op; intrekken met DELETE. Alleen een hash wordt bewaard.',
          tags: ['roosters'],
          headers: csrfHeaderSchema,
          ...(path.includes(':id') ? { params: teamIdParamsSchema } : {}),
          response: feedCreated,
        },
      },
      async (request, reply) => {
        const created = await calendar.createFeed(owner(request), staffOf(request).id);
        await app.staffAudit(request, {
          action: 'calendar_feed.create',
          result: 'ok',
          details: { feedId: created.id, ...owner(request) },
        });
        return reply.code(201).header('cache-control', 'no-store').send(created);
      },
    );
    app.delete(
      `${path}/:feedId`,
      {
        ...(path.includes(':id') ? { preHandler: planner } : {}),
        schema: {
          summary: 'Een agenda-link intrekken: daarna geeft de link 404',
          tags: ['roosters'],
          headers: csrfHeaderSchema,
          params: path.includes(':id') ? teamIdParamsSchema.extend(feedParamsSchema.shape) : feedParamsSchema,
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        const { feedId } = request.params as { feedId: string };
        await calendar.revokeFeed(owner(request), feedId);
        await app.staffAudit(request, {
          action: 'calendar_feed.revoke',
          result: 'ok',
          details: { feedId, ...owner(request) },
        });
        return reply.code(204).send(null);
      },
    );
  };

  feedRoutes('/me/calendar-feed', (request) => ({ staffUserId: staffOf(request).id }));
  feedRoutes('/teams/:id/calendar-feed', (request) => ({ teamId: (request.params as { id: string }).id }));
};

export default rostersCalendarRoutes;
