import fastifyCookie from '@fastify/cookie';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/** Cookie parsing for the staff session; no signing (the cookie is a random token, looked up by hash). */
async function cookie(app: FastifyInstance): Promise<void> {
  await app.register(fastifyCookie);
}

export default fp(cookie, { name: 'cookie', fastify: '5.x' });
