import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiError, errorResponseSchema } from '../../errors.ts';
import { melderStatusSchema, type StatusService } from '../../status/status-service.ts';
import { statusTexts } from '../../texts-nl.ts';

export interface StatusRoutesOptions {
  service: StatusService;
}

const statusRoutes: FastifyPluginAsyncZod<StatusRoutesOptions> = async (app, { service }) => {
  app.get(
    '/api/v1/status/:token',
    {
      schema: {
        summary: 'De status van een melding, voor de melder',
        description: 'Het token komt uit de statuslink die de melder bij het melden kreeg.',
        tags: ['meldingen'],
        // Any string: a malformed token is answered like an unknown one (404), never with a hint.
        params: z.object({ token: z.string() }),
        response: { 200: melderStatusSchema, 404: errorResponseSchema, 500: errorResponseSchema },
      },
    },
    async (request, reply) => {
      const status = await service.findByToken(request.params.token);
      if (!status) throw new ApiError(404, 'MELDING_NOT_FOUND', statusTexts.notFound);
      // The response is personal to whoever holds the link: no shared caches.
      return reply.header('cache-control', 'no-store').send(status);
    },
  );
};

export default statusRoutes;
