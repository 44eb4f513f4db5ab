import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

/** Paths that belong to the API and keep its JSON 404, never the web app's page. */
const apiPrefixes = ['/api/', '/health/', '/dev/'];

/**
 * Serves the built web app (apps/web/dist) from the API process. The app's own routes get index.html
 * with 200; any other page path gets index.html with 404, so the web app shows its friendly "page not
 * found" and crawlers see the right status. API paths keep the API's JSON 404.
 */
export async function registerWebApp(app: FastifyInstance, distDir: string): Promise<boolean> {
  if (!existsSync(distDir)) return false;
  // wildcard: false registers a route per built file, so unknown paths fall through to ours below.
  await app.register(fastifyStatic, { root: distDir, prefix: '/', wildcard: false, maxAge: '1h' });
  const page = (reply: FastifyReply, status: number) =>
    reply.code(status).header('cache-control', 'no-cache').sendFile('index.html', { maxAge: 0 });
  for (const url of ['/m/:token', '/balie', '/balie/*']) {
    app.get(url, { schema: { hide: true } }, (_req, reply) => page(reply, 200));
  }
  app.get('/*', { schema: { hide: true } }, (req, reply) => {
    if (apiPrefixes.some((p) => req.url.startsWith(p))) return reply.callNotFound();
    return page(reply, 404);
  });
  return true;
}
