import { text } from '@buurtsignaal/core';
import {
  routingReorderBodySchema,
  routingRuleBodySchema,
  routingRulesResponseSchema,
  routingRuleViewSchema,
} from '@buurtsignaal/core/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiError } from '../../errors.ts';
import type { RoutingRuleService } from '../../routing/routing-rule-service.ts';
import { requireRole, staffOf } from '../../staff/staff-guard.ts';
import { routingTexts } from '../../texts/index.ts';
import { csrfHeaderSchema, errorResponses } from './staff-schemas.ts';

const errors = errorResponses(400, 401, 403, 404, 409);
const tags = ['routering'];
const params = z.object({ id: text().min(1).max(100) });
const writers = requireRole('coordinator', 'admin');

/** The ordered routing rules: list, create, edit (a new version), (de)activate, reorder. */
export interface RoutingRoutesOptions {
  rules: RoutingRuleService;
}

const routingRoutes: FastifyPluginAsyncZod<RoutingRoutesOptions> = async (app, { rules }) => {
  const found = <T>(view: T | undefined): T => {
    if (!view) throw new ApiError(404, 'ROUTING_RULE_NOT_FOUND', routingTexts.ruleNotFound);
    return view;
  };

  app.get(
    '/routing/rules',
    {
      schema: {
        summary: 'De routeringsregels, in de volgorde waarin ze worden geprobeerd',
        description:
          'De eerste actieve regel die past beslist; anders het standaardteam van de categorie. Per ' +
          'regel de huidige versie, of hij ongeldig is geworden (met de fouten) en hoeveel meldingen ' +
          'hij de laatste 30 dagen heeft ingedeeld.',
        tags,
        response: { 200: routingRulesResponseSchema, ...errors },
      },
    },
    async (_request, reply) =>
      reply.header('cache-control', 'private, no-store').send({ items: await rules.list() }),
  );

  app.post(
    '/routing/rules',
    {
      preHandler: writers,
      schema: {
        summary: 'Een routeringsregel toevoegen (achteraan)',
        description:
          'Een regel met een onbekend of inactief team, een onbekend gebied of een vraag die niet bij ' +
          'de categorie hoort is 400 ROUTING_RULE_INVALID, met het veld in `details`.',
        tags,
        headers: csrfHeaderSchema,
        body: routingRuleBodySchema,
        response: { 201: routingRuleViewSchema, ...errors },
      },
    },
    async (request, reply) => {
      const view = await rules.create(request.body, staffOf(request).id);
      await app.staffAudit(request, {
        action: 'routing_rule.create',
        result: 'ok',
        details: { ruleId: view.id, version: view.version },
      });
      return reply.code(201).send(view);
    },
  );

  app.put(
    '/routing/rules/:id',
    {
      preHandler: writers,
      schema: {
        summary: 'Een routeringsregel wijzigen: een nieuwe versie',
        description:
          'Eerdere indelingen blijven naar de versie wijzen die ze besliste. Twee gelijktijdige ' +
          'wijzigingen: één slaagt, de ander krijgt 409 ROUTING_RULE_CHANGED.',
        tags,
        headers: csrfHeaderSchema,
        params,
        body: routingRuleBodySchema,
        response: { 200: routingRuleViewSchema, ...errors },
      },
    },
    async (request) => {
      const view = found(await rules.revise(request.params.id, request.body, staffOf(request).id));
      await app.staffAudit(request, {
        action: 'routing_rule.update',
        result: 'ok',
        details: { ruleId: view.id, version: view.version },
      });
      return view;
    },
  );

  for (const action of ['activate', 'deactivate'] as const) {
    app.post(
      `/routing/rules/:id/${action}`,
      {
        preHandler: writers,
        schema: {
          summary: action === 'activate' ? 'Een regel aanzetten' : 'Een regel uitzetten',
          description: 'Maakt geen nieuwe versie. Een ongeldige regel aanzetten is 400 ROUTING_RULE_INVALID.',
          tags,
          headers: csrfHeaderSchema,
          params,
          response: { 200: routingRuleViewSchema, ...errors },
        },
      },
      async (request) => {
        const view = found(await rules.setActive(request.params.id, action === 'activate'));
        await app.staffAudit(request, {
          action: `routing_rule.${action}`,
          result: 'ok',
          details: { ruleId: view.id, version: view.version },
        });
        return view;
      },
    );
  }

  app.post(
    '/routing/rules/reorder',
    {
      preHandler: writers,
      schema: {
        summary: 'De volgorde van de regels vastleggen',
        description: '`ids`: elke regel precies één keer, in de nieuwe volgorde. Maakt geen nieuwe versies.',
        tags,
        headers: csrfHeaderSchema,
        body: routingReorderBodySchema,
        response: { 200: routingRulesResponseSchema, ...errors },
      },
    },
    async (request) => {
      const items = await rules.reorder(request.body.ids);
      await app.staffAudit(request, {
        action: 'routing_rule.reorder',
        result: 'ok',
        details: { ids: request.body.ids },
      });
      return { items };
    },
  );
};

export default routingRoutes;
