import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';

/**
 * Where re-encoded photos live. Files on disk for one machine; an S3-compatible implementation of the
 * same interface once several API instances run (ARCHITECTURE.md).
 */
export interface PhotoStore {
  put(key: string, bytes: Buffer): Promise<void>;
  /** null when there is no photo under `key`. */
  get(key: string): Promise<Buffer | null>;
  /** Deleting a key that does not exist is not an error (sweeps may run twice). */
  delete(key: string): Promise<void>;
  /** Every stored photo, for the orphan sweep; also removes temporary files older than `staleBefore`. */
  list(staleBefore: Date): AsyncIterable<{ key: string; modifiedAt: Date }>;
}

// Keys are built by the API (`2026/11/<uuid>.jpg`), never taken from a client; the check is a second
// line of defence against path traversal should that ever change.
const keyPattern = /^[a-z0-9]+(?:[/_-][a-z0-9]+)*\.(?:jpg|png|webp)$/i;

export function isValidPhotoKey(key: string): boolean {
  return key.length <= 200 && keyPattern.test(key) && !key.split('/').includes('..');
}

function assertValidKey(key: string): void {
  if (!isValidPhotoKey(key)) throw new Error(`invalid photo key: ${JSON.stringify(key)}`);
}

/** A photo key such as `2026/11/5f0c…e1.jpg`: year and month (UTC) keep directories small. */
export function photoKey(id: string, at: Date): string {
  const month = String(at.getUTCMonth() + 1).padStart(2, '0');
  return `${at.getUTCFullYear()}/${month}/${id}.jpg`;
}

export function createFilePhotoStore(dir: string): PhotoStore {
  const root = resolve(dir);
  const pathOf = (key: string): string => {
    assertValidKey(key);
    const path = resolve(join(root, key));
    if (!path.startsWith(root + sep)) throw new Error(`photo key escapes the store: ${key}`);
    return path;
  };

  return {
    async put(key, bytes) {
      const path = pathOf(key);
      await mkdir(dirname(path), { recursive: true });
      // Write-then-rename: a reader never sees half a photo, and a crash leaves only a *.tmp file.
      const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
      try {
        await writeFile(tmp, bytes, { flag: 'wx' });
        await rename(tmp, path);
      } catch (err) {
        await rm(tmp, { force: true });
        throw err;
      }
    },
    async get(key) {
      try {
        return await readFile(pathOf(key));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw err;
      }
    },
    async delete(key) {
      await rm(pathOf(key), { force: true });
    },
    async *list(staleBefore) {
      let entries: string[];
      try {
        entries = (await readdir(root, { recursive: true })) as string[];
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
        throw err;
      }
      for (const entry of entries) {
        const path = join(root, entry);
        const info = await stat(path).catch(() => null);
        if (!info?.isFile()) continue;
        const key = relative(root, path).split(sep).join('/');
        if (key.endsWith('.tmp')) {
          // Left by a crash between write and rename.
          if (info.mtime < staleBefore) await rm(path, { force: true });
          continue;
        }
        if (isValidPhotoKey(key)) yield { key, modifiedAt: info.mtime };
      }
    },
  };
}
