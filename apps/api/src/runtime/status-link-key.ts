import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SecretBox } from '@buurtsignaal/db';

/**
 * The embedded default has no secrets configured: generate the status-link key once and keep it under
 * the data dir (mode 0600), so that links in e-mails keep working across restarts.
 */
export function loadOrCreateStatusLinkKey(dataDir: string): string {
  const dir = join(dataDir, 'secrets');
  const path = join(dir, 'status-link.key');
  if (existsSync(path)) return readFileSync(path, 'utf8').trim();
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const key = SecretBox.generateKey();
  writeFileSync(path, `${key}\n`, { mode: 0o600, flag: 'wx' });
  return key;
}
