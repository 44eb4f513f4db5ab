import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/**
 * Answers that carry a staff member's or a melder's data, or a status link: the staff API and console,
 * the status API and page (its URL is the secret), the dev mailbox. Never kept by a browser or a shared
 * cache (a proxy, the back button on a shared computer), whatever the route itself set.
 */
const PRIVATE_ROOTS = ['/api/v1/staff', '/api/v1/status', '/balie', '/m', '/dev'];

export const isPrivatePath = (url: string): boolean => {
  const path = url.split('?')[0] ?? '';
  return PRIVATE_ROOTS.some((root) => path === root || path.startsWith(`${root}/`));
};

/**
 * Cache-Control for every answer: private paths `no-store` always (a route's `private, no-store` is
 * left as it is); any other answer whose route
 * did not choose (the reference data and the web app's files do) `no-store` as well, so that nothing is
 * cached by accident — caching is opted into, per route.
 */
async function cachePolicy(app: FastifyInstance): Promise<void> {
  app.addHook('onSend', async (request, reply, payload) => {
    const chosen = reply.getHeader('cache-control');
    if (chosen === undefined) {
      reply.header('cache-control', 'no-store');
    } else if (isPrivatePath(request.url) && !/^(private, )?no-store$/.test(String(chosen))) {
      reply.header('cache-control', 'no-store');
    }
    return payload;
  });
}

export default fp(cachePolicy, { name: 'cache-policy', fastify: '5.x' });
