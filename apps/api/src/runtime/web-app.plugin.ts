import { existsSync } from 'node:fs';
import { relative, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

/** Paths that belong to the API and keep its JSON 404, never the web app's page. */
const apiPrefixes = ['/api/', '/health/', '/dev/'];

/**
 * Vite names every file under assets/ by its content hash: a new build is a new name, so a browser may
 * keep these for a year without asking. Everything else (index.html above all) is revalidated on each
 * use, so that a deploy is seen at once. Private pages are made `no-store` by the cache-policy plugin.
 */
export const HASHED_ASSET_CACHE = 'public, max-age=31536000, immutable';
export const SHELL_CACHE = 'no-cache';

export const cacheControlForFile = (distDir: string, file: string): string =>
  relative(distDir, file).split(sep)[0] === 'assets' ? HASHED_ASSET_CACHE : SHELL_CACHE;

/**
 * Serves the built web app (apps/web/dist) from the API process. The app's own routes get index.html
 * with 200; any other page path gets index.html with 404, so the web app shows its friendly "page not
 * found" and crawlers see the right status. API paths keep the API's JSON 404.
 */
export async function registerWebApp(app: FastifyInstance, distDir: string): Promise<boolean> {
  if (!existsSync(distDir)) return false;
  // wildcard: false registers a route per built file, so unknown paths fall through to ours below;
  // index: false leaves `/` to the page route, which sets the shell's caching.
  await app.register(fastifyStatic, {
    root: distDir,
    prefix: '/',
    wildcard: false,
    index: false,
    cacheControl: false,
    // The build writes a brotli and a gzip sibling next to every file (vite-plugin-compression2 in
    // apps/web/vite.config.ts): the one the browser accepts is sent as it is, br before gzip, with
    // `vary: accept-encoding`; a file without a sibling (compressing it would not make it smaller) goes
    // out as it is.
    preCompressed: true,
    setHeaders: (reply, file) => {
      if (!reply.hasHeader('cache-control'))
        reply.header('cache-control', cacheControlForFile(distDir, file));
    },
  });
  const page = (reply: FastifyReply, status: number) =>
    reply.code(status).header('cache-control', SHELL_CACHE).sendFile('index.html');
  for (const url of ['/', '/m/:token', '/balie', '/balie/*']) {
    app.get(url, { schema: { hide: true } }, (_req, reply) => page(reply, 200));
  }
  app.get('/*', { schema: { hide: true } }, (req, reply) => {
    if (apiPrefixes.some((p) => req.url.startsWith(p))) return reply.callNotFound();
    return page(reply, 404);
  });
  return true;
}
