import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { MAX_MELDING_FIELD_BYTES } from '../intake/multipart-intake.ts';
import { MAX_PHOTO_BYTES, MAX_PHOTOS } from '../intake/photos.ts';

export const multipartLimits = {
  fileSize: MAX_PHOTO_BYTES,
  // One more than the photos: a client may send the melding JSON as a file part.
  files: MAX_PHOTOS + 1,
  // The melding JSON (description ≤ 2000 characters, answers, contact) fits easily.
  fieldSize: MAX_MELDING_FIELD_BYTES,
  fields: 5,
  parts: MAX_PHOTOS + 5,
  headerPairs: 100,
} as const;

/** Registered once, at the root: a second registration in a child scope would add a second parser. */
async function multipart(app: FastifyInstance): Promise<void> {
  await app.register(fastifyMultipart, { limits: multipartLimits, throwFileSizeLimit: true });
}

export default fp(multipart, { name: 'multipart', fastify: '5.x' });
