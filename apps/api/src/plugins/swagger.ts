import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { createJsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';

export const DOCS_PREFIX = '/api/docs';

/** OpenAPI 3.1 from the routes' zod schemas, browsable at /api/docs (assets ship with the package). */
async function swagger(app: FastifyInstance): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Buurtsignaal API',
        description: 'Meldingen van overlast en verdachte situaties in de gemeente Soest.',
        version: '0.1.0',
      },
      tags: [
        { name: 'meldingen', description: 'Melden en de status volgen' },
        { name: 'medewerkers', description: 'Inloggen, sessies, accounts en toegang voor medewerkers' },
        { name: 'health', description: 'Voor de load balancer en monitoring' },
      ],
    },
    transform: createJsonSchemaTransform({ skipList: [`${DOCS_PREFIX}/*`] }),
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: DOCS_PREFIX,
    // Swagger UI adds one <style> element from its bundle. Its pages show the public API description
    // only, so they alone may apply inline styles; scripts stay 'self' there too.
    transformStaticCSP: (header) => header.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"),
  });
}

export default fp(swagger, { name: 'swagger', fastify: '5.x' });
