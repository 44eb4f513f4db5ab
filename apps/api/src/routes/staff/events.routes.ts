import type { Socket } from 'node:net';
import { PassThrough } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiError } from '../../errors.ts';
import { canAccessMelding } from '../../staff/access-policy.ts';
import { staffOf } from '../../staff/staff-guard.ts';
import { openSseConnection, type SseConnectionOptions } from '../../staff-events/sse-connection.ts';
import type { StaffEventHub } from '../../staff-events/staff-event-hub.ts';
import { staffErrorTexts } from '../../texts/index.ts';
import { errorResponses } from './staff-schemas.ts';

export interface EventsRoutesOptions {
  hub: StaffEventHub;
  connection: SseConnectionOptions;
}

/** The browser sends back the last `id:` it saw; a query parameter does the same for other clients. */
function lastEventIdOf(header: string | string[] | undefined, query: string | undefined): number | undefined {
  const value = (Array.isArray(header) ? header[0] : header) ?? query;
  if (value === undefined || value === '') return undefined;
  if (!/^\d{1,15}$/.test(value)) {
    const message = staffErrorTexts.lastEventIdInvalid;
    throw new ApiError(400, 'VALIDATION_ERROR', message, [{ field: 'Last-Event-ID', message }]);
  }
  return Number(value);
}

const eventsRoutes: FastifyPluginAsyncZod<EventsRoutesOptions> = async (app, { hub, connection }) => {
  // A stream never ends by itself: a server that shuts down cuts them (the consoles reconnect, to
  // another instance), or it would wait for them for ever.
  const open = new Set<{ close(): void; socket: Socket }>();
  app.addHook('preClose', async () => {
    for (const connection of [...open]) {
      connection.close();
      connection.socket.destroy();
    }
  });
  app.get(
    '/events',
    {
      schema: {
        summary: 'De live balie: gebeurtenissen van de eigen teams (Server-Sent Events)',
        description:
          'Een `text/event-stream`: per gebeurtenis `id`, `event: melding` en `data` (een StaffEvent, ' +
          'zonder persoonsgegevens). Boa en politie krijgen alleen die van hun teams, de coördinator en ' +
          'de beheerder alle. Stuur `Last-Event-ID` (of `?lastEventId=`) om alles daarna te krijgen, elk ' +
          'één keer. Elke 15 s een commentaarregel als hartslag.',
        tags: ['afhandeling'],
        querystring: z.object({ lastEventId: z.string().optional() }),
        response: {
          200: z.unknown().describe('text/event-stream: id, event: melding, data: StaffEvent (JSON)'),
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (request, reply) => {
      const staff = staffOf(request);
      const lastEventId = lastEventIdOf(request.headers['last-event-id'], request.query.lastEventId);
      const stream = new PassThrough();
      let unsubscribe: (() => void) | undefined;
      let ended = false;
      const socket = request.raw.socket;
      const sse = openSseConnection(stream, connection, () => {
        ended = true;
        open.delete(entry);
        unsubscribe?.();
      });
      const entry = { close: sse.close, socket };
      open.add(entry);
      // The console going away (tab closed, network lost) ends the stream and its subscription.
      // A console that closes its side (FIN) is gone too, but Node keeps the socket open for a response
      // that has not finished (and a server that closes would wait for it): it goes with the stream.
      reply.raw.on('close', sse.close);
      socket.once('end', () => {
        sse.close();
        socket.destroy();
      });
      try {
        unsubscribe = await hub.subscribe(
          {
            accepts: (row) =>
              (row.teamIds.length > 0 ? row.teamIds : [null]).some((teamId) =>
                canAccessMelding(staff, { teamId }),
              ),
            deliver: (row) => sse.send(row),
          },
          lastEventId,
        );
      } catch (err) {
        sse.close();
        throw err;
      }
      // Gone while the replay ran: its end came before there was a subscription to end.
      if (reply.raw.destroyed) sse.close();
      if (ended) unsubscribe();
      return reply
        .header('content-type', 'text/event-stream; charset=utf-8')
        .header('cache-control', 'no-store')
        .header('x-accel-buffering', 'no')
        .send(stream);
    },
  );
};

export default eventsRoutes;
