import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/**
 * Only routes that opt in (`config.rateLimit`) are limited, per client address (`request.ip`, which
 * honours TRUST_PROXY). The store is in memory: with several API instances behind a load balancer each
 * counts on its own, so move to the Redis store then. A 429 goes through the error handler.
 */
async function rateLimit(app: FastifyInstance): Promise<void> {
  await app.register(fastifyRateLimit, { global: false });
}

export default fp(rateLimit, { name: 'rate-limit', fastify: '5.x' });
