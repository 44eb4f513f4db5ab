import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../services.ts';
import { errorResponses } from './staff-schemas.ts';

export interface DemoDataRoutesOptions {
  demoData: Services['demoData'];
}

const demoDataResponseSchema = z
  .object({ demoMeldingen: z.number().int().nonnegative() })
  .meta({ id: 'DemoDataResponse' });

const demoDataRoutes: FastifyPluginAsyncZod<DemoDataRoutesOptions> = async (app, { demoData }) => {
  app.get(
    '/demo-data',
    {
      schema: {
        summary: 'Demodata in deze installatie',
        description:
          'Hoeveel demomeldingen (gezaaid met DEMO_SEED=1, kenmerk `DEMO-…`) de database bevat: de ' +
          'balie toont dan op elke pagina dat het om demodata gaat.',
        tags: ['medewerkers'],
        response: { 200: demoDataResponseSchema, ...errorResponses(401) },
      },
    },
    async () => ({ demoMeldingen: await demoData.count() }),
  );
};

export default demoDataRoutes;
