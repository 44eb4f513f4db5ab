import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatabaseClient } from '@buurtsignaal/db';
import { SecretBox } from '@buurtsignaal/db';
import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import sharp from 'sharp';
import { type AppDeps, buildApp } from '../../src/app.ts';
import { type ApiConfig, loadApiConfig } from '../../src/config.ts';
import { createFilePhotoStore, type PhotoStore } from '../../src/photos/photo-store.ts';

export const statusLinkKey = SecretBox.generateKey();

export interface TestApp {
  app: FastifyInstance;
  config: ApiConfig;
  photosDir: string;
  close(): Promise<void>;
}

export interface TestAppOptions {
  env?: Record<string, string>;
  now?: () => Date;
  photoStore?: (dir: string) => PhotoStore;
  redis?: Redis;
  onMeldingStored?: (event: { meldingId: string; statusEventId: number }) => void;
  /** pino options (e.g. a stream) instead of no logger. */
  logger?: Record<string, unknown>;
  /** The live console's stream settings (a short heartbeat, a small backlog limit). */
  staffEvents?: AppDeps['staffEvents'];
}

/** A fresh app on `database` with its own photo directory; close() removes the directory. */
export async function buildTestApp(database: DatabaseClient, options: TestAppOptions = {}): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bs-api-test-'));
  const config = loadApiConfig({
    DATA_DIR: dataDir,
    PUBLIC_BASE_URL: 'https://buurtsignaal.test',
    INTAKE_RATE_LIMIT_MAX: '1000',
    STATUS_LOOKUP_RATE_LIMIT_MAX: '1000',
    STAFF_LOGIN_RATE_LIMIT_MAX: '1000',
    STATUS_LINK_KEY: statusLinkKey,
    LOG_LEVEL: 'silent',
    ...options.env,
  });
  const photoStore = options.photoStore?.(config.photosDir) ?? createFilePhotoStore(config.photosDir);
  const app = await buildApp({
    config,
    database,
    photoStore,
    logger: options.logger ?? false,
    ...(options.now ? { now: options.now } : {}),
    ...(options.redis ? { redis: options.redis } : {}),
    ...(options.onMeldingStored ? { onMeldingStored: options.onMeldingStored } : {}),
    ...(options.staffEvents ? { staffEvents: options.staffEvents } : {}),
  });
  return {
    app,
    config,
    photosDir: config.photosDir,
    async close() {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Every file under `dir` (recursively), relative; an absent directory has none. */
export function listFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir, { recursive: true }) as string[];
  } catch {
    return [];
  }
  return entries.filter((e) => statSync(join(dir, e)).isFile());
}

/** A point in Soest-Centrum (see core's geo sample). */
export const soest = { lat: 52.1733, lng: 5.2917 };
export const amersfoort = { lat: 52.156, lng: 5.387 };

export function validIntake(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    category: 'jeugdoverlast',
    subcategory: 'geluid',
    description: 'Groep jongeren met harde muziek bij het winkelcentrum, al een uur lang.',
    location: { ...soest, accuracy: 12 },
    answers: { aantal_personen: 6 },
    contact: { email: 'Bewoner@Example.nl', phone: '06 12345678', wantsFeedback: true },
    ...overrides,
  };
}

export interface FilePart {
  name?: string;
  filename: string;
  type?: string;
  data: Buffer;
}

/** A multipart/form-data request as a browser would send it (FormData serialised by undici). */
export async function multipart(
  melding: unknown,
  files: readonly FilePart[] = [],
): Promise<{ payload: Buffer; headers: Record<string, string> }> {
  const form = new FormData();
  if (melding !== undefined)
    form.append('melding', typeof melding === 'string' ? melding : JSON.stringify(melding));
  for (const f of files) {
    form.append(
      f.name ?? 'photos',
      new Blob([new Uint8Array(f.data)], { type: f.type ?? 'image/jpeg' }),
      f.filename,
    );
  }
  const response = new Response(form);
  const contentType = response.headers.get('content-type');
  if (!contentType) throw new Error('FormData without content type');
  return { payload: Buffer.from(await response.arrayBuffer()), headers: { 'content-type': contentType } };
}

/** A small red JPEG with GPS coordinates (Soest) and a camera make in its EXIF. */
export async function jpegWithGps(
  options: { orientation?: number; width?: number; height?: number } = {},
): Promise<Buffer> {
  const image = sharp({
    create: { width: options.width ?? 64, height: options.height ?? 48, channels: 3, background: 'red' },
  })
    .jpeg()
    .withExif({
      IFD0: { Make: 'TestCam', Model: 'Privacy 1' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '52/1 10/1 24/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '5/1 17/1 30/1',
      },
    });
  return (options.orientation ? image.withMetadata({ orientation: options.orientation }) : image).toBuffer();
}

export const pngImage = (): Promise<Buffer> =>
  sharp({ create: { width: 40, height: 30, channels: 4, background: { r: 0, g: 0, b: 255, alpha: 0.5 } } })
    .png()
    .toBuffer();

/** Starts like an iPhone HEIC file (ISO-BMFF `ftyp` box, brand `heic`). */
export const heicLike = (): Buffer =>
  Buffer.concat([
    Buffer.from([0, 0, 0, 0x18]),
    Buffer.from('ftypheic'),
    Buffer.from([0, 0, 0, 0]),
    Buffer.from('mif1heic'),
    Buffer.alloc(512),
  ]);
