import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/**
 * Serves the built web app (apps/web/dist) from the API process. Client-side routes get index.html;
 * unknown files fall through to the API's 404 handler.
 */
export async function registerWebApp(app: FastifyInstance, distDir: string): Promise<boolean> {
  if (!existsSync(distDir)) return false;
  await app.register(fastifyStatic, { root: distDir, prefix: '/', index: ['index.html'], maxAge: '1h' });
  const spa = (_req: unknown, reply: { sendFile: (f: string, opts: object) => unknown }) =>
    reply.sendFile('index.html', { maxAge: 0 });
  for (const url of ['/m/:token', '/balie', '/balie/*']) {
    app.get(url, { schema: { hide: true } }, (req, reply) => spa(req, reply));
  }
  return true;
}
