import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build, type Plugin } from 'vite';

/** The console's service worker: at this URL, never hashed, so that a browser finds its update there. */
export const SERVICE_WORKER_FILE = 'balie-sw.js';
const entry = fileURLToPath(new URL('../src/sw/balie-sw.ts', import.meta.url));

/** One classic script (a service worker registered without `type: 'module'` may not import). */
async function bundle(outDir: string, write: boolean): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'warn',
    mode: 'production',
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      outDir,
      emptyOutDir: false,
      copyPublicDir: false,
      write,
      minify: true,
      lib: { entry, formats: ['iife'], name: 'balieServiceWorker', fileName: () => SERVICE_WORKER_FILE },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as { output?: { code?: string }[] }[];
  return outputs[0]?.output?.[0]?.code ?? '';
}

/**
 * Builds src/sw/balie-sw.ts into dist/balie-sw.js after the app's own build (the API serves it with
 * `no-cache`, as every file outside assets/), and serves it in development from memory.
 */
export function serviceWorker(): Plugin {
  let outDir = 'dist';
  return {
    name: 'buurtsignaal-service-worker',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    async closeBundle() {
      if (this.meta.watchMode) return;
      await bundle(outDir, true);
      // Built after the compression plugin ran: its .br and .gz siblings here (the API sends them).
      const file = join(outDir, SERVICE_WORKER_FILE);
      const code = readFileSync(file);
      writeFileSync(
        `${file}.br`,
        brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
      );
      writeFileSync(`${file}.gz`, gzipSync(code, { level: 9 }));
    },
    configureServer(server) {
      server.middlewares.use(`/${SERVICE_WORKER_FILE}`, (_req, res, next) => {
        bundle(outDir, false).then(
          (code) => res.setHeader('content-type', 'text/javascript').end(code),
          (err: unknown) => next(err),
        );
      });
    },
  };
}
