import type { DatabaseClient } from '@buurtsignaal/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Redis } from 'ioredis';
import { z } from 'zod';

export interface HealthRoutesOptions {
  database: DatabaseClient;
  redis?: Redis | undefined;
}

const CHECK_TIMEOUT_MS = 2_000;
const checkState = z.enum(['ok', 'error', 'not_configured']);
const readySchema = z.object({
  status: z.enum(['ok', 'unavailable']),
  checks: z.object({ database: checkState, redis: checkState }),
});

async function check(probe: () => Promise<unknown>): Promise<'ok' | 'error'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), CHECK_TIMEOUT_MS);
  });
  try {
    await Promise.race([probe(), timeout]);
    return 'ok';
  } catch {
    return 'error';
  } finally {
    clearTimeout(timer);
  }
}

const healthRoutes: FastifyPluginAsyncZod<HealthRoutesOptions> = async (app, { database, redis }) => {
  app.get(
    '/health/live',
    {
      schema: {
        tags: ['health'],
        summary: 'Draait het proces?',
        response: { 200: z.object({ status: z.literal('ok') }) },
      },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/health/ready',
    {
      schema: {
        tags: ['health'],
        summary: 'Kan de API meldingen aannemen? (database en Redis bereikbaar)',
        response: { 200: readySchema, 503: readySchema },
      },
    },
    async (_request, reply) => {
      const [db, rd] = await Promise.all([
        check(() => database.ping()),
        redis ? check(() => redis.ping()) : Promise.resolve('not_configured' as const),
      ]);
      const ok = db === 'ok' && rd !== 'error';
      return reply
        .code(ok ? 200 : 503)
        .send({ status: ok ? 'ok' : 'unavailable', checks: { database: db, redis: rd } });
    },
  );
};

export default healthRoutes;
