import { categoriesResponseSchema, toPublicCategories } from '@buurtsignaal/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

const categoriesRoutes: FastifyPluginAsyncZod = async (app) => {
  const body = toPublicCategories();
  app.get(
    '/api/v1/categories',
    {
      schema: {
        summary: 'De categorieën, met hun vragen, voor het meldformulier',
        tags: ['meldingen'],
        response: { 200: categoriesResponseSchema },
      },
    },
    async (_request, reply) => reply.header('cache-control', 'public, max-age=300').send(body),
  );
};

export default categoriesRoutes;
