import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiError, errorResponseSchema } from '../../errors.ts';
import type { CalendarService } from '../../rosters/calendar-service.ts';
import { rosterTexts } from '../../texts/index.ts';

/** What createFeed hands out (base64url of 32 bytes); anything else cannot open a feed. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export interface CalendarFeedRoutesOptions {
  calendar: CalendarService;
}

/**
 * GET /api/v1/calendar/:token.ics — a private calendar feed, opened by its token alone (a phone's
 * calendar cannot log in). Unknown and revoked tokens are the same 404.
 */
const calendarFeedRoutes: FastifyPluginAsyncZod<CalendarFeedRoutesOptions> = async (app, { calendar }) => {
  app.get(
    '/api/v1/calendar/:token.ics',
    {
      schema: {
        summary: 'Privé agenda-feed (iCalendar) van een medewerker of team',
        tags: ['roosters'],
        params: z.object({ token: z.string().max(200) }),
        response: { 200: z.string(), 400: errorResponseSchema, 404: errorResponseSchema },
      },
    },
    async (request, reply) => {
      const { token } = request.params;
      const ics = TOKEN.test(token) ? await calendar.feed(token) : undefined;
      if (ics === undefined) throw new ApiError(404, 'NOT_FOUND', rosterTexts.feedNotFound);
      return reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('cache-control', 'private, no-store')
        .header('referrer-policy', 'no-referrer')
        .send(ics);
    },
  );
};

export default calendarFeedRoutes;
