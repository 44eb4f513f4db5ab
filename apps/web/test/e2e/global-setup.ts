import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const webRoot = fileURLToPath(new URL('../..', import.meta.url));
const dist = join(webRoot, 'dist');
/** Written by this setup after a production build (beside dist, so it is never served). */
const stampFile = join(webRoot, 'node_modules', '.production-build-stamp');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { recursive: true }) as string[]) {
    const info = statSync(join(dir, entry));
    if (info.isFile()) newest = Math.max(newest, info.mtimeMs);
  }
  return newest;
}

function distIsFresh(): boolean {
  if (!existsSync(join(dist, 'index.html')) || !existsSync(stampFile)) return false;
  const sources = Math.max(
    newestMtime(join(webRoot, 'src')),
    // The build's own plugins (the service worker's) and the files copied as they are (manifest, icons).
    newestMtime(join(webRoot, 'vite-plugins')),
    newestMtime(join(webRoot, 'public')),
    statSync(join(webRoot, 'index.html')).mtimeMs,
    statSync(join(webRoot, 'vite.config.ts')).mtimeMs,
  );
  return Number(readFileSync(stampFile, 'utf8')) >= sources;
}

/**
 * The browser tests run against the built web app, as production serves it. When it is missing or
 * older than its sources, build it the way `pnpm --filter @buurtsignaal/web build` does: in a process
 * of its own with NODE_ENV=production. Inside vitest NODE_ENV is "test", and Vite would then produce a
 * development bundle (jsx-dev-runtime, unminified React) — a different app from the one users get.
 */
export default async function setup(): Promise<void> {
  if (distIsFresh()) return;
  const viteBin = join(
    createRequire(join(webRoot, 'package.json')).resolve('vite/package.json'),
    '..',
    'bin',
    'vite.js',
  );
  const startedAt = Date.now();
  execFileSync(process.execPath, [viteBin, 'build', '--logLevel', 'warn'], {
    cwd: webRoot,
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: 'inherit',
  });
  writeFileSync(stampFile, String(startedAt));
}
