import { text } from '@buurtsignaal/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiError, errorResponseSchema } from '../../errors.ts';
import type { MelderActionsService } from '../../status/melder-actions-service.ts';
import { MELDER_TEXT_MAX } from '../../status/melder-windows.ts';
import { melderStatusSchema, type StatusService } from '../../status/status-service.ts';
import { melderActionTexts, statusTexts } from '../../texts/index.ts';

export interface StatusRoutesOptions {
  service: StatusService;
  actions: MelderActionsService;
  /** The melder's answer and feedback are limited like intake (INTAKE_RATE_LIMIT_*). */
  rateLimit: { max: number; windowMs: number };
  /** Looking a token up (GET) is limited per client address (STATUS_LOOKUP_RATE_LIMIT_*). */
  lookupRateLimit: { max: number; windowMs: number };
}

// Any string: a malformed token is answered like an unknown one (404), never with a hint.
const params = z.object({ token: text() });

const answerBody = z.strictObject({
  answer: text({ multiline: true, trim: true, error: melderActionTexts.answerRequired })
    .min(1, { error: melderActionTexts.answerRequired })
    .max(MELDER_TEXT_MAX, { error: melderActionTexts.answerTooLong(MELDER_TEXT_MAX) }),
});

const feedbackBody = z.strictObject({
  solved: z.boolean({ error: melderActionTexts.solvedRequired }),
  // Required when solved is false; the service says so with the field named (a 400).
  explanation: text({ multiline: true, trim: true })
    .max(MELDER_TEXT_MAX, { error: melderActionTexts.explanationTooLong(MELDER_TEXT_MAX) })
    .optional(),
});

const actionResponses = {
  200: melderStatusSchema,
  400: errorResponseSchema,
  404: errorResponseSchema,
  409: errorResponseSchema,
  413: errorResponseSchema,
  415: errorResponseSchema,
  429: errorResponseSchema,
  500: errorResponseSchema,
};

const statusRoutes: FastifyPluginAsyncZod<StatusRoutesOptions> = async (
  app,
  { service, actions, rateLimit, lookupRateLimit },
) => {
  const limited = { rateLimit: { max: rateLimit.max, timeWindow: rateLimit.windowMs } };
  // Against guessing tokens: a melder opens their link now and then, a script tries thousands.
  const lookupLimited = {
    rateLimit: {
      max: lookupRateLimit.max,
      timeWindow: lookupRateLimit.windowMs,
      errorResponseBuilder: () => new ApiError(429, 'RATE_LIMITED', statusTexts.lookupRateLimited),
    },
  };

  /** The melder's view after a change; the response is personal to whoever holds the link. */
  async function currentStatus(token: string) {
    const status = await service.findByToken(token);
    if (!status) throw new ApiError(404, 'MELDING_NOT_FOUND', statusTexts.notFound);
    return status;
  }

  app.get(
    '/api/v1/status/:token',
    {
      config: lookupLimited,
      schema: {
        summary: 'De status van een melding, voor de melder',
        description: 'Het token komt uit de statuslink die de melder bij het melden kreeg.',
        tags: ['meldingen'],
        params,
        response: {
          200: melderStatusSchema,
          404: errorResponseSchema,
          429: errorResponseSchema,
          500: errorResponseSchema,
        },
      },
    },
    async (request, reply) => {
      const status = await currentStatus(request.params.token);
      return reply.header('cache-control', 'no-store').send(status);
    },
  );

  app.post(
    '/api/v1/status/:token/answer',
    {
      config: limited,
      schema: {
        summary: 'De melder beantwoordt de vraag over de melding',
        description:
          'Alleen zolang de melding op een antwoord wacht (reactie_gevraagd), binnen MELDER_ANSWER_DAYS dagen. ' +
          'Zet de melding terug op in_behandeling; het antwoord staat in het verloop. Anders 409 NO_OPEN_QUESTION.',
        tags: ['meldingen'],
        params,
        body: answerBody,
        response: actionResponses,
      },
    },
    async (request, reply) => {
      await actions.answer(request.params.token, request.body.answer);
      return reply.header('cache-control', 'no-store').send(await currentStatus(request.params.token));
    },
  );

  app.post(
    '/api/v1/status/:token/feedback',
    {
      config: limited,
      schema: {
        summary: '“Is uw melding opgelost?” na het afhandelen',
        description:
          'Eén keer per afhandeling, binnen MELDER_FEEDBACK_DAYS dagen (anders 409 FEEDBACK_CLOSED). ' +
          '“Nee” vraagt een toelichting en heropent de melding de eerste keer; daarna gaat het naar de coördinator.',
        tags: ['meldingen'],
        params,
        body: feedbackBody,
        response: actionResponses,
      },
    },
    async (request, reply) => {
      const { solved, explanation } = request.body;
      const outcome = await actions.feedback(request.params.token, { solved, explanation });
      request.log.info({ outcome }, 'melder feedback');
      return reply.header('cache-control', 'no-store').send(await currentStatus(request.params.token));
    },
  );
};

export default statusRoutes;
