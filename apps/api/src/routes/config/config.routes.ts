import { webConfigSchema } from '@buurtsignaal/core/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { ApiConfig } from '../../config.ts';

export { webConfigSchema };

/**
 * What the web app needs to know about this installation, read at run time so that one build serves
 * every municipality and every test setup. External services (PDOK, map tiles) are reached by the
 * resident's browser; only their addresses come from here.
 */
const configRoutes: FastifyPluginAsyncZod<{ config: ApiConfig }> = async (app, { config }) => {
  const body: z.infer<typeof webConfigSchema> = {
    municipality: { name: 'Soest', code: 'GM0342' },
    pdok: { locatieserverUrl: config.pdokLocatieserverUrl },
    map: {
      tileUrl: config.mapTileUrl,
      attribution: config.mapAttribution,
      center: [52.1733, 5.2917],
      zoom: 14,
      maxZoom: 19,
    },
  };
  app.get(
    '/api/v1/config',
    {
      schema: {
        summary: 'Instellingen voor de webapp',
        tags: ['webapp'],
        response: { 200: webConfigSchema },
      },
    },
    async (_req, reply) => reply.header('cache-control', 'public, max-age=300').send(body),
  );
};

export default configRoutes;
