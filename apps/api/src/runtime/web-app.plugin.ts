import { existsSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

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

/** Around step 1 of the form, rendered into index.html at build time (apps/web/vite-plugins/first-screen.ts). */
const FIRST_SCREEN = /<!--bs:first-screen-->[\s\S]*?<!--\/bs:first-screen-->/;

interface Shell {
  plain: Buffer;
  br: Buffer;
  gzip: Buffer;
}

/**
 * index.html shows step 1 of the form before the JavaScript arrives; every other page (the status page,
 * the console, "not found") gets the same page without it, so that it never flashes the form. Made once
 * at start, compressed once. Undefined when the build has no prerendered step 1: index.html serves all.
 */
function appShellOf(distDir: string): Shell | undefined {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  if (!FIRST_SCREEN.test(html)) return undefined;
  const plain = Buffer.from(html.replace(FIRST_SCREEN, ''));
  return {
    plain,
    br: brotliCompressSync(plain, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
    gzip: gzipSync(plain, { level: 9 }),
  };
}

/** The encoding of the shell for this request, br before gzip, as @fastify/static picks for the files. */
function encodingFor(req: FastifyRequest): 'br' | 'gzip' | undefined {
  const accepted = String(req.headers['accept-encoding'] ?? '')
    .split(',')
    .map((part) => part.trim().split(';'))
    .filter(([, q]) => !q || Number(q.trim().replace(/^q=/, '')) > 0)
    .map(([name]) => name?.toLowerCase());
  if (accepted.includes('br')) return 'br';
  if (accepted.includes('gzip')) return 'gzip';
  return undefined;
}

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
  const form = (reply: FastifyReply) => reply.header('cache-control', SHELL_CACHE).sendFile('index.html');
  const shell = appShellOf(distDir);
  const page = (req: FastifyRequest, reply: FastifyReply, status: number) => {
    if (!shell) return reply.code(status).header('cache-control', SHELL_CACHE).sendFile('index.html');
    const encoding = encodingFor(req);
    reply.code(status).header('cache-control', SHELL_CACHE).header('vary', 'accept-encoding');
    if (encoding) reply.header('content-encoding', encoding);
    return reply.type('text/html; charset=utf-8').send(encoding ? shell[encoding] : shell.plain);
  };
  app.get('/', { schema: { hide: true } }, (_req, reply) => form(reply));
  for (const url of ['/m/:token', '/balie', '/balie/*']) {
    app.get(url, { schema: { hide: true } }, (req, reply) => page(req, reply, 200));
  }
  app.get('/*', { schema: { hide: true } }, (req, reply) => {
    if (apiPrefixes.some((p) => req.url.startsWith(p))) return reply.callNotFound();
    return page(req, reply, 404);
  });
  return true;
}
