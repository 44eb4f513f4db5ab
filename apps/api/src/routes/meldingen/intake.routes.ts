import { intakeResponseSchema, intakeSchema, text } from '@buurtsignaal/core';
import type {} from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponseSchema } from '../../errors.ts';
import type { IntakeService } from '../../intake/intake-service.ts';
import { readMultipartIntake } from '../../intake/multipart-intake.ts';
import { MAX_PHOTO_BYTES, MAX_PHOTOS } from '../../intake/photos.ts';
import { intakeTexts } from '../../texts/index.ts';

export interface IntakeRoutesOptions {
  service: IntakeService;
  rateLimit: { max: number; windowMs: number };
}

const headersSchema = z.looseObject({
  'idempotency-key': text({ error: intakeTexts.idempotencyKeyInvalid })
    .regex(/^[\x20-\x7e]{1,255}$/, { error: intakeTexts.idempotencyKeyInvalid })
    .refine((v) => v.trim().length > 0, { error: intakeTexts.idempotencyKeyInvalid })
    .optional()
    .describe('Optional. The same key with the same melding returns the first answer again.'),
});

// Photos of a multipart request, parsed before validation so that the `melding` field goes through the
// same schema (and the same error format) as a JSON body.
const photosOf = new WeakMap<FastifyRequest, Buffer[]>();

const intakeRoutes: FastifyPluginAsyncZod<IntakeRoutesOptions> = async (app, { service, rateLimit }) => {
  app.route({
    method: 'POST',
    url: '/api/v1/meldingen',
    config: { rateLimit: { max: rateLimit.max, timeWindow: rateLimit.windowMs } },
    schema: {
      summary: 'Een melding doen',
      description:
        `JSON volgens het schema hieronder, of multipart/form-data met het veld \`melding\` (dezelfde JSON als ` +
        `tekst) en hoogstens ${MAX_PHOTOS} foto's (JPEG, PNG of WebP, elk hoogstens ${MAX_PHOTO_BYTES / 1024 / 1024} MB).`,
      tags: ['meldingen'],
      consumes: ['application/json', 'multipart/form-data'],
      headers: headersSchema,
      body: intakeSchema,
      response: {
        201: intakeResponseSchema,
        400: errorResponseSchema,
        409: errorResponseSchema,
        413: errorResponseSchema,
        415: errorResponseSchema,
        422: errorResponseSchema,
        429: errorResponseSchema,
        500: errorResponseSchema,
        503: errorResponseSchema,
      },
    },
    preValidation: async (request) => {
      if (!request.isMultipart()) return;
      const { melding, photos } = await readMultipartIntake(request);
      photosOf.set(request, photos);
      // Unvalidated until Fastify runs the body schema right after this hook.
      request.body = melding as typeof request.body;
    },
    handler: async (request, reply) => {
      const result = await service.submit({
        intake: request.body,
        photos: photosOf.get(request) ?? [],
        idempotencyKey: request.headers['idempotency-key'],
      });
      if (result.replayed) reply.header('idempotent-replayed', 'true');
      // A replay answers the stored status, which is always the 201 of the first request.
      return reply.code(result.statusCode as 201).send(result.body);
    },
  });
};

export default intakeRoutes;
