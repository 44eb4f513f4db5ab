import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const webRoot = fileURLToPath(new URL('../..', import.meta.url));

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { recursive: true }) as string[]) {
    const info = statSync(join(dir, entry));
    if (info.isFile()) newest = Math.max(newest, info.mtimeMs);
  }
  return newest;
}

/**
 * The browser tests run against the built web app, as production serves it. Build it when it is missing
 * or older than its sources (CI builds it before the tests; a developer may not have).
 */
export default async function setup(): Promise<void> {
  const dist = join(webRoot, 'dist');
  const sources = Math.max(newestMtime(join(webRoot, 'src')), statSync(join(webRoot, 'index.html')).mtimeMs);
  if (existsSync(join(dist, 'index.html')) && newestMtime(dist) >= sources) return;
  const { build } = await import('vite');
  await build({ root: webRoot, logLevel: 'warn' });
}
