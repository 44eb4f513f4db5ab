import {
  pushKeyResponseSchema,
  pushSubscriptionRequestSchema,
  pushSubscriptionResponseSchema,
  pushUnsubscribeRequestSchema,
} from '@buurtsignaal/core/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiError } from '../../errors.ts';
import type { PushSubscriptionService } from '../../push/push-subscription-service.ts';
import { staffOf } from '../../staff/staff-guard.ts';
import { pushErrorTexts } from '../../texts/index.ts';
import { csrfHeaderSchema, errorResponses } from './staff-schemas.ts';

/** Web Push on the officer's own devices ("Meldingen op dit toestel ontvangen"): any staff role. */
export interface PushRoutesOptions {
  push: PushSubscriptionService;
}

const pushRoutes: FastifyPluginAsyncZod<PushRoutesOptions> = async (app, { push }) => {
  app.get(
    '/push/key',
    {
      schema: {
        summary: 'De openbare VAPID-sleutel waarmee de browser zich aanmeldt voor pushmeldingen',
        tags: ['meldingen op dit toestel'],
        response: { 200: pushKeyResponseSchema, ...errorResponses(401) },
      },
    },
    async (request, reply) => {
      staffOf(request);
      return reply.header('cache-control', 'no-store').send({ publicKey: push.publicKey });
    },
  );

  app.post(
    '/push/subscriptions',
    {
      schema: {
        summary: 'Dit toestel meldingen laten ontvangen (de PushSubscription van de browser)',
        description: 'Hetzelfde endpoint opnieuw: de sleutels en de gebruiker worden bijgewerkt.',
        tags: ['meldingen op dit toestel'],
        headers: csrfHeaderSchema,
        body: pushSubscriptionRequestSchema,
        response: { 201: pushSubscriptionResponseSchema, ...errorResponses(400, 401, 409) },
      },
    },
    async (request, reply) => {
      const staff = staffOf(request);
      if (!push.publicKey) throw new ApiError(409, 'PUSH_NOT_CONFIGURED', pushErrorTexts.notConfigured);
      const saved = await push.save(staff.id, request.body, request.headers['user-agent']);
      // The endpoint is a capability URL of the device: the audit says which device, not where.
      await app.staffAudit(request, {
        action: 'push.subscribe',
        result: 'ok',
        details: { device: saved.label },
      });
      return reply.code(201).send({ endpoint: saved.endpoint, createdAt: saved.createdAt });
    },
  );

  app.delete(
    '/push/subscriptions',
    {
      schema: {
        summary: 'Dit toestel geen meldingen meer laten ontvangen',
        description: 'Ook 204 als het endpoint (al) niet bij deze gebruiker hoort.',
        tags: ['meldingen op dit toestel'],
        headers: csrfHeaderSchema,
        body: pushUnsubscribeRequestSchema,
        response: { 204: z.null(), ...errorResponses(400, 401) },
      },
    },
    async (request, reply) => {
      const staff = staffOf(request);
      const removed = await push.remove(staff.id, request.body.endpoint);
      if (removed) await app.staffAudit(request, { action: 'push.unsubscribe', result: 'ok' });
      return reply.code(204).send(null);
    },
  );
};

export default pushRoutes;
